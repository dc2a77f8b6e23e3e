using System.Data.Common;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Submissions;

/// <summary>
/// The etl.submission record of every submission: its state, counts and findings, with one
/// etl.submission_event row per state change so "what happened to Luton's 2024 903?" has an answer.
/// </summary>
public sealed class SubmissionLedger(IWarehouseEngine engine, TimeProvider clock)
{
    private string P(string name) => engine.Parameter(name);

    public CurrentSubmission? FindCurrent(DbConnection connection, SubmissionIdentity identity, DbTransaction? transaction = null)
    {
        using var command = connection.Command(transaction,
            $"""
             select submission_id, content_hash, source_path, state, coalesce(rows_loaded, 0), children, subjects from etl.submission
             where la_code = {P("la")} and return_type = {P("rt")} and period = {P("period")} and is_current
             """,
            ("la", identity.LaCode), ("rt", identity.ReturnType), ("period", identity.Period));
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new CurrentSubmission(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Convert.ToInt64(reader.GetValue(4)),
                reader.IsDBNull(5) ? null : Convert.ToInt32(reader.GetValue(5)), reader.IsDBNull(6) ? null : Convert.ToInt64(reader.GetValue(6)))
            : null;
    }

    /// <summary>The findings recorded for a submission (without the LA's CHILD ids, which are never stored).</summary>
    public List<ValidationIssue> ReadIssues(DbConnection connection, long id)
    {
        using var command = connection.Command(null,
            $"select rule_code, severity, file_name, table_name, source_row, column_name, cell_value, message from etl.submission_issue where submission_id = {P("id")} order by issue_seq",
            ("id", id));
        using var reader = command.ExecuteReader();
        var issues = new List<ValidationIssue>();
        string? S(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        while (reader.Read())
            issues.Add(new ValidationIssue(reader.GetString(0), reader.GetString(1) == "error" ? Severity.Error : Severity.Warning, S(2), S(3),
                reader.IsDBNull(4) ? null : Convert.ToInt32(reader.GetValue(4)), S(5), S(6), reader.GetString(7)));
        return issues;
    }

    /// <summary>
    /// How often this exact content has failed to load (not been rejected: failed), and the latest error.
    /// Call it holding the submission's claim: then an attempt still marked received, validating or loading
    /// belongs to a worker that died (killed for memory, say), so it is recorded as failed and counted, and
    /// a file that kills workers ends in quarantine instead of crash-looping.
    /// </summary>
    public FailureHistory Failures(DbConnection connection, SubmissionIdentity identity, string contentHash)
    {
        FailInFlight(connection, identity, contentHash, "The worker stopped during this attempt (it was ", "), for example killed for memory.");
        using var command = connection.Command(null,
            $"""
             select count(*), max(updated_at), max(message) from etl.submission
             where la_code = {P("la")} and return_type = {P("rt")} and period = {P("period")} and content_hash = {P("hash")} and state = {P("failed")}
             """,
            ("la", identity.LaCode), ("rt", identity.ReturnType), ("period", identity.Period), ("hash", contentHash), ("failed", SubmissionStates.Failed));
        using var reader = command.ExecuteReader();
        reader.Read();
        return new FailureHistory(Convert.ToInt32(reader.GetValue(0)), reader.IsDBNull(1) ? null : reader.GetDateTime(1), reader.IsDBNull(2) ? null : reader.GetString(2));
    }

    /// <summary>
    /// For `rw ingest`, which runs alone on the return: attempts at it still marked received, validating or loading
    /// belong to a run that was killed, so they are recorded as failed (the latest attempt `rw status` shows is then a
    /// final one, never one stuck "validating").
    /// </summary>
    public void AbandonInFlight(DbConnection connection, SubmissionIdentity identity) =>
        FailInFlight(connection, identity, null, "The run stopped during this attempt (it was ", "), for example killed.");

    /// <summary>Records the return's attempts still marked received, validating or loading (of this content, when given) as failed, saying what they were doing.</summary>
    private void FailInFlight(DbConnection connection, SubmissionIdentity identity, string? contentHash, string before, string after)
    {
        using var dead = connection.Command(null,
            $"""
             update etl.submission set state = {P("failed")}, updated_at = {P("now")}, message = concat({P("before")}, state, {P("after")})
             where la_code = {P("la")} and return_type = {P("rt")} and period = {P("period")}{(contentHash is null ? "" : $" and content_hash = {P("hash")}")}
               and state in ({P("received")}, {P("validating")}, {P("loading")})
             """,
            [("failed", SubmissionStates.Failed), ("now", Now()), ("before", before), ("after", after), ("la", identity.LaCode), ("rt", identity.ReturnType),
             ("period", identity.Period), ("received", SubmissionStates.Received), ("validating", SubmissionStates.Validating), ("loading", SubmissionStates.Loading),
             .. (contentHash is null ? [] : new (string, object?)[] { ("hash", contentHash) })]);
        dead.ExecuteNonQuery();
    }

    public long Open(DbConnection connection, SubmissionIdentity identity, string sourcePath, string contentHash)
    {
        long id;
        using (var next = connection.Command(null, engine.NextValueSql("etl.submission_id_seq")))
            id = Convert.ToInt64(next.ExecuteScalar());
        var now = Now();
        using (var insert = connection.Command(null,
                   $"""
                    insert into etl.submission (submission_id, la_code, return_type, period, source_path, content_hash, state,
                        received_at, updated_at, attempts, rows_loaded, error_count, warning_count, is_current, message)
                    values ({P("id")}, {P("la")}, {P("rt")}, {P("period")}, {P("source")}, {P("hash")}, {P("state")},
                        {P("now")}, {P("now")}, 1, null, 0, 0, {P("current")}, null)
                    """,
                   ("id", id), ("la", identity.LaCode), ("rt", identity.ReturnType), ("period", identity.Period),
                   ("source", Truncate(sourcePath, 500)), ("hash", contentHash), ("state", SubmissionStates.Received), ("now", now), ("current", false)))
            insert.ExecuteNonQuery();
        AddEvent(connection, null, id, SubmissionStates.Received, sourcePath);
        return id;
    }

    public void SetState(DbConnection connection, DbTransaction? transaction, long id, string state, string? detail = null,
        long? rows = null, int? errors = null, int? warnings = null)
    {
        using (var update = connection.Command(transaction,
                   $"""
                    update etl.submission set state = {P("state")}, updated_at = {P("now")}, message = {P("message")},
                        rows_loaded = coalesce({P("rows")}, rows_loaded),
                        error_count = coalesce({P("errors")}, error_count),
                        warning_count = coalesce({P("warnings")}, warning_count)
                    where submission_id = {P("id")}
                    """,
                   ("state", state), ("now", Now()), ("message", detail is null ? null : Truncate(detail, 2000)),
                   ("rows", rows), ("errors", errors), ("warnings", warnings), ("id", id)))
            update.ExecuteNonQuery();
        AddEvent(connection, transaction, id, state, detail);
    }

    /// <summary>
    /// How many children the return holds and how many have records with errors (the data-quality score's counts),
    /// and what it holds in the shrink guard's units (<see cref="PreparedReturn.Subjects"/>).
    /// </summary>
    public void RecordDataQuality(DbConnection connection, DbTransaction transaction, long id, int? children, int childrenWithErrors, long subjects)
    {
        using var update = connection.Command(transaction,
            $"update etl.submission set children = {P("children")}, children_with_errors = {P("withErrors")}, subjects = {P("subjects")} where submission_id = {P("id")}",
            ("children", children), ("withErrors", children is null ? null : childrenWithErrors), ("subjects", subjects), ("id", id));
        update.ExecuteNonQuery();
    }

    /// <summary>
    /// Makes <paramref name="id"/> current for its identity, in etl.current_submission (one row per identity,
    /// its primary key the database's guarantee) and in etl.submission. If another load made a different
    /// submission current meanwhile, this throws and the caller's transaction rolls back: the submission is
    /// retried, and then replaces whichever is current.
    /// </summary>
    public void MakeCurrent(DbConnection connection, DbTransaction transaction, SubmissionIdentity identity, long id, long? previous)
    {
        (string, object?)[] key = [("la", identity.LaCode), ("rt", identity.ReturnType), ("period", identity.Period)];
        if (previous is { } replaced)
        {
            using var swap = connection.Command(transaction,
                $"update etl.current_submission set submission_id = {P("id")} where la_code = {P("la")} and return_type = {P("rt")} and period = {P("period")} and submission_id = {P("old")}",
                [.. key, ("id", id), ("old", replaced)]);
            if (swap.ExecuteNonQuery() != 1)
                throw new InvalidOperationException($"{identity}: another load replaced submission {replaced} meanwhile; this one will be retried.");
        }
        else
        {
            using var claim = connection.Command(transaction,
                $"insert into etl.current_submission (la_code, return_type, period, submission_id) values ({P("la")}, {P("rt")}, {P("period")}, {P("id")})",
                [.. key, ("id", id)]);
            claim.ExecuteNonQuery();
        }
        if (previous is { } old)
        {
            using (var supersede = connection.Command(transaction,
                       $"update etl.submission set is_current = {P("no")}, state = {P("state")}, updated_at = {P("now")} where submission_id = {P("id")}",
                       ("no", false), ("state", SubmissionStates.Superseded), ("now", Now()), ("id", old)))
                supersede.ExecuteNonQuery();
            AddEvent(connection, transaction, old, SubmissionStates.Superseded, $"replaced by submission {id}");
        }
        using var current = connection.Command(transaction,
            $"update etl.submission set is_current = {P("yes")} where submission_id = {P("id")}", ("yes", true), ("id", id));
        current.ExecuteNonQuery();
    }

    /// <summary>
    /// Writes the findings through the engine's bulk path (a rejected return can have thousands), with no text shaped
    /// like a date of birth, postcode or UPN (<see cref="Privacy.StoredFindingText"/>): the LA's report has the values.
    /// </summary>
    public void RecordIssues(DbConnection connection, DbTransaction transaction, long id, IEnumerable<ValidationIssue> issues)
    {
        using var writer = engine.CreateBulkWriter(connection, transaction);
        using var table = writer.Open("etl", "submission_issue",
            ["submission_id", "issue_seq", "rule_code", "severity", "file_name", "table_name", "source_row", "column_name", "cell_value", "message"]);
        var seq = 0;
        foreach (var issue in issues)
            table.Add(id, ++seq, issue.RuleCode, issue.Severity.ToString().ToLowerInvariant(),
                issue.File is null ? null : Truncate(issue.File, 260), issue.Table, issue.Row, issue.Column,
                issue.Value is null ? null : Truncate(Privacy.StoredFindingText.Mask(issue.Value)!, 200), Truncate(Privacy.StoredFindingText.Mask(issue.Message)!, 1000));
    }

    private void AddEvent(DbConnection connection, DbTransaction? transaction, long id, string state, string? detail)
    {
        using var insert = connection.Command(transaction,
            $"""
             insert into etl.submission_event (submission_id, event_seq, state, occurred_at, detail)
             select {P("id")}, coalesce(max(event_seq), 0) + 1, {P("state")}, {P("now")}, {P("detail")}
             from etl.submission_event where submission_id = {P("id")}
             """,
            ("id", id), ("state", state), ("now", Now()), ("detail", detail is null ? null : Truncate(detail, 2000)));
        insert.ExecuteNonQuery();
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}

public sealed record CurrentSubmission(long SubmissionId, string ContentHash, string SourcePath, string State, long RowsLoaded, int? Children, long? Subjects);

public sealed record FailureHistory(int Count, DateTime? LastFailedAtUtc, string? LastMessage);
