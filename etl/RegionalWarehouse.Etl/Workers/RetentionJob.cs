using Microsoft.Extensions.Logging;
using Quartz;
using RegionalWarehouse.Etl.Governance;

namespace RegionalWarehouse.Etl.Workers;

/// <summary>
/// Deletes child-level rows and raw files past their agreement's retention, on Worker:RetentionSchedule (a Quartz
/// cron expression, nightly by default). A failed run changes nothing it had not finished and is tried again the next night.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RetentionJob(ExpiredReturnDeletion deletion, TimeProvider clock, ILogger<RetentionJob> logger) : IJob
{
    public static readonly JobKey Key = new("retention", "governance");

    public const string Actor = "retention job";

    public async Task Execute(IJobExecutionContext context)
    {
        try
        {
            var run = await deletion.RunAsync(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), Actor, context.CancellationToken);
            logger.LogInformation("Retention: {Returns} return(s) past retention deleted ({Rows:N0} rows), {Files} raw file(s) deleted",
                run.Deleted.Count, run.Deleted.Sum(d => d.RowsDeleted), run.FilesDeleted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError("Retention run failed, to be tried again at the next scheduled time: {Message}", ex.Message);
        }
    }
}
