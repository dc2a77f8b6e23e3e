using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;

namespace RegionalWarehouse.Etl.Landing;

/// <summary>
/// Azure Blob Storage (Azurite locally): containers landing, archive, quarantine and reports. A claim is
/// a lease on the submission's marker blob (_READY or the .zip), renewed while the worker holds it and
/// freed by Azure within the lease time if the worker dies.
/// </summary>
public sealed class BlobLandingStore(BlobServiceClient service, TimeSpan leaseTime, ILogger<BlobLandingStore> logger) : ILandingStore
{
    public const string LandingContainer = "landing";

    /// <summary>Where zips are downloaded while they are processed; each is deleted when its claim is released.</summary>
    public static string DownloadFolder { get; } = Path.Combine(Path.GetTempPath(), "rw-landing-downloads");

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _downloads = new();

    private BlobContainerClient Landing => service.GetBlobContainerClient(LandingContainer);

    public static string ContainerFor(LandingArea area) => area.ToString().ToLowerInvariant();

    public string Describe() => $"blob storage {service.Uri}";

    /// <summary>
    /// The folder zips are downloaded into: the worker's own (0700 on Unix), since a zip holds raw identifiers
    /// until it is read. Created on use, and its mode restored if something loosened it.
    /// </summary>
    public static string PrivateDownloadFolder()
    {
        if (OperatingSystem.IsWindows())
            return Directory.CreateDirectory(DownloadFolder).FullName;
        const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Directory.CreateDirectory(DownloadFolder, OwnerOnly);
        File.SetUnixFileMode(DownloadFolder, OwnerOnly);
        return DownloadFolder;
    }

    /// <summary>
    /// Deletes downloads a killed worker left behind (older than <paramref name="olderThan"/>: a live claim's
    /// download is minutes old at most), so no raw return outlives its processing in the temporary folder.
    /// </summary>
    public static int SweepLeftoverDownloads(TimeSpan olderThan)
    {
        if (!Directory.Exists(DownloadFolder))
            return 0;
        var cutoff = DateTime.UtcNow - olderThan;
        var swept = 0;
        foreach (var file in Directory.EnumerateFiles(DownloadFolder).Where(f => File.GetLastWriteTimeUtc(f) < cutoff))
        {
            try
            {
                File.Delete(file);
                swept++;
            }
            catch (IOException)
            {
                // In use after all: the next start sweeps it.
            }
        }
        return swept;
    }

