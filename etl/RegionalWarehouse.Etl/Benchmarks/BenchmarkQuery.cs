using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Benchmarks;

/// <summary>
/// One line of an LA's benchmark table, as `rw benchmark` and the dashboard show it: the LA's own value,
/// its comparators with where each came from, its place in the region and in England, and the DfE's
/// published figure for the LA with a flag when the two differ by more than the metric's tolerance.
/// </summary>
public sealed record BenchmarkLine(Metric Metric, double? Value, bool Suppressed, bool Unavailable)
{
    public double? Region { get; init; }
    public string? RegionSource { get; init; }
    public double? NeighbourMean { get; init; }
    public double? NeighbourMedian { get; init; }
    public int? NeighbourCount { get; init; }
    public string? NeighbourSource { get; init; }
    public double? England { get; init; }
    public string? EnglandSource { get; init; }
    public int? Rank { get; init; }
    public int? Ranked { get; init; }
    public int? Quartile { get; init; }
    public int? RankInEngland { get; init; }
    public int? RankedInEngland { get; init; }
    public int? QuartileInEngland { get; init; }
    public double? Published { get; init; }
    public bool? PublishedDiffers { get; init; }

    public string Shown(double? value) => Suppressed && value == Value ? "c" : Unavailable && value == Value ? "x" : Metric.Format(value);
}

/// <summary>One statistical neighbour's value for a metric, and whether it is the platform's own or the DfE's published figure.</summary>
public sealed record NeighbourLine(int Rank, string DfeCode, string Name, string? Closeness, string MetricId, double? Value, string? Source);

/// <summary>An LA's data-quality score for a 903 year: how many of the return's children have records with errors.</summary>
public sealed record DataQualityLine(int Children, int ChildrenWithErrors)
{
    public double SharePct => Children == 0 ? 0 : 100.0 * ChildrenWithErrors / Children;

    public string Describe(int year) => ChildrenWithErrors == 0
        ? $"Data quality ({year} 903): no record errors among {Children:N0} children."
        : $"Data quality ({year} 903): {ChildrenWithErrors:N0} of {Children:N0} children ({SharePct:0.0}%) have records with errors, loaded and flagged in the LA's report.";
}

/// <summary>Reads an LA's benchmarks for a year from the named views (as the dashboard does), in catalogue order.</summary>
public static class BenchmarkQuery
{
    public static IReadOnlyList<BenchmarkLine> ForLa(IWarehouseEngine engine, string dfeCode, int year)
    {
        using var connection = engine.Open();
        using var command = connection.Command(null,
            $"""
             select metric_id, value, suppressed, unavailable, region_value, region_source, neighbour_average, neighbour_median, neighbour_count,
                    neighbour_source, england_value, england_source, rank_in_region, la_count_ranked, quartile,
                    rank_in_england, la_count_england, quartile_england, published_value, published_differs
             from mart.la_benchmark
             where dfe_code = {engine.Parameter("la")} and collection_year = {engine.Parameter("year")}
             """, ("la", dfeCode), ("year", year));
        using var reader = command.ExecuteReader();
        var lines = new Dictionary<string, BenchmarkLine>();
        double? D(int i) => reader.IsDBNull(i) ? null : Convert.ToDouble(reader.GetValue(i));
        int? I(int i) => reader.IsDBNull(i) ? null : Convert.ToInt32(reader.GetValue(i));
        string? S(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        while (reader.Read())
        {
            var metric = MetricCatalogue.All.FirstOrDefault(m => m.Id == reader.GetString(0));
            if (metric is not null)
                lines[metric.Id] = new BenchmarkLine(metric, D(1), reader.GetBoolean(2), reader.GetBoolean(3))
                {
                    Region = D(4),
                    RegionSource = S(5),
                    NeighbourMean = D(6),
                    NeighbourMedian = D(7),
                    NeighbourCount = I(8),
                    NeighbourSource = S(9),
                    England = D(10),
                    EnglandSource = S(11),
                    Rank = I(12),
                    Ranked = I(13),
                    Quartile = I(14),
                    RankInEngland = I(15),
                    RankedInEngland = I(16),
                    QuartileInEngland = I(17),
                    Published = D(18),
                    PublishedDiffers = reader.IsDBNull(19) ? null : Convert.ToBoolean(reader.GetValue(19)),
                };
        }
        return MetricCatalogue.All.Where(m => lines.ContainsKey(m.Id)).Select(m => lines[m.Id]).ToList();
    }

    /// <summary>The data-quality score of the LA's current 903 for the year (mart.data_quality), if it has one.</summary>
    public static DataQualityLine? Quality(IWarehouseEngine engine, string dfeCode, int year)
    {
        using var connection = engine.Open();
        using var command = connection.Command(null,
            $"select children, children_with_errors from mart.data_quality where dfe_code = {engine.Parameter("la")} and collection_year = {engine.Parameter("year")}",
            ("la", dfeCode), ("year", year));
        using var reader = command.ExecuteReader();
        return reader.Read() ? new DataQualityLine(Convert.ToInt32(reader.GetValue(0)), Convert.ToInt32(reader.GetValue(1))) : null;
    }

    /// <summary>The LAs whose returns in this warehouse are synthetic (a demo warehouse marks its members), with why.</summary>
    public static IReadOnlyDictionary<string, string> SyntheticLas(IWarehouseEngine engine)
    {
        using var connection = engine.Open();
        using var command = connection.Command(null, "select la_code, note from etl.synthetic_data");
        using var reader = command.ExecuteReader();
        var las = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
            las[reader.GetString(0)] = reader.GetString(1);
        return las;
    }

    /// <summary>The LA's statistical neighbours (the DfE model in force) with each one's value of every metric, from mart.la_benchmark_neighbour.</summary>
    public static IReadOnlyList<NeighbourLine> Neighbours(IWarehouseEngine engine, string dfeCode, int year, IReadOnlyCollection<string> metricIds)
    {
        if (metricIds.Count == 0)
            return [];
        using var connection = engine.Open();
        var metrics = engine.InList("m", metricIds);
        using var command = connection.Command(null,
            $"""
             select neighbour_rank, neighbour_dfe_code, neighbour_name, closeness, metric_id, value, value_source
             from mart.la_benchmark_neighbour
             where dfe_code = {engine.Parameter("la")} and collection_year = {engine.Parameter("year")}
               and metric_id in ({metrics.Placeholders})
             order by neighbour_rank
             """, [("la", dfeCode), ("year", year), .. metrics.Parameters]);
        using var reader = command.ExecuteReader();
        var lines = new List<NeighbourLine>();
        while (reader.Read())
            lines.Add(new NeighbourLine(Convert.ToInt32(reader.GetValue(0)), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4), reader.IsDBNull(5) ? null : Convert.ToDouble(reader.GetValue(5)), reader.IsDBNull(6) ? null : reader.GetString(6)));
        return lines;
    }
}
