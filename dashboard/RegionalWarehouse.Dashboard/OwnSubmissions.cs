using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Dashboard;

/// <summary>One submission as its LA sees it on its own page: the latest for each return and period.</summary>
public sealed record OwnSubmission(long Id, string La, string ReturnType, string Period, string State, long? Rows, int Errors, int Warnings, DateTime UpdatedAtUtc, string? Message);

/// <summary>One finding of a submission's report: file, row, column, rule and what to do (identifying values were masked when stored).</summary>
public sealed record OwnFinding(string Rule, string Severity, string? File, string? Table, int? Row, string? Column, string? Value, string Message);

/// <summary>
/// What an LA's own page reads: its submissions' status and their reports' findings, from the ledger
/// (etl.submission_status, etl.submission_issue), always restricted to the LAs the signed-in person may see.
/// A submission of another LA is treated as not found, so the page never says it exists.
/// </summary>
public sealed class OwnSubmissions(IWarehouseEngine engine)
{
    public IReadOnlyList<OwnSubmission> For(IReadOnlyCollection<string> las)
    {
        if (las.Count == 0)
            return [];
        var laList = engine.InList("la", las);
        using var connection = engine.Open();
        using var command = connection.Command(null,
            $"""
             select submission_id, la_code, return_type, period, state, rows_loaded, error_count, warning_count, updated_at, message
             from etl.submission_status
             where la_code in ({laList.Placeholders})
             order by la_code, return_type, period desc
             """, laList.Parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<OwnSubmission>();
        while (reader.Read())
            rows.Add(new OwnSubmission(Convert.ToInt64(reader.GetValue(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : Convert.ToInt64(reader.GetValue(5)), Convert.ToInt32(reader.GetValue(6)), Convert.ToInt32(reader.GetValue(7)),
                reader.GetDateTime(8), reader.IsDBNull(9) ? null : reader.GetString(9)));
        return rows;
    }

    /// <summary>The findings of one submission, or null when it is not one of these LAs' (or does not exist).</summary>
    public IReadOnlyList<OwnFinding>? Findings(long submissionId, IReadOnlyCollection<string> las)
    {
        using var connection = engine.Open();
        string? owner;
        using (var command = connection.Command(null, $"select la_code from etl.submission where submission_id = {engine.Parameter("id")}", ("id", submissionId)))
            owner = command.ExecuteScalar() as string;
        if (owner is null || !las.Contains(owner, StringComparer.OrdinalIgnoreCase))
            return null;
        using var issues = connection.Command(null,
            $"""
             select rule_code, severity, file_name, table_name, source_row, column_name, cell_value, message
             from etl.submission_issue where submission_id = {engine.Parameter("id")}
             order by issue_seq
             """, ("id", submissionId));
        using var reader = issues.ExecuteReader();
        var findings = new List<OwnFinding>();
        while (reader.Read())
            findings.Add(new OwnFinding(reader.GetString(0), reader.GetString(1), S(reader, 2), S(reader, 3), reader.IsDBNull(4) ? null : Convert.ToInt32(reader.GetValue(4)),
                S(reader, 5), S(reader, 6), reader.GetString(7)));
        return findings;
    }

    private static string? S(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
