using RegionalWarehouse.Etl.Csv;
using RegionalWarehouse.Etl.Landing;

namespace RegionalWarehouse.Tests.Support;

/// <summary>
/// The real folder store, except that filing away (<see cref="MovesFail"/>) or deleting (<see cref="DeletesFail"/>)
/// throws as unreachable storage does, for as long as the test says.
/// </summary>
public sealed class FailingLandingStore(FolderLandingStore inner) : ILandingStore
{
    public bool MovesFail { get; set; }

    public bool DeletesFail { get; set; }

    public string Describe() => inner.Describe();
    public Task EnsureReadyAsync(CancellationToken c) => inner.EnsureReadyAsync(c);
    public Task<IReadOnlyList<LandedSubmission>> DiscoverAsync(CancellationToken c) => inner.DiscoverAsync(c);
    public Task<ILandingClaim?> TryClaimAsync(LandedSubmission s, CancellationToken c) => inner.TryClaimAsync(s, c);
    public Task<IReadOnlyList<ReturnFile>> OpenFilesAsync(LandedSubmission s, CancellationToken c) => inner.OpenFilesAsync(s, c);
    public Task MoveAsync(LandedSubmission s, ILandingClaim claim, LandingArea a, string f, CancellationToken c) =>
        MovesFail ? throw new IOException("storage unavailable") : inner.MoveAsync(s, claim, a, f, c);
    public Task<int> DeleteFolderAsync(LandingArea a, string f, CancellationToken c) =>
        DeletesFail ? throw new IOException("storage unavailable") : inner.DeleteFolderAsync(a, f, c);
    public Task WriteReportAsync(LandingArea a, string f, SubmissionReport r, CancellationToken c) => inner.WriteReportAsync(a, f, r, c);
}
