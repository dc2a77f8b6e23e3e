using RegionalWarehouse.Etl.Benchmarks;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Dashboard;

/// <summary>An LA to choose; Synthetic when this warehouse holds synthetic returns for it (a demo).</summary>
public sealed record LaOption(string Code, string Name, bool Synthetic = false);

/// <summary>One LA × year × metric as the dashboard shows it: values already suppressed by the mart.</summary>
public sealed record BenchmarkPoint(
    string La, string LaName, int Year, string MetricId, double? Value, bool Suppressed, bool Unavailable,
    double? Region, double? Neighbours, double? England, int? Rank, int? Ranked, int? Quartile,
    string? RegionSource, double? NeighbourMedian, int? NeighbourCount, string? NeighbourSource, string? EnglandSource,
    int? RankInEngland, int? RankedInEngland, int? QuartileInEngland, double? Published, bool? PublishedDiffers)
{
    /// <summary>The band letter the page shows (A best): across England where ranked there, else in the region; none for a measure without polarity.</summary>
    public string? Band => MetricCatalogue.All.FirstOrDefault(m => m.Id == MetricId) is { Polarity: not Polarity.Neutral } && (QuartileInEngland ?? Quartile) is { } q
        ? Ranking.Band(q).ToString()
        : null;

    public string? BandScope => Band is null ? null : QuartileInEngland is not null ? "England" : "region";
}

/// <summary>
/// What the dashboard reads: only the marts (aggregates after small-number suppression) through the
/// named view mart.la_benchmark, never child-level facts, so it is safe for regional viewers.
/// </summary>
public sealed class DashboardQueries(IWarehouseEngine engine)
{
    public IWarehouseEngine Engine => engine;

    public IReadOnlyList<LaOption> Las() =>
        Read("""
            select l.dfe_code, l.la_name, case when s.la_code is null then 0 else 1 end
            from ref.local_authority l left join etl.synthetic_data s on s.la_code = l.dfe_code
            where l.is_platform_member order by l.la_name
            """, [], r => new LaOption(r.GetString(0), r.GetString(1), Convert.ToInt32(r.GetValue(2)) == 1));

    public IReadOnlyList<int> Years() =>
        Read("select distinct collection_year from mart.la_benchmark order by collection_year", [], r => Convert.ToInt32(r.GetValue(0)));

    public IReadOnlyList<BenchmarkPoint> ForLaAndYear(string la, int year) =>
        Points($"dfe_code = {engine.Parameter("la")} and collection_year = {engine.Parameter("year")}", ("la", la), ("year", year));

    public IReadOnlyList<BenchmarkPoint> Trend(string la, string metric) =>
        Points($"dfe_code = {engine.Parameter("la")} and metric_id = {engine.Parameter("metric")}", ("la", la), ("metric", metric));

    public IReadOnlyList<BenchmarkPoint> Ranking(string metric, int year) =>
        Points($"metric_id = {engine.Parameter("metric")} and collection_year = {engine.Parameter("year")}", ("metric", metric), ("year", year));

    /// <summary>Several LAs against several metrics for one year: the compare page.</summary>
    public IReadOnlyList<BenchmarkPoint> Compare(IReadOnlyList<string> las, IReadOnlyList<string> metrics, int year)
    {
        if (las.Count == 0 || metrics.Count == 0)
            return [];
        var laList = engine.InList("la", las);
        var metricList = engine.InList("m", metrics);
        return Points($"""
                       collection_year = {engine.Parameter("year")}
                       and dfe_code in ({laList.Placeholders})
                       and metric_id in ({metricList.Placeholders})
                       """, [("year", year), .. laList.Parameters, .. metricList.Parameters]);
    }

    /// <summary>Every contextual indicator the scatter can use (the operator's own and LAIT's), by name.</summary>
    public IReadOnlyList<IndicatorDefinition> Indicators() => IndicatorCatalogue.Read(engine).OrderBy(i => i.Name, StringComparer.OrdinalIgnoreCase).ToList();

    public MetricMap Map(Metric metric, int year, AreaScope scope) => MetricMap.Query(engine, metric, year, scope);

    public CorrelationResult Correlation(Metric metric, string indicator, int year, AreaScope scope) => CorrelationResult.Query(engine, metric.Id, indicator, year, scope);

    private IReadOnlyList<BenchmarkPoint> Points(string where, params (string, object?)[] parameters) =>
        Read($"""
              select dfe_code, la_name, collection_year, metric_id, value, suppressed, unavailable, region_value, neighbour_average,
                     england_value, rank_in_region, la_count_ranked, quartile, region_source, neighbour_median, neighbour_count, neighbour_source,
                     england_source, rank_in_england, la_count_england, quartile_england, published_value, published_differs
              from mart.la_benchmark where {where}
              order by display_order, collection_year, rank_in_region, la_name
              """, parameters,
            r => new BenchmarkPoint(r.GetString(0), r.GetString(1), Convert.ToInt32(r.GetValue(2)), r.GetString(3), D(r, 4), r.GetBoolean(5), r.GetBoolean(6),
                D(r, 7), D(r, 8), D(r, 9), I(r, 10), I(r, 11), I(r, 12), S(r, 13), D(r, 14), I(r, 15), S(r, 16), S(r, 17), I(r, 18), I(r, 19), I(r, 20),
                D(r, 21), r.IsDBNull(22) ? null : Convert.ToBoolean(r.GetValue(22))));

    /// <summary>The data-quality score of the LA's 903 for the year, if loaded.</summary>
    public DataQualityLine? Quality(string la, int year) => BenchmarkQuery.Quality(engine, la, year);

    /// <summary>The LA's DfE statistical neighbours with their value of one metric (a member's own, or the DfE's published figure).</summary>
    public IReadOnlyList<NeighbourLine> Neighbours(string la, int year, string metric) =>
        BenchmarkQuery.Neighbours(engine, la, year, [metric]);

    private static string? S(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static double? D(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToDouble(r.GetValue(i));

    private static int? I(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToInt32(r.GetValue(i));

    private List<T> Read<T>(string sql, (string, object?)[] parameters, Func<System.Data.Common.DbDataReader, T> map)
    {
        using var connection = engine.Open();
        using var command = connection.Command(null, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(map(reader));
        return rows;
    }

    public static IEnumerable<object> Catalogue() => MetricCatalogue.All.Select(m => new
    {
        id = m.Id,
        name = m.Name,
        theme = m.Theme,
        description = m.Description,
        unit = m.Unit.ToString(),
        polarity = m.Polarity.ToString(),
        format = m.FormatString,
    });
}
