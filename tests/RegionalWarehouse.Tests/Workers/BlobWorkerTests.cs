using RegionalWarehouse.Etl.Landing;
using RegionalWarehouse.Synthetic.Ssda903;

namespace RegionalWarehouse.Tests.Workers;

/// <summary>The scheduled workers against a real Azurite blob service and a DuckDB warehouse.</summary>
public class BlobWorkerTests : IDisposable
{
    private readonly Azurite _azurite = Azurite.Start();
    private readonly string _folder = Directory.CreateTempSubdirectory("rw-worker-").FullName;

    private string WarehouseFile => Path.Combine(_folder, "warehouse.duckdb");

    private long Count(string sql) => WorkerRun.Count(WarehouseFile, sql);

    [Fact]
    public async Task A_dropped_submission_is_loaded_archived_and_reported()
    {
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        await WorkerRun.UploadAsync(_azurite.Client, fixture.Folder, "919/SSDA903/2024/upload-1");

        await WorkerRun.RunUntilIdleAsync(WorkerRun.Settings(WarehouseFile, _azurite.ConnectionString));

        Assert.Equal(1, Count("select count(*) from etl.submission where state = 'loaded' and is_current and la_code = '919'"));
        Assert.Equal(9, Count("select count(*) from dw.fact_cla_episode"));
        Assert.Empty(await WorkerRun.ListAsync(_azurite.Client, "landing"));
        var archived = await WorkerRun.ListAsync(_azurite.Client, "archive");
        Assert.Contains(archived, n => n.StartsWith("919/SSDA903/2024/") && n.EndsWith("/episodes.csv"));
        Assert.Contains(archived, n => n.EndsWith("/report.json"));
        Assert.Contains(await WorkerRun.ListAsync(_azurite.Client, "reports"), n => n.StartsWith("919/SSDA903/2024/") && n.EndsWith("/report.md"));
    }

    [Fact]
    public async Task A_rejected_submission_is_quarantined_with_a_report_saying_why()
    {
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        fixture.Set("episodes.csv", 9, "LS", "ZZ");
        await WorkerRun.UploadAsync(_azurite.Client, fixture.Folder, "919/SSDA903/2024/upload-1");

        await WorkerRun.RunUntilIdleAsync(WorkerRun.Settings(WarehouseFile, _azurite.ConnectionString));

        Assert.Equal(0, Count("select count(*) from dw.fact_cla_episode"));
        var quarantined = await WorkerRun.ListAsync(_azurite.Client, "quarantine");
        var report = Assert.Single(quarantined, n => n.EndsWith("/report.md"));
        var text = (await _azurite.Client.GetBlobContainerClient("quarantine").GetBlobClient(report).DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("| EPI-04 | episodes.csv | 9 | C4 | LS |", text);
        Assert.Contains(quarantined, n => n.EndsWith("/episodes.csv"));
        Assert.Empty(await WorkerRun.ListAsync(_azurite.Client, "landing"));
    }

    [Fact]
    public async Task The_same_files_dropped_twice_load_once()
    {
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        await WorkerRun.UploadAsync(_azurite.Client, fixture.Folder, "919/SSDA903/2024/upload-1");
        await WorkerRun.RunUntilIdleAsync(WorkerRun.Settings(WarehouseFile, _azurite.ConnectionString));
        await WorkerRun.UploadAsync(_azurite.Client, fixture.Folder, "919/SSDA903/2024/upload-2");

        await WorkerRun.RunUntilIdleAsync(WorkerRun.Settings(WarehouseFile, _azurite.ConnectionString));

        Assert.Equal(1, Count("select count(*) from etl.submission"));
        Assert.Equal(9, Count("select count(*) from dw.fact_cla_episode"));
        Assert.Equal(2, (await WorkerRun.ListAsync(_azurite.Client, "archive")).Count(n => n.EndsWith("/header.csv")));
    }

    [Fact]
    public async Task A_zip_dropped_in_landing_is_a_submission()
    {
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        var zip = Path.Combine(_folder, "return.zip");
        System.IO.Compression.ZipFile.CreateFromDirectory(fixture.Folder, zip);
        var landing = _azurite.Client.GetBlobContainerClient("landing");
        await landing.CreateIfNotExistsAsync();
        await landing.GetBlobClient("881/SSDA903/2024/export.zip").UploadAsync(zip);

        await WorkerRun.RunUntilIdleAsync(WorkerRun.Settings(WarehouseFile, _azurite.ConnectionString));

        Assert.Equal(1, Count("select count(*) from etl.submission where la_code = '881' and state = 'loaded'"));
        Assert.Contains(await WorkerRun.ListAsync(_azurite.Client, "archive"), n => n.EndsWith("/export.zip"));
        // The local copy the worker read the zip from is gone.
        Assert.Empty(Directory.Exists(BlobLandingStore.DownloadFolder) ? Directory.GetFiles(BlobLandingStore.DownloadFolder, "*-export.zip") : []);
    }

    [Fact]
    public async Task Two_workers_racing_for_the_same_submissions_load_each_exactly_once()
    {
        var returns = Ssda903Generator.Generate(new GeneratorRequest(["821", "822", "919"], 2023, 2024, Seed: 2, Scale: 0.1)).ToList();
        var local = Path.Combine(_folder, "generated");
        foreach (var generated in returns)
        {
            var folder = Ssda903Generator.Write(generated, local, "race");
            await WorkerRun.UploadAsync(_azurite.Client, folder, $"{generated.LaCode}/SSDA903/{generated.Year}/race");
        }
        var settings = WorkerRun.Settings(WarehouseFile, _azurite.ConnectionString);
        using (var migrate = WorkerRun.Build(settings))
            migrate.Services.GetService(typeof(RegionalWarehouse.Warehouse.Migrations.WarehouseMigrator))!
                .GetType().GetMethod("Migrate")!.Invoke(migrate.Services.GetService(typeof(RegionalWarehouse.Warehouse.Migrations.WarehouseMigrator)), null);

        var logsA = new LogCapture();
        var logsB = new LogCapture();
        await Task.WhenAll(WorkerRun.RunUntilIdleAsync(settings, logsA), WorkerRun.RunUntilIdleAsync(settings, logsB));

        Assert.Equal(returns.Count, Count("select count(*) from etl.submission where state = 'loaded'"));
        Assert.Equal(returns.Count, Count("select count(distinct la_code || period) from etl.submission where is_current"));
        Assert.Equal(returns.Sum(r => (long)r[RegionalWarehouse.Etl.Ssda903.Ssda903Schema.Episodes].Rows.Count), Count("select count(*) from dw.fact_cla_episode"));
        Assert.Empty(await WorkerRun.ListAsync(_azurite.Client, "landing"));
    }

    public void Dispose()
    {
        _azurite.Dispose();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
