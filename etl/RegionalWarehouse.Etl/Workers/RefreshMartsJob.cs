using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using RegionalWarehouse.Etl.Benchmarks;

namespace RegionalWarehouse.Etl.Workers;

/// <summary>
/// Whether the marts are behind the warehouse, and whether a refresh is already on its way. Loads in
/// quick succession (a region's worth of returns) then cost one refresh, not one each.
/// </summary>
public sealed class MartRefreshState
{
    private int _dirty;
    private int _scheduled;

    /// <summary>Marks the marts stale; true when the caller should schedule the refresh (none is pending).</summary>
    public bool MarkStale()
    {
        Interlocked.Exchange(ref _dirty, 1);
        return Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0;
    }

    public bool TakeStale() => Interlocked.Exchange(ref _dirty, 0) == 1;

    /// <summary>Ends a refresh run; true if a load landed meanwhile and this run should go round again.</summary>
    public bool FinishRun()
    {
        Interlocked.Exchange(ref _scheduled, 0);
        return Volatile.Read(ref _dirty) == 1 && Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0;
    }
}

/// <summary>
/// Rebuilds the benchmark marts after loads: scheduled a moment after a load (Worker:MartRefreshDelaySeconds)
/// so a burst of loads shares one refresh; never two at once.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RefreshMartsJob(MartRefresher marts, MartRefreshState state, ILogger<RefreshMartsJob> logger) : IJob
{
    public const string Group = "marts";
    public static readonly JobKey Key = new("refresh-marts", Group);

    /// <summary>Called after a load commits.</summary>
    public static async Task RequestAsync(IScheduler scheduler, MartRefreshState state, IOptions<WorkerOptions> options, CancellationToken cancellationToken)
    {
        if (!state.MarkStale())
            return;
        var job = JobBuilder.Create<RefreshMartsJob>().WithIdentity(Key).Build();
        var trigger = TriggerBuilder.Create().ForJob(job).StartAt(DateTimeOffset.UtcNow.AddSeconds(options.Value.MartRefreshDelaySeconds)).Build();
        await scheduler.ScheduleJob(job, [trigger], replace: true, cancellationToken);
    }

    public Task Execute(IJobExecutionContext context)
    {
        do
        {
            while (state.TakeStale())
            {
                try
                {
                    marts.Refresh();
                }
                catch (Exception ex)
                {
                    // The loads are committed; stale marts are put right by the next load or `rw refresh`.
                    logger.LogError(ex, "Refreshing the benchmark marts failed; they are stale until the next load or `rw refresh`");
                }
            }
        }
        while (state.FinishRun());
        return Task.CompletedTask;
    }
}
