using System.Data.Common;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Warehouse.Audit;

/// <summary>One entry of the audit trail: codes, counts and plain English, never personal data.</summary>
public sealed record AuditEvent(DateTime OccurredAt, string Actor, string Action, string? LaCode = null, string? ReturnType = null,
    string? Period = null, long? SubmissionId = null, long? Rows = null, string? Detail = null);

/// <summary>
/// The warehouse's audit trail (etl.audit_event): every load, rejection, replacement, mart refresh, change of
/// data-sharing agreement, export and Power BI model deploy or refresh, with who or what did it and when. Written in the same transaction as what it records,
/// by the pipeline, the mart refresh, the exports and the reference data seeder alike.
/// </summary>
public sealed class AuditLog(IWarehouseEngine engine)
{
    /// <summary>The platform's own processes, by the name an IG lead reads in the trail.</summary>
    public const string Pipeline = "submission pipeline";

    /// <summary>An operator's command as the trail names it: the command and the account on this machine that ran it.</summary>
    public static string Operator(string command) => $"{command} ({Environment.UserName})";

    /// <summary>Records an event that has no transaction of its own in the warehouse (a Power BI deploy or refresh).</summary>
    public void Record(AuditEvent entry)
    {
        using var connection = engine.Open();
        Record(connection, null, entry);
    }

    public void Record(DbConnection connection, DbTransaction? transaction, AuditEvent entry)
    {
        using var command = connection.Command(transaction,
            $"insert into etl.audit_event (occurred_at, actor, action, la_code, return_type, period, submission_id, row_count, detail) values " +
            $"({engine.Parameter("at")}, {engine.Parameter("actor")}, {engine.Parameter("action")}, {engine.Parameter("la")}, {engine.Parameter("rt")}, " +
            $"{engine.Parameter("period")}, {engine.Parameter("id")}, {engine.Parameter("rows")}, {engine.Parameter("detail")})",
            ("at", entry.OccurredAt), ("actor", entry.Actor), ("action", entry.Action), ("la", entry.LaCode), ("rt", entry.ReturnType),
            ("period", entry.Period), ("id", entry.SubmissionId), ("rows", entry.Rows), ("detail", entry.Detail is { Length: > 2000 } d ? d[..2000] : entry.Detail));
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// The trail, oldest first: for one LA (its own returns; region-wide events are shown to everyone), from a day,
    /// and of one kind of action (e.g. "agreement"), where given.
    /// </summary>
    public IReadOnlyList<AuditEvent> Read(string? laCode = null, DateOnly? since = null, string? actionStartingWith = null)
    {
        using var connection = engine.Open();
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        if (laCode is not null)
        {
            where.Add($"(la_code = {engine.Parameter("la")} or la_code is null or la_code = 'region')");
            parameters.Add(("la", laCode));
        }
        if (since is { } day)
        {
            where.Add($"occurred_at >= {engine.Parameter("since")}");
            parameters.Add(("since", day.ToDateTime(TimeOnly.MinValue)));
        }
        if (actionStartingWith is not null)
        {
            where.Add($"action like {engine.Parameter("action")}");
            parameters.Add(("action", actionStartingWith + "%"));
        }
        using var command = connection.Command(null,
            "select occurred_at, actor, action, la_code, return_type, period, submission_id, row_count, detail from etl.audit_event" +
            (where.Count == 0 ? "" : " where " + string.Join(" and ", where)) + " order by event_id", [.. parameters]);
        using var reader = command.ExecuteReader();
        var events = new List<AuditEvent>();
        string? S(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        long? L(int i) => reader.IsDBNull(i) ? null : Convert.ToInt64(reader.GetValue(i));
        while (reader.Read())
            events.Add(new AuditEvent(Convert.ToDateTime(reader.GetValue(0)), reader.GetString(1), reader.GetString(2), S(3), S(4), S(5), L(6), L(7), S(8)));
        return events;
    }
}
