namespace RegionalWarehouse.Etl.Workers;

/// <summary>Bound from "Worker": how the scheduled workers behave.</summary>
public sealed class WorkerOptions
{
    public const string Section = "Worker";

    /// <summary>How often the discover job looks for complete submissions.</summary>
    public int DiscoverIntervalSeconds { get; set; } = 10;

    /// <summary>Failed loads of the same content before it is quarantined as poison.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Back-off before the first retry; it doubles with each failure.</summary>
    public int RetryBaseSeconds { get; set; } = 5;

    /// <summary>Submissions processed at once by this worker. DuckDB has one writer, so 1 there.</summary>
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>"Memory" (embedded default) or "SqlServer": Quartz's clustered ADO job store in the warehouse database.</summary>
    public string JobStore { get; set; } = "Memory";

    /// <summary>Seconds after a load before the marts refresh, so a burst of loads shares one refresh.</summary>
    public double MartRefreshDelaySeconds { get; set; } = 2;

    /// <summary>
    /// When the retention job deletes child-level rows and raw files past their agreement's retention: a Quartz
    /// cron expression in UTC (default 02:30 every night); empty turns the job off (then run `rw retention --delete`).
    /// </summary>
    public string? RetentionSchedule { get; set; } = "0 30 2 * * ?";

    /// <summary>
    /// Fault injection for resilience drills: hold each load this long just before it commits, so an
    /// operator (or a test) can kill the worker mid-load and see nothing partial is kept. Leave 0.
    /// </summary>
    public int HoldBeforeCommitMilliseconds { get; set; }

    /// <summary>
    /// Where the worker answers /health/live and /health/ready when it does not serve the dashboard
    /// (Dashboard:Enabled false), e.g. http://+:8080 in a container. Empty: no health endpoints of its own.
    /// </summary>
    public string? HealthUrl { get; set; }

    public TimeSpan BackOffAfter(int failures) => TimeSpan.FromSeconds(RetryBaseSeconds * Math.Pow(2, Math.Max(0, failures - 1)));
}
