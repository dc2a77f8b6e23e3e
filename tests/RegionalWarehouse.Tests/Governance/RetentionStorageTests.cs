using Microsoft.Extensions.Logging.Abstractions;
using RegionalWarehouse.Etl.Landing;

namespace RegionalWarehouse.Tests.Governance;

/// <summary>What retention deletes from storage: one LA's return and period, on blob storage (Azurite) and the folder store alike.</summary>
public sealed class RetentionStorageTests
{
    private static readonly string[] Kept = ["919/SSDA903/20190/5-x-1/header.csv", "919/SSDA903/2020/6-upload-1/header.csv", "881/SSDA903/2019/7-upload-1/header.csv"];
    private static readonly string[] Expired = ["919/SSDA903/2019/1-upload-1/header.csv", "919/SSDA903/2019/1-upload-1/report.md", "919/SSDA903/2019/2-resent-1/episodes.csv"];

    [Fact]
    public async Task On_blob_storage_every_blob_under_the_period_goes_and_nothing_beside_it()
    {
        using var azurite = Azurite.Start();
        var store = new BlobLandingStore(azurite.Client, TimeSpan.FromSeconds(30), NullLogger<BlobLandingStore>.Instance);
        await store.EnsureReadyAsync(default);
        var archive = azurite.Client.GetBlobContainerClient(BlobLandingStore.ContainerFor(LandingArea.Archive));
        foreach (var name in Kept.Concat(Expired))
            await archive.GetBlobClient(name).UploadAsync(BinaryData.FromString("CHILD\n1\n"));

        var deleted = await store.DeleteFolderAsync(LandingArea.Archive, "919/SSDA903/2019", default);

        Assert.Equal(Expired.Length, deleted);
        Assert.Equal(Kept.Order(), (await WorkerRun.ListAsync(azurite.Client, BlobLandingStore.ContainerFor(LandingArea.Archive))).Order());
        Assert.Equal(0, await store.DeleteFolderAsync(LandingArea.Archive, "919/SSDA903/2019", default));
    }

    [Fact]
    public async Task On_the_folder_store_the_periods_folder_goes_and_a_path_outside_the_area_is_refused()
    {
        var root = Directory.CreateTempSubdirectory("rw-retention-store-").FullName;
        try
        {
            var store = new FolderLandingStore(root);
            foreach (var name in Kept.Concat(Expired))
            {
                var path = Path.Combine(store.AreaFolder(LandingArea.Archive), name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllTextAsync(path, "CHILD\n1\n");
            }

            Assert.Equal(Expired.Length, await store.DeleteFolderAsync(LandingArea.Archive, "919/SSDA903/2019", default));

            var left = Directory.EnumerateFiles(store.AreaFolder(LandingArea.Archive), "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(store.AreaFolder(LandingArea.Archive), f));
            Assert.Equal(Kept.Order(), left.Order());
            await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteFolderAsync(LandingArea.Archive, "../quarantine", default));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
