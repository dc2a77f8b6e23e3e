using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RegionalWarehouse.Etl.Hosting;
using RegionalWarehouse.Etl.Workers;
using RegionalWarehouse.Warehouse.Migrations;

namespace RegionalWarehouse.Tests.Support;

/// <summary>Runs the real worker host (Quartz, landing store, DuckDB) until landing is processed.</summary>
public static class WorkerRun
{
    public static Dictionary<string, string?> Settings(string warehouseFile, string? blobConnectionString = null, string? landingFolder = null) => new()
    {
        ["Warehouse:Engine"] = "DuckDb",
        ["Warehouse:DuckDbPath"] = warehouseFile,
        ["Privacy:PseudonymisationKey"] = PipelineHarness.Key,
        ["Landing:Kind"] = blobConnectionString is null ? "Folder" : "Blob",
        ["Landing:BlobConnectionString"] = blobConnectionString,
        ["Landing:Folder"] = landingFolder,
        ["Worker:DiscoverIntervalSeconds"] = "1",
        ["Worker:RetryBaseSeconds"] = "0",
        ["Worker:MartRefreshDelaySeconds"] = "0.2",
        ["Dashboard:Enabled"] = "false",
        ["Logging:LogLevel:Default"] = "Information",
    };

    /// <summary>A count from the warehouse file a worker run used (opened after the worker has stopped).</summary>
    public static long Count(string warehouseFile, string sql)
    {
        using var connection = new RegionalWarehouse.Warehouse.Engines.DuckDbEngine(warehouseFile).Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar());
    }

    public static IHost Build(Dictionary<string, string?> settings, LogCapture? logs = null, bool exitWhenIdle = true) =>
        WorkerHost.Build([], settings, (services, _) =>
        {
            if (exitWhenIdle)
                services.AddHostedService<IdleShutdown>();
            if (logs is not null)
                services.AddLogging(l => l.AddProvider(logs));
        });

    public static async Task RunUntilIdleAsync(Dictionary<string, string?> settings, LogCapture? logs = null, int timeoutSeconds = 60)
    {
        using var host = Build(settings, logs);
        host.Services.GetRequiredService<WarehouseMigrator>().Migrate();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        await host.RunAsync(timeout.Token);
        Assert.False(timeout.IsCancellationRequested, "the worker did not finish processing landing in time");
    }

    /// <summary>Uploads a submission folder's files, then the _READY marker last, as an LA's upload tool would.</summary>
    public static async Task UploadAsync(BlobServiceClient service, string localFolder, string landingPath)
    {
        var container = service.GetBlobContainerClient("landing");
        await container.CreateIfNotExistsAsync();
        foreach (var file in Directory.GetFiles(localFolder).Where(f => Path.GetFileName(f) != "_READY"))
            await container.GetBlobClient($"{landingPath}/{Path.GetFileName(file)}").UploadAsync(file, overwrite: true);
        await container.GetBlobClient($"{landingPath}/_READY").UploadAsync(BinaryData.FromString(""), overwrite: true);
    }

    public static async Task<List<string>> ListAsync(BlobServiceClient service, string container)
    {
        var names = new List<string>();
        var client = service.GetBlobContainerClient(container);
        if (!await client.ExistsAsync())
            return names;
        await foreach (var blob in client.GetBlobsAsync())
            names.Add(blob.Name);
        return names;
    }
}
