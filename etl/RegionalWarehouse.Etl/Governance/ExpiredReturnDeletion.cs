using System.Data.Common;
using Microsoft.Extensions.Logging;
using RegionalWarehouse.Etl.Benchmarks;
using RegionalWarehouse.Etl.Landing;
using RegionalWarehouse.Warehouse.Audit;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Governance;

/// <summary>What one retention run deleted: the returns whose rows went, and the raw files removed.</summary>
public sealed record RetentionRun(IReadOnlyList<DeletedReturn> Deleted, int FilesDeleted);

public sealed record DeletedReturn(ExpiredReturn Return, long RowsDeleted, int MeasuresRetained);

/// <summary>
/// Deletes child-level rows past their agreement's retention (<see cref="RetentionPlan"/>), each return in one
/// transaction: its facts go, the aggregates computed from them stay (mart.retained_measure: that year's measures,
/// and the later years' measures that look back into it), and the deletion is recorded and audited. Then its raw
/// files in archive and quarantine go; a run that stops between the two finishes the files on the next run.
/// </summary>
public sealed class ExpiredReturnDeletion(IWarehouseEngine engine, IEnumerable<IReturnType> returnTypes, ILandingStore landing, MartRefresher marts, TimeProvider clock, ILogger<ExpiredReturnDeletion> logger)
{
    public async Task<RetentionRun> RunAsync(DateOnly today, string actor, CancellationToken cancellationToken)
    {
        var types = returnTypes.ToDictionary(t => t.Code, StringComparer.OrdinalIgnoreCase);
        var expired = RetentionPlan.Find(engine, types.Values, today);
        var deleted = new List<DeletedReturn>();
        if (expired.Count > 0)
        {
            // The measures kept are the last refresh's: make sure it saw every row and today's metric definitions.
            marts.Refresh(expired.Select(e => MartScope.ForLa(e.LaCode)).Aggregate((a, b) => a.With(b)));
            foreach (var e in expired)
            {
                cancellationToken.ThrowIfCancellationRequested();
                deleted.Add(DeleteRows(e, types[e.ReturnType], actor));
            }
        }
        var files = await DeletePendingFilesAsync(actor, cancellationToken);
        return new RetentionRun(deleted, files);
    }

    private DeletedReturn DeleteRows(ExpiredReturn expired, IReturnType type, string actor)
    {
        using var connection = engine.Open();
        // Read before the transaction: SQL Server refuses a command outside it on a connection that has one open.
        var laKey = LaDirectory.ReadEngland(connection).ByDfeCode(expired.LaCode)?.LaKey;
        using var transaction = connection.BeginTransaction();
        var id = ("id", (object?)expired.SubmissionId);
        var years = new SortedSet<int>();
        using (var read = connection.Command(transaction, $"select distinct collection_year from {type.FactTables[0]} where submission_id = {engine.Parameter("id")}", id))
        using (var reader = read.ExecuteReader())
            while (reader.Read())
                years.Add(Convert.ToInt32(reader.GetValue(0)));

        var retained = laKey is { } key ? RetainMeasures(connection, transaction, expired, key, years) : 0;
        long rows = 0;
        foreach (var table in type.FactTables)
            using (var delete = connection.Command(transaction, $"delete from {table} where submission_id = {engine.Parameter("id")}", id))
                rows += delete.ExecuteNonQuery();

        var now = clock.GetUtcNow().UtcDateTime;
        using (var record = connection.Command(transaction,
                   "insert into etl.retention_deletion (submission_id, la_code, return_type, period, agreement_id, retention_years, expired_on, deleted_at, rows_deleted, measures_retained) " +
                   $"values ({engine.Parameter("id")}, {engine.Parameter("la")}, {engine.Parameter("rt")}, {engine.Parameter("period")}, {engine.Parameter("agreement")}, " +
                   $"{engine.Parameter("years")}, {engine.Parameter("expired")}, {engine.Parameter("at")}, {engine.Parameter("rows")}, {engine.Parameter("retained")})",
                   id, ("la", expired.LaCode), ("rt", expired.ReturnType), ("period", expired.Period), ("agreement", expired.AgreementId),
                   ("years", expired.RetentionYears), ("expired", expired.ExpiredOn.ToDateTime(TimeOnly.MinValue)), ("at", now), ("rows", rows), ("retained", retained)))
            record.ExecuteNonQuery();
        new AuditLog(engine).Record(connection, transaction, new AuditEvent(now, actor, "retention deletion", expired.LaCode, expired.ReturnType, expired.Period,
            expired.SubmissionId, rows,
            $"child-level rows past the {expired.RetentionYears} years {expired.AgreementId} allows (expired {expired.ExpiredOn:yyyy-MM-dd}) deleted; {retained} aggregate measures kept"));
        transaction.Commit();
        logger.LogInformation("Retention: deleted {Rows:N0} child-level rows of {La} {ReturnType} {Period} (submission {Id}, {Agreement}); kept {Retained} measures",
            rows, expired.LaCode, expired.ReturnType, expired.Period, expired.SubmissionId, expired.AgreementId, retained);
        return new DeletedReturn(expired, rows, retained);
    }

