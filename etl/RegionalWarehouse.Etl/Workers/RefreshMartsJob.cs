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
    private readonly Lock _gate = new();
    private MartScope? _stale;
    private int _scheduled;

    /// <summary>
    /// Marks the marts stale for what a load changed (loads that land before the refresh runs add to it); true
    /// when the caller should schedule the refresh (none is pending).
    /// </summary>
    public bool MarkStale(MartScope scope)
    {
        lock (_gate)
            _stale = _stale is null ? scope : _stale.With(scope);
        return Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0;
    }

    /// <summary>What is stale, clearing it; null when nothing is.</summary>
    public MartScope? TakeStale()
    {
        lock (_gate)
        {
            var stale = _stale;
            _stale = null;
            return stale;
        }
    }

    /// <summary>Ends a refresh run; true if a load landed meanwhile and this run should go round again.</summary>
    public bool FinishRun()
    {
        Interlocked.Exchange(ref _scheduled, 0);
        bool dirty;
        lock (_gate)
            dirty = _stale is not null;
        return dirty && Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0;
    }
}

/// <summary>
/// Rebuilds the benchmark marts after loads: scheduled a moment after a load (Worker:MartRefreshDelaySeconds)
/// so a burst of loads shares one refresh; never two at once.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RefreshMartsJob(MartRefresher marts, Forecasting.ForecastRefresher forecast, MartRefreshState state, PowerBi.PowerBiClient powerBi, IOptions<PowerBi.PowerBiOptions> powerBiOptions,
    Warehouse.Engines.IWarehouseEngine engine, TimeProvider clock, ILogger<RefreshMartsJob> logger) : IJob
{
    public const string Group = "marts";
    public static readonly JobKey Key = new("refresh-marts", Group);

    /// <summary>Called after a load commits.</summary>
    public static async Task RequestAsync(IScheduler scheduler, MartRefreshState state, MartScope scope, IOptions<WorkerOptions> options, CancellationToken cancellationToken)
    {
        if (!state.MarkStale(scope))
            return;
        var job = JobBuilder.Create<RefreshMartsJob>().WithIdentity(Key).Build();
        var trigger = TriggerBuilder.Create().ForJob(job).StartAt(DateTimeOffset.UtcNow.AddSeconds(options.Value.MartRefreshDelaySeconds)).Build();
        await scheduler.ScheduleJob(job, [trigger], replace: true, cancellationToken);
    }

    public async Task Execute(IJobExecutionContext context)
    {
        var refreshed = false;
        var membersChanged = false;
        do
        {
            while (state.TakeStale() is { } scope)
            {
                try
                {
                    marts.Refresh(scope);
                    refreshed = true;
                    membersChanged |= scope.IsEverything || scope.LaCodes!.Count > 0;
                }
                catch (Exception ex)
                {
                    // The loads are committed; stale marts are put right by the next load or `rw refresh`.
                    logger.LogError(ex, "Refreshing the benchmark marts failed; they are stale until the next load or `rw refresh`");
                }
            }
        }
        while (state.FinishRun());
        if (membersChanged)
            RefreshForecast();
        if (refreshed && powerBiOptions.Value is { RefreshAfterLoad: true, IsConfigured: true })
            await RefreshModelAsync(context.CancellationToken);
    }

    /// <summary>A member's new return moves its forecast and the region's; the marts are already right if this fails.</summary>
    private void RefreshForecast()
    {
        try
        {
            forecast.Refresh();
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Refreshing the placement forecast failed; it is stale until the next load or `rw forecast --refresh`");
        }
    }

    /// <summary>Starts the Power BI model's refresh and returns; the service carries on with it.</summary>
    private async Task RefreshModelAsync(CancellationToken cancellationToken)
    {
        try
        {
            var location = await powerBi.StartRefreshAsync(cancellationToken);
            logger.LogInformation("Power BI model refresh started: {Location}", location);
            new Warehouse.Audit.AuditLog(engine).Record(new Warehouse.Audit.AuditEvent(clock.GetUtcNow().UtcDateTime, "worker (after loads)", "model refresh started",
                Detail: $"Power BI semantic model {powerBiOptions.Value.SemanticModelId}: {location}"));
        }
        catch (PowerBi.RefreshInProgressException ex)
        {
            logger.LogInformation("{Message}", ex.Message);
        }
        catch (Exception ex) when (ex is PowerBi.PowerBiException or HttpRequestException or TaskCanceledException)
        {
            logger.LogError("Could not start the Power BI model refresh ({Message}); run `rw model refresh`", ex.Message);
        }
    }
}
