using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using RegionalWarehouse.Etl.Benchmarks;
using RegionalWarehouse.Etl.Landing;

namespace RegionalWarehouse.Etl.Workers;

/// <summary>
/// Looks for complete submissions in landing and schedules one ingest job for each, keyed by its path,
/// so the same submission never has two jobs. Storage being unreachable is logged and retried on the
/// next run; it never stops the worker.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DiscoverSubmissionsJob(ILandingStore landing, LandingReadiness readiness, IOptions<WorkerOptions> options, ILogger<DiscoverSubmissionsJob> logger,
    Warehouse.Engines.IWarehouseEngine engine, MartRefreshState marts) : IJob
{
    public static readonly JobKey Key = new("discover-submissions", "platform");

    public async Task Execute(IJobExecutionContext context)
    {
        await PayOwedRefreshesAsync(context);
        IReadOnlyList<LandedSubmission> found;
        try
        {
            if (!readiness.Ready)
            {
                await landing.EnsureReadyAsync(context.CancellationToken);
                readiness.Ready = true;
                logger.LogInformation("Watching {Landing} for submissions every {Seconds}s", landing.Describe(), options.Value.DiscoverIntervalSeconds);
            }
            found = await landing.DiscoverAsync(context.CancellationToken);
        }
        catch (Exception ex) when (ex is LandingUnavailableException or Azure.RequestFailedException or AggregateException or HttpRequestException or IOException)
        {
            readiness.Ready = false;
            logger.LogError("Cannot reach the landing store ({Message}); trying again in {Seconds}s", ex.GetBaseException().Message, options.Value.DiscoverIntervalSeconds);
            return;
        }

        foreach (var submission in found)
        {
            var job = IngestSubmissionJob.KeyFor(submission);
            if (await context.Scheduler.CheckExists(job, context.CancellationToken))
                continue;
            var detail = JobBuilder.Create<IngestSubmissionJob>()
                .WithIdentity(job)
                .UsingJobData(IngestSubmissionJob.PathKey, submission.Path)
                .UsingJobData(IngestSubmissionJob.ZipKey, submission.IsZip)
                .Build();
            var trigger = TriggerBuilder.Create().ForJob(detail).StartNow().Build();
            try
            {
                await context.Scheduler.ScheduleJob(detail, trigger, context.CancellationToken);
            }
            catch (ObjectAlreadyExistsException)
            {
                // Another clustered worker scheduled it first.
            }
        }
    }

    /// <summary>
    /// A load committed by a worker (or rw ingest) that stopped before its mart refresh left the refresh owed in the
    /// warehouse (<see cref="MartRefreshOwed"/>): schedule it, so the marts catch up without waiting for another load.
    /// </summary>
    private async Task PayOwedRefreshesAsync(IJobExecutionContext context)
    {
        try
        {
            if (MartRefreshOwed.Owed(engine) is { } owed)
                await RefreshMartsJob.RequestAsync(context.Scheduler, marts, owed, options, context.CancellationToken);
        }
        catch (Exception ex) when (ex is Warehouse.Engines.WarehouseUnavailableException or System.Data.Common.DbException)
        {
            logger.LogWarning("Could not read the mart refreshes owed ({Message}); trying again at the next discovery", ex.Message);
        }
    }
}

/// <summary>Whether this host has created the landing containers/folders; Quartz creates jobs per run, so it lives here.</summary>
public sealed class LandingReadiness
{
    public volatile bool Ready;
}

/// <summary>Processes one submission; at most one instance per submission runs at a time.</summary>
[DisallowConcurrentExecution]
public sealed class IngestSubmissionJob(SubmissionProcessor processor, MartRefreshState marts, IOptions<WorkerOptions> options, ILogger<IngestSubmissionJob> logger) : IJob
{
    public const string Group = "submissions";
    public const string PathKey = "path";
    public const string ZipKey = "zip";

    public static JobKey KeyFor(LandedSubmission submission) =>
        new(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(submission.Path)))[..24], Group);

    public async Task Execute(IJobExecutionContext context)
    {
        var data = context.MergedJobDataMap;
        var submission = LandedSubmission.FromPath(data.GetString(PathKey)!, data.GetBoolean(ZipKey));
        if (submission is null)
            return;
        try
        {
            if (await processor.ProcessAsync(submission, context.CancellationToken) == ProcessOutcome.Loaded)
                await RefreshMartsJob.RequestAsync(context.Scheduler, marts, MartScope.AfterLoading(submission.Identity), options, context.CancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Storage or warehouse trouble outside the load transaction: the submission stays in landing.
            logger.LogError(ex, "{Submission}: processing stopped ({Message}); it stays in landing for the next discovery", submission, ex.Message);
        }
    }
}
