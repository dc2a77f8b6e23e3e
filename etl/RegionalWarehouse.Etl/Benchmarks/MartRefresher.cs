using System.Data.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RegionalWarehouse.Etl.Submissions;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Benchmarks;

/// <summary>
/// Rebuilds mart.metric, mart.benchmark and mart.region_benchmark from the catalogue in one transaction.
/// Each metric's numerator and denominator come from one generated, engine-neutral aggregate query;
/// suppression and comparators are computed once, in <see cref="ComparatorCalculator"/>, for both engines.
/// </summary>
public sealed class MartRefresher(IWarehouseEngine engine, IOptions<BenchmarkOptions> options, TimeProvider clock, ILogger<MartRefresher> logger)
{
    public int Refresh()
    {
        using var connection = engine.Open();
        var las = LaDirectory.Read(connection);
        var population = ReadPopulation(connection);
        var measures = new List<LaMeasure>();
        // One pass over each source view computes all of its metrics: the views (periods of care,
        // placements, 31 March status) are the expensive part, so each is evaluated once per refresh.
        foreach (var source in MetricCatalogue.All.GroupBy(m => m.Source))
        {
            var metrics = source.ToList();
            using var command = connection.Command(null, SourceSql(source.Key, metrics));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var laKey = Convert.ToInt32(reader.GetValue(0));
                var year = Convert.ToInt32(reader.GetValue(1));
                if (las.ByKey(laKey) is not { } la)
                    continue;
                for (var i = 0; i < metrics.Count; i++)
                {
                    var metric = metrics[i];
                    var numerator = Number(reader.GetValue(2 + 2 * i));
                    double? denominator = metric.UsesPopulation
                        ? population.TryGetValue((laKey, year - 1), out var children) ? children : null
                        : Number(reader.GetValue(3 + 2 * i));
                    measures.Add(new LaMeasure(laKey, la.RegionCode, year, metric, numerator, denominator));
                }
            }
        }

        var calculator = new ComparatorCalculator(options.Value.SuppressCountsUpTo, ReadNeighbours(connection, las));
        var (rows, regions) = calculator.Compute(measures, ReadPublished(connection));
        Write(connection, rows, regions);
        logger.LogInformation("Benchmark marts refreshed: {Rows:N0} LA rows, {Regions:N0} region rows", rows.Count, regions.Count);
        return rows.Count;
    }

    /// <summary>DuckDB sums integers into 128-bit HUGEINTs; everything else converts directly.</summary>
    private static double? Number(object value) => value switch
    {
        DBNull => null,
        System.Numerics.BigInteger big => (double)big,
        _ => Convert.ToDouble(value),
    };

    /// <summary>Every metric over one source in one aggregate query: numerator and denominator of each, in order.</summary>
    public static string SourceSql(string source, IReadOnlyList<Metric> metrics) =>
        $"select la_key, collection_year, {string.Join(", ", metrics.Select((m, i) => $"{m.NumeratorSql} as n{i}, {m.DenominatorSql ?? "null"} as d{i}"))} " +
        $"from {source} group by la_key, collection_year";

    private void Write(DbConnection connection, List<BenchmarkRow> rows, List<RegionRow> regions)
    {
        using var transaction = connection.BeginTransaction();
        foreach (var table in new[] { "mart.benchmark", "mart.region_benchmark", "mart.metric" })
            using (var delete = connection.Command(transaction, $"delete from {table}"))
                delete.ExecuteNonQuery();
        var now = clock.GetUtcNow().UtcDateTime;
        using (var writer = engine.CreateBulkWriter(connection, transaction))
        {
            using (var metrics = writer.Open("mart", "metric",
                       ["metric_id", "name", "description", "theme", "unit", "polarity", "numerator", "denominator", "source_facts", "minimum_count", "display_order"]))
            {
                var order = 0;
                foreach (var m in MetricCatalogue.All)
                    metrics.Add(m.Id, m.Name, m.Description, m.Theme, m.Unit.ToString(), m.Polarity.ToString(), m.NumeratorDescription,
                        m.DenominatorDescription, m.Source, options.Value.SuppressCountsUpTo + 1, ++order);
            }
            using (var benchmark = writer.Open("mart", "benchmark",
                       ["la_key", "collection_year", "metric_id", "numerator", "denominator", "value", "suppressed", "unavailable", "region_value",
                        "neighbour_average", "england_value", "rank_in_region", "la_count_ranked", "quartile", "refreshed_at", "region_source", "england_source"]))
            {
                foreach (var r in rows)
                    benchmark.Add(r.LaKey, (short)r.Year, r.MetricId, r.Numerator, r.Denominator, r.Value, r.Suppressed, r.Unavailable, r.RegionValue,
                        r.NeighbourAverage, r.EnglandValue, (short?)r.RankInRegion, (short?)r.LaCountRanked, (short?)r.Quartile, now, r.RegionSource, r.EnglandSource);
            }
            using (var region = writer.Open("mart", "region_benchmark",
                       ["region_code", "collection_year", "metric_id", "numerator", "denominator", "value", "suppressed", "la_count"]))
            {
                foreach (var r in regions)
                    region.Add(r.RegionCode, (short)r.Year, r.MetricId, r.Numerator, r.Denominator, r.Value, r.Suppressed, (short)r.LaCount);
            }
        }
        transaction.Commit();
    }

    /// <summary>National and regional published values of the indicators mapped to catalogue metrics.</summary>
    private static PublishedComparators ReadPublished(DbConnection connection)
    {
        using var command = connection.Command(null, """
            select p.geographic_level, p.area_code, p.collection_year, m.metric_id, p.value
            from dw.published_value p join ref.published_metric m on m.indicator = p.indicator
            where p.geographic_level in ('National', 'Regional')
            """);
        using var reader = command.ExecuteReader();
        var england = new Dictionary<(int, string), double?>();
        var regions = new Dictionary<(string, int, string), double?>();
        while (reader.Read())
        {
            var year = Convert.ToInt32(reader.GetValue(2));
            var value = Number(reader.GetValue(4));
            if (reader.GetString(0) == "National")
                england[(year, reader.GetString(3))] = value;
            else
                regions[(reader.GetString(1), year, reader.GetString(3))] = value;
        }
        return new PublishedComparators(england, regions);
    }

    private static Dictionary<(int LaKey, int MidYear), double> ReadPopulation(DbConnection connection)
    {
        using var command = connection.Command(null, "select la_key, mid_year, children from dw.population_0_17");
        using var reader = command.ExecuteReader();
        var population = new Dictionary<(int, int), double>();
        while (reader.Read())
            population[(Convert.ToInt32(reader.GetValue(0)), Convert.ToInt32(reader.GetValue(1)))] = Number(reader.GetValue(2)) ?? 0;
        return population;
    }

    private static Dictionary<int, IReadOnlyList<int>> ReadNeighbours(DbConnection connection, LaDirectory las)
    {
        using var command = connection.Command(null, """
            select g.owner_dfe_code, m.member_dfe_code
            from ref.comparator_group g join ref.comparator_group_member m on m.group_code = g.group_code
            where g.group_type = 'statistical_neighbours'
            """);
        using var reader = command.ExecuteReader();
        var pairs = new List<(int, int)>();
        while (reader.Read())
            if (las.ByDfeCode(reader.GetString(0)) is { } owner && las.ByDfeCode(reader.GetString(1)) is { } member)
                pairs.Add((owner.LaKey, member.LaKey));
        return pairs.GroupBy(p => p.Item1).ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.Select(p => p.Item2).ToList());
    }
}
