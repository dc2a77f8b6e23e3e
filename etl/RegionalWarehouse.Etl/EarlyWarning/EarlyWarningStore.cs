using System.Data.Common;
using RegionalWarehouse.Etl.Benchmarks;
using RegionalWarehouse.Warehouse.Audit;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.EarlyWarning;

/// <summary>
/// mart.early_warning, replaced whole in the mart refresh's transaction, and the "what changed" digest: for each LA
/// the refresh recomputed, the flags that appeared, changed or cleared, recorded in the audit trail (action
/// <see cref="DigestAction"/>) beside the refresh that caused them.
/// </summary>
public static class EarlyWarningStore
{
    public const string DigestAction = "early warning digest";

    private static readonly string[] Columns =
        ["la_code", "collection_year", "metric_id", "comparator", "value", "target", "denominator", "lower_95", "upper_95", "lower_99_8", "upper_99_8", "significance", "reading"];

    public static void Replace(IWarehouseEngine engine, DbConnection connection, DbTransaction transaction, IReadOnlyList<EarlyWarningFlag> flags,
        IReadOnlyCollection<string>? digestFor, DateTime now)
    {
        var before = Read(connection, transaction);
        using (var delete = connection.Command(transaction, "delete from mart.early_warning"))
            delete.ExecuteNonQuery();
        using (var writer = engine.CreateBulkWriter(connection, transaction))
        using (var table = writer.Open("mart", "early_warning", Columns))
        {
            foreach (var f in flags)
                table.Add(f.La, (short)f.Year, f.MetricId, f.Comparator, f.Value, f.Target, f.Denominator, f.Lower95, f.Upper95, f.Lower998, f.Upper998, f.Significance, f.Reading);
        }
        var audit = new AuditLog(engine);
        foreach (var la in digestFor ?? flags.Select(f => f.La).Distinct().Order(StringComparer.Ordinal).ToList())
            if (Digest(la, before, flags) is { } detail)
                audit.Record(connection, transaction, new AuditEvent(now, "mart refresh", DigestAction, LaCode: la, Detail: detail));
    }

    /// <summary>What changed for one LA: flags raised or changed, then flags cleared; null when nothing did.</summary>
    public static string? Digest(string la, IReadOnlyDictionary<(string La, int Year, string Metric, string Comparator), string> before, IReadOnlyList<EarlyWarningFlag> after)
    {
        var now = after.Where(f => f.La == la).ToDictionary(f => (f.La, f.Year, f.MetricId, f.Comparator));
        var raised = now.Values.Where(f => f.IsSignificant && before.GetValueOrDefault((f.La, f.Year, f.MetricId, f.Comparator)) != f.Significance)
            .OrderByDescending(f => f.Year).ThenBy(f => f.MetricId, StringComparer.Ordinal).ToList();
        var cleared = before.Where(b => b.Key.La == la && b.Value != EarlyWarningCalculator.NotSignificant
                                        && (!now.TryGetValue(b.Key, out var f) || !f.IsSignificant))
            .Select(b => b.Key).OrderByDescending(k => k.Year).ThenBy(k => k.Metric, StringComparer.Ordinal).ToList();
        if (raised.Count == 0 && cleared.Count == 0)
            return null;
        var names = MetricCatalogue.All.ToDictionary(m => m.Id, m => m.Name);
        string Name(string id) => names.GetValueOrDefault(id, id);
        var parts = new List<string>();
        if (raised.Count > 0)
            parts.Add($"{raised.Count} flag{(raised.Count == 1 ? "" : "s")} raised or changed: " + string.Join("; ", raised.Select(f =>
                $"{Name(f.MetricId)} {f.Year} {f.Significance} against {f.Comparator.ToLowerInvariant()} ({f.Reading})")));
        if (cleared.Count > 0)
            parts.Add($"{cleared.Count} cleared: " + string.Join("; ", cleared.Select(k => $"{Name(k.Metric)} {k.Year} against {k.Comparator.ToLowerInvariant()}")));
        return string.Join(". ", parts) + ".";
    }

    private static Dictionary<(string, int, string, string), string> Read(DbConnection connection, DbTransaction transaction)
    {
        using var command = connection.Command(transaction, "select la_code, collection_year, metric_id, comparator, significance from mart.early_warning");
        using var reader = command.ExecuteReader();
        var flags = new Dictionary<(string, int, string, string), string>();
        while (reader.Read())
            flags[(reader.GetString(0), Convert.ToInt32(reader.GetValue(1)), reader.GetString(2), reader.GetString(3))] = reader.GetString(4);
        return flags;
    }

    /// <summary>The stored flags, for the dashboard, the CLI and the tests.</summary>
    public static IReadOnlyList<EarlyWarningFlag> Load(IWarehouseEngine engine, string? la = null, int? year = null, string? metric = null)
    {
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        if (la is not null)
        {
            where.Add($"la_code = {engine.Parameter("la")}");
            parameters.Add(("la", la));
        }
        if (year is not null)
        {
            where.Add($"collection_year = {engine.Parameter("year")}");
            parameters.Add(("year", year));
        }
        if (metric is not null)
        {
            where.Add($"metric_id = {engine.Parameter("metric")}");
            parameters.Add(("metric", metric));
        }
        using var connection = engine.Open();
        using var command = connection.Command(null, $"select {string.Join(", ", Columns)} from mart.early_warning" +
                                                     (where.Count == 0 ? "" : " where " + string.Join(" and ", where)) +
                                                     " order by la_code, metric_id, collection_year, comparator", [.. parameters]);
        using var reader = command.ExecuteReader();
        var flags = new List<EarlyWarningFlag>();
        double D(int i) => Convert.ToDouble(reader.GetValue(i));
        while (reader.Read())
            flags.Add(new EarlyWarningFlag(reader.GetString(0), Convert.ToInt32(reader.GetValue(1)), reader.GetString(2), reader.GetString(3), D(4), D(5), D(6),
                D(7), D(8), D(9), D(10), reader.GetString(11), reader.GetString(12)));
        return flags;
    }
}
