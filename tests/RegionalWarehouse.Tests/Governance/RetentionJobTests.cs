using Microsoft.Extensions.DependencyInjection;
using Quartz;
using RegionalWarehouse.Etl.Workers;
using RegionalWarehouse.Synthetic.Ssda903;
using RegionalWarehouse.Warehouse.Engines;
using RegionalWarehouse.Warehouse.Migrations;

namespace RegionalWarehouse.Tests.Governance;

/// <summary>The workers' scheduled retention job, in the real worker host with its Quartz scheduler.</summary>
public sealed class RetentionJobTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rw-retention-job-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Dictionary<string, string?> Settings(string? schedule = null)
    {
        var settings = WorkerRun.Settings(Path.Combine(_folder, "warehouse.duckdb"), landingFolder: Path.Combine(_folder, "store"));
        if (schedule is not null)
            settings["Worker:RetentionSchedule"] = schedule;
        return settings;
    }

    [Fact]
    public async Task The_workers_run_retention_every_night_at_half_past_two_utc()
    {
        using var host = WorkerRun.Build(Settings(), exitWhenIdle: false);
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var trigger = Assert.IsAssignableFrom<ICronTrigger>(Assert.Single(await scheduler.GetTriggersOfJob(RetentionJob.Key)));

        Assert.Equal("0 30 2 * * ?", trigger.CronExpressionString);
        Assert.Equal(TimeZoneInfo.Utc, trigger.TimeZone);
    }

    [Fact]
    public async Task An_empty_schedule_turns_the_job_off()
    {
        using var host = WorkerRun.Build(Settings(schedule: ""), exitWhenIdle: false);
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        Assert.Empty(await scheduler.GetTriggersOfJob(RetentionJob.Key));
    }

    [Fact]
    public async Task A_return_loaded_by_the_workers_past_its_retention_is_deleted_by_the_scheduled_job_rows_and_archived_files()
    {
        // 2019's return ended 31 March 2019: six years of EOE-CLA-2024 ran out on 1 April 2025, before any day this test runs.
        var generated = Ssda903Generator.Generate(new GeneratorRequest(["919"], 2019, 2019, Seed: 2, Scale: 0.05)).Single();
        Ssda903Generator.Write(generated, Path.Combine(_folder, "store", "landing"));
        using var host = WorkerRun.Build(Settings(schedule: "* * * * * ?"), exitWhenIdle: false);
        host.Services.GetRequiredService<WarehouseMigrator>().Migrate();
        var engine = host.Services.GetRequiredService<IWarehouseEngine>();
        await host.StartAsync();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            while (Count(engine, "select count(*) from etl.retention_deletion where files_deleted_at is not null") == 0)
                await Task.Delay(250, timeout.Token);
        }
        finally
        {
            await host.StopAsync();
        }

        Assert.Equal(1, Count(engine, "select count(*) from etl.submission where period = '2019' and state = 'loaded'"));
        Assert.Equal(0, Count(engine, "select count(*) from dw.fact_cla_episode"));
        Assert.Equal(0, Count(engine, "select count(*) from dw.fact_cla_child"));
        Assert.True(Count(engine, "select count(*) from mart.retained_measure where collection_year = 2019") > 0);
        Assert.Equal(2, Count(engine, "select count(*) from etl.audit_event where action = 'retention deletion' and actor = 'retention job'"));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_folder, "store", "archive"), "*", SearchOption.AllDirectories));
        Assert.Contains(Directory.EnumerateFiles(Path.Combine(_folder, "store", "reports"), "*", SearchOption.AllDirectories), f => f.EndsWith("report.md", StringComparison.Ordinal));
    }

    private static long Count(IWarehouseEngine engine, string sql)
    {
        using var connection = engine.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar());
    }
}
