namespace RegionalWarehouse.Etl.Landing;

/// <summary>
/// Where LAs drop returns and where the platform files them afterwards. Two real implementations:
/// Azure Blob Storage (Azurite locally) and a local folder (the embedded default).
/// </summary>
public interface ILandingStore
{
    string Describe();

    /// <summary>Creates the containers/folders if needed; <see cref="LandingUnavailableException"/> when storage cannot be reached.</summary>
    Task EnsureReadyAsync(CancellationToken cancellationToken);

    /// <summary>Complete submissions: folders with _READY, and .zip files.</summary>
    Task<IReadOnlyList<LandedSubmission>> DiscoverAsync(CancellationToken cancellationToken);

    /// <summary>An exclusive claim, or null when another worker holds it or the submission has gone.</summary>
    Task<ILandingClaim?> TryClaimAsync(LandedSubmission submission, CancellationToken cancellationToken);

    /// <summary>The submission's files (a zip's entries), readable as streams while the claim is held.</summary>
    Task<IReadOnlyList<ReturnFile>> OpenFilesAsync(LandedSubmission submission, CancellationToken cancellationToken);

    /// <summary>
    /// Copies the submission into <paramref name="area"/> under <paramref name="folder"/>, then removes it
    /// from landing, marker first, so a crash part-way never leaves a complete-looking partial submission.
    /// </summary>
    Task MoveAsync(LandedSubmission submission, ILandingClaim claim, LandingArea area, string folder, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every file under <paramref name="folder"/> of <paramref name="area"/> (the raw files of a return past
    /// its retention); returns how many went. A folder that is not there deletes nothing.
    /// </summary>
    Task<int> DeleteFolderAsync(LandingArea area, string folder, CancellationToken cancellationToken);

    /// <summary>Writes report.json and report.md into <paramref name="folder"/> of <paramref name="area"/>.</summary>
    Task WriteReportAsync(LandingArea area, string folder, SubmissionReport report, CancellationToken cancellationToken);
}
