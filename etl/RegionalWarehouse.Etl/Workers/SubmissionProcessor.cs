using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RegionalWarehouse.Etl.Landing;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Workers;

public enum ProcessOutcome
{
    /// <summary>Another worker holds it, or it has already gone.</summary>
    Skipped,
    Loaded,
    Unchanged,
    Rejected,
    /// <summary>Failed this time; left in landing to retry after a back-off.</summary>
    Failed,
    /// <summary>Failed earlier and its back-off has not passed.</summary>
    BackingOff,
    /// <summary>Failed too often: moved to quarantine with the error.</summary>
    Poisoned,
}

/// <summary>
/// One submission from landing to its resting place: claim it, run the pipeline, then archive it
/// (loaded or unchanged) or quarantine it (rejected, or failed too often), writing the LA's report
/// beside the copy and in the reports area. Failures leave it in landing to be retried with back-off.
/// </summary>
public sealed class SubmissionProcessor(
    ILandingStore landing,
    SubmissionPipeline pipeline,
    IWarehouseEngine engine,
    IOptions<WorkerOptions> options,
    TimeProvider clock,
    ILogger<SubmissionProcessor> logger)
{
    private readonly SubmissionLedger _ledger = new(engine, clock);

    public async Task<ProcessOutcome> ProcessAsync(LandedSubmission submission, CancellationToken cancellationToken)
    {
        await using var claim = await landing.TryClaimAsync(submission, cancellationToken);
        if (claim is null)
            return ProcessOutcome.Skipped;

        var files = await landing.OpenFilesAsync(submission, cancellationToken);
        string hash;
        try
        {
            hash = pipeline.ContentHash(submission.Identity, files);
        }
        catch (Csv.UnreadableInputException ex)
        {
            await FileAwayAsync(submission, claim, LandingArea.Quarantine, pipeline.RefusedUnread(submission.Identity, ex), ex is Csv.InputLimitException ? "too-large" : "unreadable", cancellationToken);
            logger.LogWarning("{Submission}: refused unread and quarantined: {Reason}", submission, ex.Message);
            return ProcessOutcome.Rejected;
        }
        FailureHistory failures;
        using (var connection = engine.Open())
            failures = _ledger.Failures(connection, submission.Identity, hash);

        if (failures.Count >= options.Value.MaxAttempts)
        {
            var poison = new SubmissionReport(null, submission.LaCode, submission.Identity.ReturnType, submission.Period, "poisoned", hash,
                clock.GetUtcNow().UtcDateTime, 0, new Dictionary<string, long>(), [],
                $"Loading failed {failures.Count} times, so it was set aside. Last error: {failures.LastMessage}. An operator must fix the cause and resubmit.");
            await FileAwayAsync(submission, claim, LandingArea.Quarantine, poison, "poison", cancellationToken);
            logger.LogError("{Submission}: quarantined as poison after {Attempts} failed attempts: {Error}", submission, failures.Count, failures.LastMessage);
            return ProcessOutcome.Poisoned;
        }
        if (!pipeline.Knows(submission.Identity.ReturnType))
        {
            var known = string.Join(", ", pipeline.KnownReturnTypes);
            var unknown = new SubmissionReport(null, submission.LaCode, submission.Identity.ReturnType, submission.Period, SubmissionStates.Rejected, hash,
                clock.GetUtcNow().UtcDateTime, 0, new Dictionary<string, long>(),
                [new Validation.ValidationIssue(SubmissionRules.UnknownReturnType.Code, Validation.Severity.Error, null, null, null, null, null,
                    $"The folder names a return type the platform does not know. Drop it again under one of: {known} (e.g. {submission.LaCode}/SSDA903/{submission.Period}/).")],
                "Nothing from this submission was loaded.");
            await FileAwayAsync(submission, claim, LandingArea.Quarantine, unknown, "unknown-return", cancellationToken);
            logger.LogWarning("{Submission}: unknown return type; quarantined with a report", submission);
            return ProcessOutcome.Rejected;
        }
        if (failures.LastFailedAtUtc is { } last && clock.GetUtcNow().UtcDateTime < last + options.Value.BackOffAfter(failures.Count))
            return ProcessOutcome.BackingOff;

        SubmissionReport report;
        var sourcePath = $"{BlobLandingStore.LandingContainer}/{submission.Path}";
        try
        {
            // The marts refresh in RefreshMartsJob, once for a burst of loads.
            report = pipeline.Ingest(submission.Identity, files, sourcePath, refreshMarts: false, beforeCommit: HoldBeforeCommit(submission));
        }
        catch (SubmissionPipeline.LoadFailedException ex)
        {
            logger.LogWarning("{Submission}: attempt {Attempt} of {Max} failed ({Error}); it stays in landing and will be retried",
                submission, failures.Count + 1, options.Value.MaxAttempts, ex.InnerException?.Message);
            return ProcessOutcome.Failed;
        }

        if (claim.Lost)
        {
            logger.LogWarning("{Submission}: the claim was lost while loading; leaving it for the next discovery", submission);
            return ProcessOutcome.Failed;
        }

        if (report.Outcome == "unchanged")
            report = CompletedEarlier(report, sourcePath) ?? report;
        var rejected = report.Outcome == SubmissionStates.Rejected;
        await FileAwayAsync(submission, claim, rejected ? LandingArea.Quarantine : LandingArea.Archive, report, report.SubmissionId?.ToString() ?? "unrecorded", cancellationToken);
        logger.LogInformation("{Submission}: {Outcome} (submission {Id}, {Rows:N0} rows, {Errors} errors, {Warnings} warnings) → {Area}",
            submission, report.Outcome, report.SubmissionId, report.RowsLoaded, report.ErrorCount, report.WarningCount, rejected ? "quarantine" : "archive");
        return report.Outcome switch
        {
            SubmissionStates.Rejected => ProcessOutcome.Rejected,
            "unchanged" => ProcessOutcome.Unchanged,
            _ => ProcessOutcome.Loaded,
        };
    }

    /// <summary>
    /// "Unchanged" because this very upload was loaded by an earlier attempt that stopped before filing it
    /// away (storage went away after the commit)? Then the LA gets the load's report, and the marts refresh.
    /// </summary>
    private SubmissionReport? CompletedEarlier(SubmissionReport unchanged, string sourcePath)
    {
        using var connection = engine.Open();
        var identity = new SubmissionIdentity(unchanged.LaCode, unchanged.ReturnType, unchanged.Period);
        if (_ledger.FindCurrent(connection, identity) is not { } current || current.SourcePath != sourcePath)
            return null;
        logger.LogInformation("{Submission}: completing submission {Id}, loaded by an attempt that stopped before filing it away", identity, current.SubmissionId);
        return unchanged with
        {
            Outcome = current.State,
            RowsLoaded = current.RowsLoaded,
            Issues = _ledger.ReadIssues(connection, current.SubmissionId),
            Message = "Loaded by an earlier attempt that stopped before it could file the submission away and write this report; this completes it.",
        };
    }

    private Action? HoldBeforeCommit(LandedSubmission submission) => options.Value.HoldBeforeCommitMilliseconds <= 0 ? null : () =>
    {
        logger.LogWarning("{Submission}: holding {Milliseconds} ms before commit (Worker:HoldBeforeCommitMilliseconds fault injection)",
            submission, options.Value.HoldBeforeCommitMilliseconds);
        Thread.Sleep(options.Value.HoldBeforeCommitMilliseconds);
    };

    private async Task FileAwayAsync(LandedSubmission submission, ILandingClaim claim, LandingArea area, SubmissionReport report, string label, CancellationToken cancellationToken)
    {
        var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMddTHHmmssfff");
        var folder = $"{submission.LaCode}/{submission.Identity.ReturnType}/{submission.Period}/{label}-{submission.Name}-{stamp}";
        await landing.MoveAsync(submission, claim, area, folder, cancellationToken);
        await landing.WriteReportAsync(area, folder, report, cancellationToken);
        await landing.WriteReportAsync(LandingArea.Reports, folder, report, cancellationToken);
    }
}
