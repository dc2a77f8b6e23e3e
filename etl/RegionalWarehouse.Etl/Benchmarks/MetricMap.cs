using RegionalWarehouse.Warehouse.Engines;
using RegionalWarehouse.Warehouse.ReferenceData.Geo;

namespace RegionalWarehouse.Etl.Benchmarks;

/// <summary>Which LAs a map or scatter shows: the platform's members, or every LA in England (members' own figures, the rest published).</summary>
public enum AreaScope
{
    Members,
    England,
}

/// <summary>One LA's value of a metric for a year, from mart.la_metric_value: its own ("platform") or the DfE's ("published").</summary>
public sealed record LaMetricValue(string DfeCode, string OnsCode, string Name, string RegionCode, bool Member, double? Value, bool Suppressed, bool Unavailable, string Source)
{
    public static IReadOnlyList<LaMetricValue> Query(IWarehouseEngine engine, string metricId, int year, AreaScope scope)
    {
        using var connection = engine.Open();
        using var command = connection.Command(null,
            $"""
             select dfe_code, ons_code, la_name, region_code, is_platform_member, value, suppressed, unavailable, value_source
             from mart.la_metric_value
             where metric_id = {engine.Parameter("metric")} and collection_year = {engine.Parameter("year")}
             order by la_name
             """, ("metric", metricId), ("year", year));
        using var reader = command.ExecuteReader();
        var values = new List<LaMetricValue>();
        while (reader.Read())
            values.Add(new LaMetricValue(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Convert.ToBoolean(reader.GetValue(4)),
                reader.IsDBNull(5) ? null : Convert.ToDouble(reader.GetValue(5)), Convert.ToBoolean(reader.GetValue(6)), Convert.ToBoolean(reader.GetValue(7)), reader.GetString(8)));
        // At most one row per LA in England: the scope is applied here rather than in each engine's boolean dialect.
        return scope == AreaScope.England ? values : values.Where(v => v.Member).ToList();
    }
}

/// <summary>
/// One hexagon of the map: where it sits, its value and its quartile band (1 = band A). For a year before the LA
/// existed, the value is its predecessor's, named in <see cref="ValueOf"/> (Cumbria's on Cumberland, say).
/// </summary>
public sealed record MapArea(LaHex Hex, LaMetricValue? Value, int? Quartile, string? ValueOf = null);

/// <summary>
/// A metric for a year on the hex map: every LA in the scope gets its hexagon (those with no value at all are
/// shown as not available), banded by LAIT's method (<see cref="Ranking"/>) among the LAs with a value.
/// </summary>
public sealed record MetricMap(Metric Metric, int Year, AreaScope Scope, IReadOnlyList<MapArea> Areas)
{
    public static MetricMap Query(IWarehouseEngine engine, Metric metric, int year, AreaScope scope)
    {
        var values = LaMetricValue.Query(engine, metric.Id, year, scope).ToDictionary(v => v.OnsCode);
        var members = scope == AreaScope.Members ? LaDirectory.Load(engine).All.Select(l => l.OnsCode).ToHashSet(StringComparer.OrdinalIgnoreCase) : null;
        var shown = HexLayout.All.Where(h => members?.Contains(h.OnsCode) ?? true).ToList();
        // Banded among the LAs that existed that year, as the DfE's LAIT does: a predecessor counts once, not once per successor.
        var known = (scope == AreaScope.England ? values.Values.Select(v => v.Value) : shown.Select(h => values.GetValueOrDefault(h.OnsCode)?.Value))
            .OfType<double>().ToList();
        var predecessors = scope == AreaScope.England ? LaPredecessor.Query(engine, year) : new Dictionary<string, LaPredecessor>();
        var cutOffs = known.Count == 0 ? default : Ranking.CutOffs(known);
        // A metric without polarity is not banded good to bad; its map shades quarters from the highest values down.
        var shading = metric.Polarity == Polarity.Neutral ? Polarity.HigherIsBetter : metric.Polarity;
        var areas = shown.Select(h =>
        {
            var value = values.GetValueOrDefault(h.OnsCode);
            string? valueOf = null;
            if (value is null or { Value: null, Suppressed: false } && predecessors.TryGetValue(h.OnsCode, out var predecessor)
                && values.GetValueOrDefault(predecessor.PredecessorOnsCode) is { } inherited)
            {
                value = inherited with { DfeCode = predecessor.DfeCode, OnsCode = h.OnsCode, Name = h.Name };
                valueOf = predecessor.PredecessorName;
            }
            var quartile = value?.Value is { } v ? Ranking.Quartile(v, cutOffs, shading) : null;
            return new MapArea(h, value, quartile, valueOf);
        }).ToList();
        return new MetricMap(metric, year, scope, areas);
    }
}

/// <summary>An LA that did not yet exist in a year, and the one LA whose area it then was (dw.la_predecessor).</summary>
public sealed record LaPredecessor(string DfeCode, string OnsCode, string PredecessorOnsCode, string PredecessorName)
{
    /// <summary>The LAs not yet formed in <paramref name="year"/> with their single predecessor, by the successor's ONS code.</summary>
    public static Dictionary<string, LaPredecessor> Query(IWarehouseEngine engine, int year)
    {
        using var connection = engine.Open();
        using var command = connection.Command(null,
            $"select dfe_code, ons_code, predecessor_ons_code, predecessor_name from dw.la_predecessor where first_year > {engine.Parameter("year")}",
            ("year", year));
        using var reader = command.ExecuteReader();
        var found = new Dictionary<string, LaPredecessor>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read())
            found[reader.GetString(1)] = new LaPredecessor(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
        return found;
    }
}
