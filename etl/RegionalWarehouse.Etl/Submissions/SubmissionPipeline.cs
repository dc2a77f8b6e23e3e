using System.Diagnostics;
using Microsoft.Extensions.Logging;
using RegionalWarehouse.Etl.Benchmarks;
using RegionalWarehouse.Etl.Governance;
using RegionalWarehouse.Etl.Privacy;
using RegionalWarehouse.Warehouse.Audit;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Submissions;

/// <summary>
/// The lifecycle every submission goes through, whatever its return type: identify, skip if unchanged,
/// validate, then either record the rejection or replace the LA's previous submission in one transaction.
/// </summary>
public sealed class SubmissionPipeline(
    IWarehouseEngine engine,
    IEnumerable<IReturnType> returnTypes,
    ChildPseudonymiser pseudonymiser,
    TimeProvider clock,
    ILogger<SubmissionPipeline> logger,
    Benchmarks.MartRefresher? marts = null,
    Microsoft.Extensions.Options.IOptions<ToleranceOptions>? tolerance = null)
{
    private readonly double _maxShareWithErrors = tolerance?.Value.MaxShareOfChildrenWithErrors ?? new ToleranceOptions().MaxShareOfChildrenWithErrors;

    private readonly SubmissionLedger _ledger = new(engine, clock);

    private readonly AuditLog _audit = new(engine);

    public IReturnType ReturnType(string code) =>
        returnTypes.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown return type '{code}'. Known: {string.Join(", ", returnTypes.Select(r => r.Code))}.");

    /// <summary>The hash that says whether a submission is new: over the files its return type counts as content.</summary>
    public string ContentHash(SubmissionIdentity identity, IReadOnlyList<ReturnFile> files) =>
        SubmissionFiles.ContentHash(Knows(identity.ReturnType) ? files.Where(ReturnType(identity.ReturnType).IsContent) : files);

    public bool Knows(string returnTypeCode) => returnTypes.Any(r => string.Equals(r.Code, returnTypeCode, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<string> KnownReturnTypes => returnTypes.Select(r => r.Code);

    /// <summary>Thrown (after the failure is recorded) when something other than the data went wrong.</summary>
    public sealed class LoadFailedException(string message, Exception inner) : Exception(message, inner);

    public SubmissionReport Ingest(SubmissionIdentity identity, IReadOnlyList<ReturnFile> files, string sourcePath,
        IProgress<PipelineStage>? progress = null, Action? beforeCommit = null, bool refreshMarts = true)
    {
        var returnType = ReturnType(identity.ReturnType);
        identity = identity with { ReturnType = returnType.Code };
        var clockStart = Stopwatch.StartNew();
        progress?.Report(new PipelineStage(PipelineStage.Hashing, 0));
        string hash;
        try
        {
            hash = ContentHash(identity, files);
        }
        catch (UnreadableInputException ex)
        {
            logger.LogWarning("{Submission}: refused before reading: {Reason}", identity, ex.Message);
            return RefusedUnread(identity, ex);
        }

        using var connection = engine.Open();
        var current = _ledger.FindCurrent(connection, identity);
        if (current?.ContentHash == hash)
        {
            logger.LogInformation("{Submission}: same content as current submission {Id}; nothing to do", identity, current.SubmissionId);
            if (refreshMarts)
                RefreshMarts(null);
            return new SubmissionReport(current.SubmissionId, identity.LaCode, identity.ReturnType, identity.Period, "unchanged", hash,
                clock.GetUtcNow().UtcDateTime, 0, new Dictionary<string, long>(), [],
                $"Identical to submission {current.SubmissionId}, which is already loaded; nothing changed.");
        }

        var id = _ledger.Open(connection, identity, sourcePath, hash);
        var pseudonyms = pseudonymiser.ForOneSubmission();
        try
        {
            _ledger.SetState(connection, null, id, SubmissionStates.Validating);
            progress?.Report(new PipelineStage(PipelineStage.Validating, 0));
            var (laKey, identityIssues) = CheckIdentity(connection, identity, returnType);
            var withheld = identityIssues.Count == 0 && returnType.SharedUnderAgreement ? CheckAgreement(connection, identity, identityIssues) : null;
            PreparedReturn? prepared = identityIssues.Count == 0 ? returnType.Prepare(files.Where(f => !SubmissionFiles.IsReplacementReason(f)).ToList(), identity, engine, pseudonyms) : null;
            // Return types that stage files (LAIT's Parquet) clean up whatever the outcome.
            using var staging = prepared as IDisposable;
            var issues = identityIssues.Concat(prepared?.Issues ?? []).ToList();
            if (prepared is not null && withheld is { Count: > 0 } && prepared.Withhold(withheld) is { Count: > 0 } dropped)
                issues.Add(new ValidationIssue(SubmissionRules.FieldsWithheld.Code, Severity.Warning, null, null, null, null, null,
                    $"The LA's data-sharing agreement for {identity.ReturnType} does not cover {string.Join(", ", dropped)}: those fields were checked but not loaded; " +
                    "the rest of the return loads as usual. To share them, the agreement (data_sharing_agreements.csv) must change first."));
            if (Shrinkage(identity, current, prepared, files) is { } shrinkage)
                issues.Add(shrinkage);
            var rowsByTable = prepared?.RowsByTable ?? new Dictionary<string, long>();
            var quality = DataQuality.Assess(prepared, issues, _maxShareWithErrors);
            if (quality.Rejection is { } tooBroken)
                issues.Add(tooBroken);
            var errors = issues.Count(i => i.Severity == Severity.Error);
            var warnings = issues.Count - errors;
            var listed = FindingLimit.ForReport(issues);

            if (!quality.Loads)
            {
                using var rejectTx = connection.BeginTransaction();
                _ledger.RecordIssues(connection, rejectTx, id, listed);
                _ledger.SetState(connection, rejectTx, id, SubmissionStates.Rejected, $"{errors} error(s), {warnings} warning(s)", 0, errors, warnings);
                _audit.Record(connection, rejectTx, new AuditEvent(clock.GetUtcNow().UtcDateTime, AuditLog.Pipeline, "rejected", identity.LaCode, identity.ReturnType,
                    identity.Period, id, 0, $"{errors} error(s), {warnings} warning(s): {string.Join(", ", issues.Where(i => i.Severity == Severity.Error).Select(i => i.RuleCode).Distinct().Take(8))}"));
                rejectTx.Commit();
                logger.LogWarning("{Submission}: rejected with {Errors} error(s); the warehouse is unchanged", identity, errors);
                return Report(id, identity, SubmissionStates.Rejected, hash, 0, rowsByTable, listed, null) with { ErrorCount = errors, WarningCount = warnings };
            }

            progress?.Report(new PipelineStage(PipelineStage.Loading, 0));
            if (errors > 0)
                logger.LogInformation("{Submission}: loading submission {Id} with {Errors} record error(s) in {Children} child(ren), flagged; {Warnings} warning(s)",
                    identity, id, errors, quality.ChildrenWithErrors, warnings);
            else
                logger.LogInformation("{Submission}: valid ({Warnings} warning(s)); loading submission {Id}", identity, warnings, id);
            long rows;
            IReadOnlyList<ReportSection> sections;
            using (var transaction = connection.BeginTransaction())
            {
                _ledger.SetState(connection, transaction, id, SubmissionStates.Loading);
                if (current is not null)
                    foreach (var table in returnType.FactTables)
                        using (var delete = connection.Command(transaction, $"delete from {table} where submission_id = {engine.Parameter("old")}", ("old", current.SubmissionId)))
                            delete.ExecuteNonQuery();

                LoadContext load;
                using (var writer = engine.CreateBulkWriter(connection, transaction))
                {
                    load = new LoadContext(connection, transaction, writer, id, laKey, identity, pseudonyms);
                    rows = prepared!.Load(load);
                }
                sections = prepared.Reconcile(load);

                _ledger.RecordIssues(connection, transaction, id, listed);
                _ledger.RecordDataQuality(connection, transaction, id, quality.Children, quality.ChildrenWithErrors, prepared!.Subjects);
                _ledger.SetState(connection, transaction, id, Outcome(errors, warnings),
                    current is null ? null : $"replaces submission {current.SubmissionId}", rows, errors, warnings);
                _ledger.MakeCurrent(connection, transaction, identity, id, current?.SubmissionId);
                _audit.Record(connection, transaction, new AuditEvent(clock.GetUtcNow().UtcDateTime, AuditLog.Pipeline, current is null ? "loaded" : "replaced",
                    identity.LaCode, identity.ReturnType, identity.Period, id, rows,
                    $"{Outcome(errors, warnings)}{(current is null ? "" : $", replacing submission {current.SubmissionId}")}"));
                // The refresh this load is owed, recorded with it: a crash after the commit cannot lose it.
                MartRefreshOwed.Record(engine, connection, transaction, MartScope.AfterLoading(identity), clock.GetUtcNow().UtcDateTime);
                beforeCommit?.Invoke();
                transaction.Commit();
            }

            if (refreshMarts)
            {
                progress?.Report(new PipelineStage(PipelineStage.Refreshing, rows));
                RefreshMarts(MartScope.AfterLoading(identity));
            }
            var outcome = Outcome(errors, warnings);
            logger.LogInformation("{Submission}: {Outcome}, {Rows:N0} rows in {Seconds:N1}s", identity, outcome, rows, clockStart.Elapsed.TotalSeconds);
            return Report(id, identity, outcome, hash, rows, rowsByTable, listed,
                current is null ? null : $"Replaces submission {current.SubmissionId}.") with
            { Sections = sections, ErrorCount = errors, WarningCount = warnings };
        }
        catch (Exception ex)
        {
            _ledger.SetState(connection, null, id, SubmissionStates.Failed, ex.Message);
            logger.LogError(ex, "{Submission}: failed; nothing was loaded", identity);
            throw new LoadFailedException($"{identity}: the load failed and was rolled back ({ex.Message}). Nothing was loaded; run it again.", ex);
        }
    }

    /// <summary>Below this share of what the loaded submission holds, a replacement must give its reason.</summary>
    public const double MinShareOfChildrenKept = 0.5;

    /// <summary>
    /// A replacement that would drop more than half of what the LA's loaded return holds for the period (its
    /// children where the return type counts them, as the 903 does; otherwise its rows, a Supporting Families
    /// quarter's families for one): refused without a stated reason (SUB-07, an error), loaded and reported with one
    /// (a warning quoting it). Region-wide releases (the DfE's, the ONS's) change size by design and are not held to it.
    /// </summary>
    private static ValidationIssue? Shrinkage(SubmissionIdentity identity, CurrentSubmission? current, PreparedReturn? prepared, IReadOnlyList<ReturnFile> files)
    {
        if (current?.Subjects is not { } before || prepared is null || identity.IsRegionWide)
            return null;
        var (after, unit) = (prepared.Subjects, prepared.SubjectUnit);
        if (before <= 0 || after >= MinShareOfChildrenKept * before)
            return null;
        var rule = SubmissionRules.Shrinking;
        return SubmissionFiles.ReadReplacementReason(files) is { } reason
            ? new ValidationIssue(rule.Code, Severity.Warning, SubmissionFiles.ReplacementReason, null, null, null, null,
                $"This return has {after:N0} {unit} where the one it replaces had {before:N0}. Reason given: {reason}")
            : new ValidationIssue(rule.Code, Severity.Error, null, null, null, null, null,
                $"This return has {after:N0} {unit} where the loaded one has {before:N0}: it would remove most of the LA's {(unit == "children" ? "year" : "period")}. " +
                $"If that is right, add a file {SubmissionFiles.ReplacementReason} saying why and submit again; otherwise check the export.");
    }

    /// <summary>A submission whose files are too large (SUB-06) or cannot be opened (SUB-11): nothing was read or loaded.</summary>
    public SubmissionReport RefusedUnread(SubmissionIdentity identity, UnreadableInputException reason) =>
        new(null, identity.LaCode, identity.ReturnType, identity.Period, SubmissionStates.Rejected, "", clock.GetUtcNow().UtcDateTime, 0,
            new Dictionary<string, long>(), [new ValidationIssue((reason is InputLimitException ? SubmissionRules.TooLarge : SubmissionRules.Unreadable).Code,
                Severity.Error, null, null, null, null, null, reason.Message)],
            "Nothing from this submission was read or loaded.");

    private static string Outcome(int errors, int warnings) =>
        errors > 0 ? SubmissionStates.LoadedWithErrors : warnings > 0 ? SubmissionStates.LoadedWithWarnings : SubmissionStates.Loaded;

    /// <summary>
    /// Refreshes the marts a load moved, and pays what an earlier load still owes (one killed between its commit and
    /// its refresh): re-running the same return then finds it "unchanged", and the marts must still catch up. The load
    /// has committed either way: a refresh failure leaves the marts stale, never the load undone.
    /// </summary>
    private void RefreshMarts(MartScope? afterLoad)
    {
        try
        {
            var owed = MartRefreshOwed.Owed(engine);
            var scope = afterLoad is null ? owed : owed is null ? afterLoad : afterLoad.With(owed);
            if (scope is not null)
                marts?.Refresh(scope);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Refreshing the benchmark marts failed; run `rw refresh`");
        }
    }

    /// <summary>
    /// An LA's own data is taken only under a data-sharing agreement in force today: without one the return is
    /// rejected; with one, the fields its agreements withhold are returned.
    /// </summary>
    private IReadOnlySet<string>? CheckAgreement(System.Data.Common.DbConnection connection, SubmissionIdentity identity, List<ValidationIssue> issues)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var agreements = DataSharingAgreements.For(connection, engine, identity.LaCode, identity.ReturnType);
        if (DataSharingAgreements.WithheldUnder(agreements, today) is { } withheld)
            return withheld;
        var lapsed = agreements.LastOrDefault();
        issues.Add(new ValidationIssue(SubmissionRules.NoAgreement.Code, Severity.Error, null, null, null, null, identity.LaCode,
            lapsed is null
                ? $"LA {identity.LaCode} has no data-sharing agreement covering {identity.ReturnType} returns, so the platform cannot take this one. Nothing was loaded. " +
                  "Once the agreement is signed, the platform's IG lead records it in data_sharing_agreements.csv; then submit again."
                : $"LA {identity.LaCode}'s agreement for {identity.ReturnType} ({lapsed.Id}, {lapsed.StartsOn:yyyy-MM-dd} to {lapsed.EndsOn:yyyy-MM-dd}) is not in force today, " +
                  "so the platform cannot take this return. Nothing was loaded. Renew the agreement, record it in data_sharing_agreements.csv, then submit again."));
        return null;
    }

    private (int? LaKey, List<ValidationIssue> Issues) CheckIdentity(System.Data.Common.DbConnection connection, SubmissionIdentity identity, IReturnType returnType)
    {
        var issues = new List<ValidationIssue>();
        if (returnType.CheckPeriod(identity.Period) is { } periodProblem)
            issues.Add(new ValidationIssue(SubmissionRules.BadPeriod.Code, Severity.Error, null, null, null, null, identity.Period, periodProblem));
        if (identity.IsRegionWide)
        {
            if (!returnType.AcceptsRegionWide)
                issues.Add(new ValidationIssue(SubmissionRules.NotRegionWide.Code, Severity.Error, null, null, null, null, identity.LaCode,
                    $"A {returnType.Code} return is submitted by each LA for itself, not region-wide. Drop it under the LA's own folder, e.g. 919/{returnType.Code}/."));
            return (null, issues);
        }
        using var lookup = connection.Command(null, $"select la_key, is_platform_member from ref.local_authority where dfe_code = {engine.Parameter("la")}", ("la", identity.LaCode));
        using var reader = lookup.ExecuteReader();
        var known = reader.Read();
        var member = known && Convert.ToBoolean(reader.GetValue(1));
        if (!known)
            issues.Add(new ValidationIssue(SubmissionRules.UnknownLa.Code, Severity.Error, null, null, null, null, identity.LaCode,
                $"'{identity.LaCode}' is not the DfE code of an English local authority. Use your 3-digit DfE LA code, e.g. 919 for Hertfordshire."));
        else if (!member)
            issues.Add(new ValidationIssue(SubmissionRules.UnknownLa.Code, Severity.Error, null, null, null, null, identity.LaCode,
                $"'{identity.LaCode}' is an English local authority that has not joined this platform. An operator onboards it by marking it a member in ref.local_authority (ReferenceData/local_authorities.csv)."));
        return (member ? Convert.ToInt32(reader.GetValue(0)) : null, issues);
    }

    private SubmissionReport Report(long id, SubmissionIdentity identity, string outcome, string hash, long rows,
        IReadOnlyDictionary<string, long> rowsByTable, IReadOnlyList<ValidationIssue> issues, string? message) =>
        new(id, identity.LaCode, identity.ReturnType, identity.Period, outcome, hash, clock.GetUtcNow().UtcDateTime, rows, rowsByTable, issues, message);
}

/// <summary>The stage a submission has reached, as progress reports (and the benchmark's stage clock) name it.</summary>
public sealed record PipelineStage(string Name, long Rows)
{
    public const string Hashing = "hashing";
    public const string Validating = "validating";
    public const string Loading = "loading";
    public const string Refreshing = "refreshing marts";
}
