using System.Security.Cryptography;
using System.Text;

namespace RegionalWarehouse.Etl.Landing;

/// <summary>
/// The embedded default: landing/, archive/, quarantine/ and reports/ folders under one root. A claim is
/// an exclusively opened lock file, which the operating system releases if the worker dies.
/// </summary>
public sealed class FolderLandingStore(string root) : ILandingStore
{
    public string Root { get; } = Path.GetFullPath(root);

    public string LandingFolder => Path.Combine(Root, "landing");

    public string Describe() => $"folder {Root}";

    public string AreaFolder(LandingArea area) => Path.Combine(Root, area.ToString().ToLowerInvariant());

    public Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var folder in new[] { LandingFolder, AreaFolder(LandingArea.Archive), AreaFolder(LandingArea.Quarantine), AreaFolder(LandingArea.Reports), LockFolder })
                Directory.CreateDirectory(folder);
            return Task.CompletedTask;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LandingUnavailableException($"Cannot use the landing folder {Root}: {ex.Message}. Check Landing:Folder (RW__Landing__Folder).", ex);
        }
    }

    public Task<IReadOnlyList<LandedSubmission>> DiscoverAsync(CancellationToken cancellationToken)
    {
        var found = new List<LandedSubmission>();
        if (!Directory.Exists(LandingFolder))
            return Task.FromResult<IReadOnlyList<LandedSubmission>>(found);
        // Links are never followed: a link in landing could point anywhere on the machine. A marked folder deeper than
        // {la}/{return}/{period}/{name} (a period typed 2024/25) is found too, and refused with a report.
        foreach (var marker in Directory.EnumerateFiles(LandingFolder, SubmissionFiles.ReadyMarker, MarkerSearch))
            if (LandedSubmission.FromPath(Relative(Path.GetDirectoryName(marker)!), isZip: false) is { } s)
                found.Add(s);
        foreach (var periodFolder in Directory.EnumerateDirectories(LandingFolder, "*", new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 2, AttributesToSkip = FileAttributes.ReparsePoint })
                     .Where(d => Relative(d).Split('/').Length == 3))
            foreach (var zip in Directory.EnumerateFiles(periodFolder, "*.zip", SubmissionFiles.NoLinks))
                if (LandedSubmission.FromPath(Relative(zip), isZip: true) is { } s)
                    found.Add(s);
        return Task.FromResult<IReadOnlyList<LandedSubmission>>(found.OrderBy(s => s.Path, StringComparer.Ordinal).ToList());
    }

    public Task<ILandingClaim?> TryClaimAsync(LandedSubmission submission, CancellationToken cancellationToken)
    {
        if (!Exists(submission))
            return Task.FromResult<ILandingClaim?>(null);
        var lockPath = Path.Combine(LockFolder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(submission.Path)))[..32] + ".lock");
        try
        {
            var stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            // Re-check after locking: another worker may have finished and moved it meanwhile.
            if (!Exists(submission))
            {
                stream.Dispose();
                return Task.FromResult<ILandingClaim?>(null);
            }
            return Task.FromResult<ILandingClaim?>(new FileClaim(stream));
        }
        catch (IOException)
        {
            return Task.FromResult<ILandingClaim?>(null);
        }
    }

    public Task<IReadOnlyList<ReturnFile>> OpenFilesAsync(LandedSubmission submission, CancellationToken cancellationToken) =>
        Task.FromResult(SubmissionFiles.From(FullPath(submission)));

    public Task MoveAsync(LandedSubmission submission, ILandingClaim claim, LandingArea area, string folder, CancellationToken cancellationToken)
    {
        var target = Path.Combine(AreaFolder(area), folder);
        Directory.CreateDirectory(target);
        var source = FullPath(submission);
        if (submission.IsZip)
        {
            File.Copy(source, Path.Combine(target, Path.GetFileName(source)), overwrite: false);
            File.Delete(source);
            return Task.CompletedTask;
        }
        // Everything the LA put in the folder is kept, subfolders included; links are removed, never followed.
        foreach (var file in Directory.EnumerateFiles(source, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
                     .Where(f => Path.GetFileName(f) != SubmissionFiles.ReadyMarker))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy, overwrite: false);
        }
        File.Delete(Path.Combine(source, SubmissionFiles.ReadyMarker));
        Directory.Delete(source, recursive: true);
        return Task.CompletedTask;
    }

    public Task<int> DeleteFolderAsync(LandingArea area, string folder, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(Path.Combine(AreaFolder(area), folder));
        if (!target.StartsWith(Path.GetFullPath(AreaFolder(area)) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"'{folder}' is not a folder inside {area}.", nameof(folder));
        if (!Directory.Exists(target))
            return Task.FromResult(0);
        var files = Directory.EnumerateFiles(target, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }).Count();
        Directory.Delete(target, recursive: true);
        return Task.FromResult(files);
    }

    public Task WriteReportAsync(LandingArea area, string folder, SubmissionReport report, CancellationToken cancellationToken)
    {
        report.WriteTo(Path.Combine(AreaFolder(area), folder));
        return Task.CompletedTask;
    }

    private string LockFolder => Path.Combine(Root, ".locks");

    private static readonly EnumerationOptions MarkerSearch = new()
    {
        RecurseSubdirectories = true,
        MaxRecursionDepth = 8,
        AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden | FileAttributes.System,
    };

    /// <summary>
    /// The submission's path in landing. Discovery skips links, but a folder can be swapped for a link after it:
    /// every step of the path is checked again whenever it is used, and a link is never followed.
    /// </summary>
    private string FullPath(LandedSubmission submission) =>
        LinkAlong(submission) is { } link
            ? throw new Csv.UnreadableInputException($"{link} in landing is a link, not a folder or file the LA uploaded; it was not followed.")
            : Path.Combine(LandingFolder, submission.Path);

    /// <summary>The first part of the submission's path that is a link, or null when none is.</summary>
    private string? LinkAlong(LandedSubmission submission)
    {
        var path = LandingFolder;
        foreach (var part in submission.Path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            path = Path.Combine(path, part);
            if (new FileInfo(path).LinkTarget is not null)
                return Relative(path);
        }
        return null;
    }

    /// <summary>Still there, and still no link along its path (a claim on a swapped folder is refused).</summary>
    private bool Exists(LandedSubmission submission) =>
        LinkAlong(submission) is null
        && (submission.IsZip ? File.Exists(FullPath(submission)) : File.Exists(Path.Combine(FullPath(submission), SubmissionFiles.ReadyMarker)));

    private string Relative(string path) => Path.GetRelativePath(LandingFolder, path).Replace('\\', '/');

    private sealed class FileClaim(FileStream stream) : ILandingClaim
    {
        public bool Lost => false;

        public ValueTask DisposeAsync() => stream.DisposeAsync();
    }
}
