using RegionalWarehouse.Etl.Landing;

namespace RegionalWarehouse.Tests.Workers;

/// <summary>
/// A zip downloaded from blob storage holds raw identifiers until it is read: it lives in a folder only the worker can
/// open, and a download a killed worker left behind is deleted when a worker next starts.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class DownloadFolderTests
{
    [Fact]
    public void Downloads_go_to_an_owner_only_folder_and_a_stopped_workers_leftovers_are_swept()
    {
        var folder = BlobLandingStore.PrivateDownloadFolder();
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));

        var leftover = Path.Combine(folder, $"{Guid.NewGuid():N}-leftover.zip");
        var current = Path.Combine(folder, $"{Guid.NewGuid():N}-current.zip");
        File.WriteAllText(leftover, "PK");
        File.WriteAllText(current, "PK");
        File.SetLastWriteTimeUtc(leftover, DateTime.UtcNow.AddHours(-3));

        BlobLandingStore.SweepLeftoverDownloads(TimeSpan.FromHours(1));

        Assert.False(File.Exists(leftover));
        Assert.True(File.Exists(current), "a download still in use was swept");
        File.Delete(current);
    }
}
