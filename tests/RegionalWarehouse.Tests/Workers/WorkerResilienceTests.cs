using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RegionalWarehouse.Etl.Ssda903;
using RegionalWarehouse.Synthetic.Ssda903;
using RegionalWarehouse.Warehouse.Engines;
using RegionalWarehouse.Warehouse.Migrations;

namespace RegionalWarehouse.Tests.Workers;

/// <summary>What happens when things go wrong: a killed worker, unreachable storage, a load that keeps failing.</summary>
public class WorkerResilienceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rw-resilience-").FullName;

    private string WarehouseFile => Path.Combine(_folder, "warehouse.duckdb");

    private long Count(string sql) => WorkerRun.Count(WarehouseFile, sql);

    [Fact]
    public async Task A_worker_killed_mid_load_leaves_no_partial_data_and_the_submission_loads_after_restart()
    {
        using var azurite = Azurite.Start();
        var generated = Ssda903Generator.Generate(new GeneratorRequest(["881"], 2024, 2024, Seed: 4, Scale: 2)).Single();
        await WorkerRun.UploadAsync(azurite.Client, Ssda903Generator.Write(generated, Path.Combine(_folder, "gen"), "big"), "881/SSDA903/2024/big");
        var environment = WorkerRun.Settings(WarehouseFile, azurite.ConnectionString)
            .Where(s => s.Value is not null)
            .ToDictionary(s => "RW__" + s.Key.Replace(":", "__"), s => s.Value!);

        // Every row is written and the transaction is open when the worker announces the hold: kill it there.
        var killed = await RunWorkerUntilAsync(environment.Append(KeyValuePair.Create("RW__Worker__HoldBeforeCommitMilliseconds", "60000")).ToDictionary(),
            line => line.Contains("holding 60000 ms before commit"));
        Assert.True(killed, "the worker never started loading");

        Assert.Equal(0, Count("select count(*) from dw.fact_cla_episode"));
        Assert.Equal(0, Count("select count(*) from etl.submission where state in ('loaded', 'loading')"));
        var restart = RwProcess.Run(_folder, environment, "worker", "--exit-when-idle");
        Assert.Equal(0, restart.ExitCode);
        Assert.Equal(1, Count("select count(*) from etl.submission where state = 'loaded'"));
        Assert.Equal(generated[Ssda903Schema.Episodes].Rows.Count, Count("select count(*) from dw.fact_cla_episode"));
    }

    /// <summary>Starts `rw worker` and kills its whole process tree the moment a log line matches.</summary>
    private async Task<bool> RunWorkerUntilAsync(Dictionary<string, string> environment, Func<string, bool> killWhen)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "rw.dll"));
        start.ArgumentList.Add("worker");
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var seen = new TaskCompletionSource<bool>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && killWhen(e.Data))
            {
                process.Kill(entireProcessTree: true);
                seen.TrySetResult(true);
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var finished = await Task.WhenAny(seen.Task, Task.Delay(TimeSpan.FromSeconds(60)));
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        return finished == seen.Task;
    }

    [Fact]
    public async Task Unreachable_blob_storage_is_logged_clearly_and_retried_until_it_comes_up()
    {
        var port = Azurite.FreePort();
        var logs = new LogCapture();
        var settings = WorkerRun.Settings(WarehouseFile, Azurite.ConnectionStringFor(port));
        using var host = WorkerRun.Build(settings, logs, exitWhenIdle: false);
        host.Services.GetRequiredService<WarehouseMigrator>().Migrate();
        await host.StartAsync();
        try
        {
            await WaitUntil(() => logs.Lines.Count(l => l.Contains("Cannot reach the landing store")) >= 2, 60);
            Assert.Contains(logs.Lines, l => l.Contains("Cannot reach the landing store") && l.Contains("trying again"));

            using var azurite = Azurite.Start(port);
            using var fixture = ReturnFixture.Copy("valid-919-2024");
            await WorkerRun.UploadAsync(azurite.Client, fixture.Folder, "919/SSDA903/2024/late");
            await WaitUntil(() => Count("select count(*) from etl.submission where state = 'loaded'") == 1, 60);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task A_load_that_keeps_failing_is_retried_then_quarantined_as_poison_with_the_error()
    {
        var settings = WorkerRun.Settings(WarehouseFile, landingFolder: Path.Combine(_folder, "storage"));
        settings["Worker:MaxAttempts"] = "2";
        new WarehouseMigrator(new DuckDbEngine(WarehouseFile), Microsoft.Extensions.Logging.Abstractions.NullLogger<WarehouseMigrator>.Instance).Migrate();
        using (var connection = new DuckDbEngine(WarehouseFile).Open())
        using (var command = connection.CreateCommand())
        {
            // Every load now fails inside its transaction (the bulk writer refuses a table whose columns changed),
            // while the warehouse still migrates: dropping the table would stop the views re-applying at start.
            command.CommandText = "alter table dw.fact_cla_uasc add column blocker integer";
            command.ExecuteNonQuery();
        }
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        var landing = Path.Combine(_folder, "storage", "landing", "919", "SSDA903", "2024", "upload");
        Directory.CreateDirectory(landing);
        foreach (var file in Directory.GetFiles(fixture.Folder))
            File.Copy(file, Path.Combine(landing, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(landing, "_READY"), "");

        await WorkerRun.RunUntilIdleAsync(settings);

        Assert.Equal(2, Count("select count(*) from etl.submission where state = 'failed'"));
        Assert.Equal(0, Count("select count(*) from dw.fact_cla_episode"));
        Assert.False(Directory.Exists(landing));
        var report = Directory.GetFiles(Path.Combine(_folder, "storage", "quarantine"), "report.md", SearchOption.AllDirectories).Single();
        Assert.Contains("failed 2 times", File.ReadAllText(report));
        Assert.Contains("fact_cla_uasc", File.ReadAllText(report));
    }

    [Fact]
    public async Task A_load_whose_mart_refresh_a_crash_prevented_is_refreshed_by_the_next_worker_from_the_debt_it_recorded()
    {
        // The load commits and its refresh never runs, as when the process is killed between the two.
        using var harness = new PipelineHarness(refreshAfterEachLoad: false);
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        Assert.NotEqual(SubmissionStates.Rejected, harness.Ingest903(fixture.Folder).Outcome);
        Assert.Equal(0, harness.Count("mart.benchmark", "la_key = 919"));
        Assert.Equal(1, harness.Count("etl.mart_refresh_owed", "scope = '919'"));

        await WorkerRun.RunUntilIdleAsync(WorkerRun.Settings(harness.Warehouse.Engine.FilePath, landingFolder: Path.Combine(_folder, "storage")));

        Assert.True(harness.Count("mart.benchmark", "la_key = 919") > 0, "the owed refresh did not run");
        Assert.Equal(0, harness.Count("etl.mart_refresh_owed"));
    }

    [Fact]
    public async Task A_damaged_zip_in_landing_reaches_a_final_state_quarantined_with_a_report_and_nothing_loaded()
    {
        var settings = WorkerRun.Settings(WarehouseFile, landingFolder: Path.Combine(_folder, "storage"));
        var period = Path.Combine(_folder, "storage", "landing", "919", "SSDA903", "2024");
        Directory.CreateDirectory(period);
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        var whole = Path.Combine(_folder, "whole.zip");
        System.IO.Compression.ZipFile.CreateFromDirectory(fixture.Folder, whole);
        var bytes = File.ReadAllBytes(whole);
        File.WriteAllBytes(Path.Combine(period, "truncated.zip"), bytes[..(bytes.Length / 2)]);

        await WorkerRun.RunUntilIdleAsync(settings);

        Assert.Equal(0, Count("select count(*) from dw.fact_cla_episode"));
        Assert.Empty(Directory.GetFiles(period));
        var report = Directory.GetFiles(Path.Combine(_folder, "storage", "quarantine"), "report.md", SearchOption.AllDirectories).Single();
        Assert.Contains("SUB-11", File.ReadAllText(report));
        Assert.Contains("cannot be read as a zip", File.ReadAllText(report));
    }

    private static async Task WaitUntil(Func<bool> condition, int seconds)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(250);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