    /// <summary>
    /// Copies into mart.retained_measure the LA's stored measures that the deleted rows feed: every measure of the
    /// return's years, and a look-back metric's values for the years after them that reach back. A measure already
    /// kept (by an earlier deletion, when the history was fuller) stays as it was.
    /// </summary>
    private int RetainMeasures(DbConnection connection, DbTransaction transaction, ExpiredReturn expired, int laKey, IReadOnlySet<int> years)
    {
        var metrics = MetricCatalogue.All.Where(m => MetricCatalogue.ReturnTypeOf(m).Equals(expired.ReturnType, StringComparison.OrdinalIgnoreCase)).ToDictionary(m => m.Id);
        var keep = new List<(int Year, string Metric, double? Numerator, double? Denominator, string Version)>();
        using (var read = connection.Command(transaction, $"""
                   select m.collection_year, m.metric_id, m.numerator, m.denominator, m.catalogue_version
                   from mart.la_measure m
                   where m.la_key = {engine.Parameter("la")}
                     and not exists (select 1 from mart.retained_measure r
                                     where r.la_key = m.la_key and r.collection_year = m.collection_year and r.metric_id = m.metric_id)
                   """, ("la", laKey)))
        using (var reader = read.ExecuteReader())
            while (reader.Read())
            {
                var year = Convert.ToInt32(reader.GetValue(0));
                if (metrics.TryGetValue(reader.GetString(1), out var metric) && years.Any(y => year >= y && year <= y + metric.LooksBackYears))
                    keep.Add((year, metric.Id, DbNumber.ToDouble(reader.GetValue(2)), DbNumber.ToDouble(reader.GetValue(3)), reader.GetString(4)));
            }
        if (keep.Count == 0)
            return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        using var writer = engine.CreateBulkWriter(connection, transaction);
        using var rows = writer.Open("mart", "retained_measure",
            ["la_key", "collection_year", "metric_id", "numerator", "denominator", "catalogue_version", "retained_at", "submission_id"]);
        foreach (var k in keep)
            rows.Add(laKey, (short)k.Year, k.Metric, k.Numerator, k.Denominator, k.Version, now, expired.SubmissionId);
        return keep.Count;
    }

    /// <summary>The raw files (archive and quarantine) of every deleted return whose files have not gone yet.</summary>
    private async Task<int> DeletePendingFilesAsync(string actor, CancellationToken cancellationToken)
    {
        var pending = new List<(long Id, string La, string ReturnType, string Period)>();
        using (var connection = engine.Open())
        using (var read = connection.Command(null, "select submission_id, la_code, return_type, period from etl.retention_deletion where files_deleted_at is null order by submission_id"))
        using (var reader = read.ExecuteReader())
            while (reader.Read())
                pending.Add((Convert.ToInt64(reader.GetValue(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3)));

        var total = 0;
        foreach (var (submissionId, la, returnType, period) in pending)
        {
            // Every upload of the period goes: the one loaded, the ones it replaced, and any rejected, all hold the same children.
            var folder = $"{la}/{returnType}/{period}";
            var files = await landing.DeleteFolderAsync(LandingArea.Archive, folder, cancellationToken)
                        + await landing.DeleteFolderAsync(LandingArea.Quarantine, folder, cancellationToken);
            using var connection = engine.Open();
            using var transaction = connection.BeginTransaction();
            var now = clock.GetUtcNow().UtcDateTime;
            using (var update = connection.Command(transaction,
                       $"update etl.retention_deletion set files_deleted = {engine.Parameter("files")}, files_deleted_at = {engine.Parameter("at")} where submission_id = {engine.Parameter("id")}",
                       ("files", files), ("at", now), ("id", submissionId)))
                update.ExecuteNonQuery();
            new AuditLog(engine).Record(connection, transaction, new AuditEvent(now, actor, "retention deletion", la, returnType, period, submissionId, files,
                $"{files} archived and quarantined raw file(s) of the period deleted from {landing.Describe()}"));
            transaction.Commit();
            total += files;
        }
        return total;
    }
}