    public async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        if (SweepLeftoverDownloads(TimeSpan.FromHours(1)) is > 0 and var swept)
            logger.LogWarning("Deleted {Count} downloaded return(s) a stopped worker left in {Folder}", swept, DownloadFolder);
        try
        {
            foreach (var container in new[] { LandingContainer, ContainerFor(LandingArea.Archive), ContainerFor(LandingArea.Quarantine), ContainerFor(LandingArea.Reports) })
                await service.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException or HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new LandingUnavailableException(
                $"Cannot reach blob storage at {service.Uri}: {ex.GetBaseException().Message}. Check Landing:BlobServiceUri or Landing:BlobConnectionString, that this app's identity has Storage Blob Data Contributor, and that the account is reachable.", ex);
        }
    }

    public async Task<IReadOnlyList<LandedSubmission>> DiscoverAsync(CancellationToken cancellationToken)
    {
        var found = new List<LandedSubmission>();
        await foreach (var blob in Landing.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var parts = blob.Name.Split('/');
            // Deeper folders too (a period typed 2024/25): they are refused with a report, not left in landing unseen.
            if (parts.Length >= 5 && parts[^1] == SubmissionFiles.ReadyMarker)
            {
                if (LandedSubmission.FromPath(string.Join('/', parts[..^1]), isZip: false) is { } folder)
                    found.Add(folder);
            }
            else if (parts.Length == 4 && blob.Name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) && LandedSubmission.FromPath(blob.Name, isZip: true) is { } zip)
            {
                found.Add(zip);
            }
        }
        return found;
    }

    public async Task<ILandingClaim?> TryClaimAsync(LandedSubmission submission, CancellationToken cancellationToken)
    {
        var lease = Landing.GetBlobClient(MarkerName(submission)).GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(leaseTime, cancellationToken: cancellationToken);
            return new LeaseClaim(lease, leaseTime, logger, () => ForgetDownload(submission));
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            return null;
        }
    }

    private void ForgetDownload(LandedSubmission submission)
    {
        if (_downloads.TryRemove(submission.Path, out var local))
            try
            {
                File.Delete(local);
            }
            catch (IOException ex)
            {
                logger.LogWarning("Could not delete the downloaded copy {File}: {Message}", local, ex.Message);
            }
    }

    public async Task<IReadOnlyList<ReturnFile>> OpenFilesAsync(LandedSubmission submission, CancellationToken cancellationToken)
    {
        if (submission.IsZip)
        {
            // Zip entries need a seekable file; the download streams to disk, not memory, and is deleted with the claim.
            PrivateDownloadFolder();
            var local = _downloads.GetOrAdd(submission.Path, _ => Path.Combine(DownloadFolder, $"{Guid.NewGuid():N}-{Path.GetFileName(submission.Path)}"));
            if (!File.Exists(local))
                await Landing.GetBlobClient(submission.Path).DownloadToAsync(local, cancellationToken);
            return SubmissionFiles.From(local);
        }
        var files = new List<ReturnFile>();
        await foreach (var blob in Landing.GetBlobsAsync(BlobTraits.None, BlobStates.None, submission.Path + "/", cancellationToken))
        {
            var name = blob.Name[(submission.Path.Length + 1)..];
            if (name.Contains('/') || name == SubmissionFiles.ReadyMarker || name.StartsWith('.'))
                continue;
            var client = Landing.GetBlobClient(blob.Name);
            files.Add(new ReturnFile(name, () => client.OpenRead()));
        }
        return files.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    public async Task MoveAsync(LandedSubmission submission, ILandingClaim claim, LandingArea area, string folder, CancellationToken cancellationToken)
    {
        var target = service.GetBlobContainerClient(ContainerFor(area));
        var names = new List<string>();
        if (submission.IsZip)
            names.Add(submission.Path);
        else
            await foreach (var blob in Landing.GetBlobsAsync(BlobTraits.None, BlobStates.None, submission.Path + "/", cancellationToken))
                if (!blob.Name.EndsWith("/" + SubmissionFiles.ReadyMarker, StringComparison.Ordinal))
                    names.Add(blob.Name);

        foreach (var name in names)
        {
            var source = Landing.GetBlobClient(name);
            var destination = target.GetBlobClient($"{folder}/{Path.GetFileName(name)}");
            await using var read = await source.OpenReadAsync(cancellationToken: cancellationToken);
            await destination.UploadAsync(read, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
        }

        var leaseId = ((LeaseClaim)claim).LeaseId;
        var marker = Landing.GetBlobClient(MarkerName(submission));
        await marker.DeleteIfExistsAsync(conditions: new BlobRequestConditions { LeaseId = leaseId }, cancellationToken: cancellationToken);
        if (!submission.IsZip)
            foreach (var name in names)
                await Landing.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken);
    }

    public async Task<int> DeleteFolderAsync(LandingArea area, string folder, CancellationToken cancellationToken)
    {
        var container = service.GetBlobContainerClient(ContainerFor(area));
        var deleted = 0;
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, folder.TrimEnd('/') + "/", cancellationToken))
            if ((await container.GetBlobClient(blob.Name).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken)).Value)
                deleted++;
        return deleted;
    }

    public async Task WriteReportAsync(LandingArea area, string folder, SubmissionReport report, CancellationToken cancellationToken)
    {
        var container = service.GetBlobContainerClient(ContainerFor(area));
        await container.GetBlobClient($"{folder}/report.json").UploadAsync(BinaryData.FromString(report.ToJson()), overwrite: true, cancellationToken);
        await container.GetBlobClient($"{folder}/report.md").UploadAsync(BinaryData.FromString(report.ToMarkdown()), overwrite: true, cancellationToken);
    }

    private static string MarkerName(LandedSubmission submission) =>
        submission.IsZip ? submission.Path : $"{submission.Path}/{SubmissionFiles.ReadyMarker}";

    private sealed class LeaseClaim : ILandingClaim
    {
        private readonly BlobLeaseClient _lease;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _renewal;

        private readonly Action _released;

        public LeaseClaim(BlobLeaseClient lease, TimeSpan leaseTime, ILogger logger, Action released)
        {
            _lease = lease;
            _released = released;
            _renewal = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    try
                    {
                        await Task.Delay(leaseTime / 3, _stop.Token);
                        await _lease.RenewAsync(cancellationToken: _stop.Token);
                    }
                    catch (OperationCanceledException) { }
                    catch (RequestFailedException ex)
                    {
                        Lost = true;
                        logger.LogWarning("Lost the lease on {Blob}: {Message}", _lease.Uri, ex.Message);
                        return;
                    }
                }
            });
        }

        public string LeaseId => _lease.LeaseId;

        public bool Lost { get; private set; }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _renewal;
            _released();
            try
            {
                await _lease.ReleaseAsync();
            }
            catch (RequestFailedException)
            {
                // The marker is deleted once the submission is archived, which ends the lease with it.
            }
        }
    }
}
