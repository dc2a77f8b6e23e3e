using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using RegionalWarehouse.Etl.Landing;

namespace RegionalWarehouse.Etl.Workers;

/// <summary>
/// For one-shot runs (the demo with --exit-when-idle, CI): stops the host once landing holds nothing
/// the workers can still process and no ingest or mart refresh is running or due.
/// </summary>
public sealed class IdleShutdown(ILandingStore landing, ISchedulerFactory schedulers, IHostApplicationLifetime lifetime, ILogger<IdleShutdown> logger,
    Warehouse.Engines.IWarehouseEngine engine) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var quietChecks = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            try
            {
                var scheduler = await schedulers.GetScheduler(stoppingToken);
                var pending = (await landing.DiscoverAsync(stoppingToken)).Count;
                string[] work = [IngestSubmissionJob.Group, RefreshMartsJob.Group];
                var running = (await scheduler.GetCurrentlyExecutingJobs(stoppingToken)).Count(j => work.Contains(j.JobDetail.Key.Group));
                var scheduled = 0;
                foreach (var group in work)
                    scheduled += (await scheduler.GetJobKeys(Quartz.Impl.Matchers.GroupMatcher<JobKey>.GroupEquals(group), stoppingToken)).Count;
                // Idle also means no mart refresh is owed to a load (a crash's leftover is paid before stopping).
                var owed = Benchmarks.MartRefreshOwed.Owed(engine) is not null;
                quietChecks = pending == 0 && running == 0 && scheduled == 0 && !owed ? quietChecks + 1 : 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                quietChecks = 0;
            }
            if (quietChecks >= 3)
            {
                logger.LogInformation("Landing is empty and no submission is being processed: stopping");
                lifetime.StopApplication();
                return;
            }
        }
    }
}
