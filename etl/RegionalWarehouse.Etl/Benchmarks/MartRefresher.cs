using System.Data.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Benchmarks;

/// <summary>
/// Rebuilds mart.metric, mart.benchmark and mart.region_benchmark from the catalogue in one transaction.
/// Each metric's numerator and denominator come from one generated, engine-neutral aggregate query;
/// suppression and comparators are computed once, in <see cref="ComparatorCalculator"/>, for both engines.
/// After a load only that LA's measures are recomputed from the facts (every year of its history: a later
/// return can revise an earlier year's episodes); every other LA's come from mart.la_measure, as the last
/// refresh computed them, and the comparators are rebuilt from the lot.
/// </summary>
public sealed class MartRefresher(IWarehouseEngine engine, IOptions<BenchmarkOptions> options, TimeProvider clock, ILogger<MartRefresher> logger)
{
    /// <summary>Names the metric definitions: stored measures computed under other definitions are recomputed.</summary>
    public static readonly string CatalogueVersion = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
        string.Join("\n", MetricCatalogue.All.Select(m => $"{m.Id}|{m.Source}|{m.Unit}|{m.NumeratorSql}|{m.DenominatorSql}")))))[..16];

    /// <summary>Recomputes every LA from the facts.</summary>
    public int Refresh() => Refresh(MartScope.Everything);

    public int Refresh(MartScope scope)
    {
        var timer = System.Diagnostics.Stopwatch.StartNew();
        var began = clock.GetUtcNow().UtcDateTime;
        using var connection = engine.Open();
        var las = LaDirectory.Read(connection);
        var only = scope.IsEverything || !StoredMeasuresAreCurrent(connection)
            ? null
            : scope.LaCodes!.Select(code => las.ByDfeCode(code)?.LaKey).OfType<int>().ToHashSet();
        var computed = WithRetained(ComputeMeasures(connection, las, only), ReadMeasures(connection, las, "mart.retained_measure", la => only?.Contains(la) ?? true));
        var measures = only is null ? computed : [.. ReadStoredMeasures(connection, las, only), .. computed];
        var measured = timer.Elapsed;
        // Comparators sum and rank in input order: one order whatever was recomputed, so a refresh after a load
        // and a full refresh give the same marts to the last bit.
        measures.Sort((a, b) => (a.Year, a.LaKey, a.Metric.Id).CompareTo((b.Year, b.LaKey, b.Metric.Id)));

        var england = LaDirectory.ReadEngland(connection);
        var calculator = new ComparatorCalculator(options.Value.SuppressCountsUpTo, ReadNeighbours(connection, england));
        var (rows, regions, neighbours) = calculator.ComputeAll(measures, ReadPublished(connection, england));
        var compared = timer.Elapsed;
        Write(connection, rows, regions, neighbours, computed, only, only is null ? MartScope.Everything : scope, las);
        MartRefreshOwed.Clear(engine, connection, only is null ? MartScope.Everything : scope, began);
        logger.LogInformation(
            "Benchmark marts refreshed ({Scope} recomputed): {Rows:N0} LA rows, {Regions:N0} region rows; measures {Measures:N0} ms, comparators {Comparators:N0} ms, written {Written:N0} ms",
            only is null ? MartScope.Everything : scope, rows.Count, regions.Count, measured.TotalMilliseconds, (compared - measured).TotalMilliseconds,
            (timer.Elapsed - compared).TotalMilliseconds);
        return rows.Count;
    }

    /// <summary>Each LA's measures from the facts: every LA's, or only those of <paramref name="only"/>.</summary>
    private static List<LaMeasure> ComputeMeasures(DbConnection connection, LaDirectory las, IReadOnlySet<int>? only)
    {
        var measures = new List<LaMeasure>();
        if (only is { Count: 0 })
            return measures;
        var population = ReadPopulation(connection);
        // One pass over each source view computes all of its metrics: the views (periods of care,
        // placements, 31 March status) are the expensive part, so each is evaluated once per refresh.
        foreach (var source in MetricCatalogue.All.GroupBy(m => m.Source))
        {
            var metrics = source.ToList();
            using var command = connection.Command(null, SourceSql(source.Key, metrics, only));
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
                    var numerator = DbNumber.ToDouble(reader.GetValue(2 + 2 * i));
                    double? denominator = metric.UsesPopulation
                        ? population.TryGetValue((laKey, year - 1), out var children) ? children : null
                        : DbNumber.ToDouble(reader.GetValue(3 + 2 * i));
                    measures.Add(new LaMeasure(laKey, la.RegionCode, year, metric, numerator, denominator));
                }
            }
        }
        return measures;
    }

    /// <summary>
    /// The sources whose view would run its windows over every LA even when filtered to one (migration 0035):
    /// for one LA's refresh they are read through their function of the LA (a DuckDB table macro, a SQL Server
    /// inline table-valued function), which filters every view beneath them.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string> OneLaForms = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["dw.cla_child_year"] = "dw.cla_child_year_for",
        ["dw.cla_adoption_year"] = "dw.cla_adoption_year_for",
    };

    /// <summary>
    /// Every metric over one source in one aggregate query: numerator and denominator of each, in order; for
    /// the given LAs only, when there are some (their keys are the warehouse's own integers).
    /// </summary>
    public static string SourceSql(string source, IReadOnlyList<Metric> metrics, IReadOnlySet<int>? only = null) =>
        $"select la_key, collection_year, {string.Join(", ", metrics.Select((m, i) => $"{m.NumeratorSql} as n{i}, {m.DenominatorSql ?? "null"} as d{i}"))} " +
        $"from {From(source, only)} group by la_key, collection_year";

    private static string From(string source, IReadOnlySet<int>? only) =>
        only is null ? source
        : OneLaForms.TryGetValue(source, out var function) ? $"({string.Join(" union all ", only.Order().Select(la => $"select * from {function}({la})"))}) scoped"
        : $"{source} where la_key in ({string.Join(", ", only.Order())})";

    /// <summary>Whether mart.la_measure holds measures, all computed under today's metric definitions.</summary>
    private bool StoredMeasuresAreCurrent(DbConnection connection)
    {
        using var command = connection.Command(null,
            $"select count(*), count(case when catalogue_version <> {engine.Parameter("version")} then 1 end) from mart.la_measure",
            ("version", CatalogueVersion));
        using var reader = command.ExecuteReader();
        reader.Read();
        return Convert.ToInt64(reader.GetValue(0)) > 0 && Convert.ToInt64(reader.GetValue(1)) == 0;
    }

    /// <summary>The measures the last refresh stored, but for the LAs being recomputed.</summary>
    private static IEnumerable<LaMeasure> ReadStoredMeasures(DbConnection connection, LaDirectory las, IReadOnlySet<int> except) =>
        ReadMeasures(connection, las, "mart.la_measure", la => !except.Contains(la));

    /// <summary>
    /// Measures kept when their return's child-level rows were deleted under retention take the place of what
    /// the facts now left would give (nothing, for the deleted year; a shorter history, for a later year's look-back).
    /// </summary>
    private static List<LaMeasure> WithRetained(List<LaMeasure> computed, IEnumerable<LaMeasure> retained)
    {
        var kept = retained.ToList();
        if (kept.Count == 0)
            return computed;
        var keys = kept.Select(m => (m.LaKey, m.Year, m.Metric.Id)).ToHashSet();
        return [.. computed.Where(m => !keys.Contains((m.LaKey, m.Year, m.Metric.Id))), .. kept];
    }

    /// <summary>Numerators and denominators stored in <paramref name="table"/> (mart.la_measure's columns) for the LAs <paramref name="include"/> picks.</summary>
    private static IEnumerable<LaMeasure> ReadMeasures(DbConnection connection, LaDirectory las, string table, Func<int, bool> include)
    {
        var metrics = MetricCatalogue.All.ToDictionary(m => m.Id);
        using var command = connection.Command(null, $"select la_key, collection_year, metric_id, numerator, denominator from {table}");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var laKey = Convert.ToInt32(reader.GetValue(0));
            if (!include(laKey) || las.ByKey(laKey) is not { } la || !metrics.TryGetValue(reader.GetString(2), out var metric))
                continue;
            yield return new LaMeasure(laKey, la.RegionCode, Convert.ToInt32(reader.GetValue(1)), metric,
                DbNumber.ToDouble(reader.GetValue(3)), DbNumber.ToDouble(reader.GetValue(4)));
        }
    }

    private void Write(DbConnection connection, List<BenchmarkRow> rows, List<RegionRow> regions, List<NeighbourValue> neighbours,
        List<LaMeasure> computed, IReadOnlySet<int>? only, MartScope recomputed, LaDirectory las)
    {
        using var transaction = connection.BeginTransaction();
        new Warehouse.Audit.AuditLog(engine).Record(connection, transaction, new Warehouse.Audit.AuditEvent(clock.GetUtcNow().UtcDateTime, "mart refresh", "marts refreshed",
            Rows: rows.Count, Detail: $"measures recomputed for {recomputed}; {rows.Count:N0} LA rows, {regions.Count:N0} region rows"));
        foreach (var table in new[] { "mart.benchmark", "mart.benchmark_neighbour", "mart.region_benchmark", "mart.metric" })
            using (var delete = connection.Command(transaction, $"delete from {table}"))
                delete.ExecuteNonQuery();
        if (only is not { Count: 0 })
            using (var delete = connection.Command(transaction,
                       $"delete from mart.la_measure{(only is null ? "" : $" where la_key in ({string.Join(", ", only.Order())})")}"))
                delete.ExecuteNonQuery();
        var now = clock.GetUtcNow().UtcDateTime;
        using (var writer = engine.CreateBulkWriter(connection, transaction))
        {
            using (var stored = writer.Open("mart", "la_measure", ["la_key", "collection_year", "metric_id", "numerator", "denominator", "catalogue_version"]))
            {
                foreach (var m in computed)
                    stored.Add(m.LaKey, (short)m.Year, m.Metric.Id, m.Numerator, m.Denominator, CatalogueVersion);
            }
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
                        "neighbour_average", "england_value", "rank_in_region", "la_count_ranked", "quartile", "refreshed_at", "region_source", "england_source",
                        "neighbour_median", "neighbour_count", "neighbour_source", "rank_in_england", "la_count_england", "quartile_england",
                        "published_value", "published_differs"]))
            {
                foreach (var r in rows)
                    benchmark.Add(r.LaKey, (short)r.Year, r.MetricId, r.Numerator, r.Denominator, r.Value, r.Suppressed, r.Unavailable, r.RegionValue,
                        r.NeighbourAverage, r.EnglandValue, (short?)r.RankInRegion, (short?)r.LaCountRanked, (short?)r.Quartile, now, r.RegionSource, r.EnglandSource,
                        r.NeighbourMedian, (short?)r.NeighbourCount, r.NeighbourSource, (short?)r.RankInEngland, (short?)r.LaCountEngland, (short?)r.QuartileEngland,
                        r.PublishedValue, r.PublishedDiffers);
            }
            using (var neighbour = writer.Open("mart", "benchmark_neighbour",
                       ["la_key", "collection_year", "metric_id", "neighbour_rank", "neighbour_la_key", "closeness", "value", "value_source"]))
            {
                foreach (var n in neighbours)
                    neighbour.Add(n.LaKey, (short)n.Year, n.MetricId, (short)n.Neighbour.Rank, n.Neighbour.LaKey, n.Neighbour.Closeness, n.Value, n.Source);
            }
            using (var region = writer.Open("mart", "region_benchmark",
                       ["region_code", "collection_year", "metric_id", "numerator", "denominator", "value", "suppressed", "la_count"]))
            {
                foreach (var r in regions)
                    region.Add(r.RegionCode, (short)r.Year, r.MetricId, r.Numerator, r.Denominator, r.Value, r.Suppressed, (short)r.LaCount);
            }
        }
        // The flags read the comparators just written, and are replaced with them: never a flag from an older refresh.
        var figures = rows.Where(r => las.ByKey(r.LaKey) is not null).Select(r => new EarlyWarning.MeasuredFigure(las.ByKey(r.LaKey)!.DfeCode, r.Year, r.MetricId,
            r.Numerator, r.Denominator, r.Value, r.Suppressed, r.EnglandValue, r.RegionValue, r.NeighbourAverage));
        EarlyWarning.EarlyWarningStore.Replace(engine, connection, transaction, EarlyWarning.EarlyWarningCalculator.Flags(figures),
            recomputed.LaCodes is { Count: > 0 } recomputedLas ? recomputedLas : null, now);
        transaction.Commit();
    }

    /// <summary>
    /// The DfE's published values of catalogue metrics: England, regions and every LA. Where LAIT and an
    /// open-data publication both give a value, LAIT's counts (it is the DfE's own benchmarking set).
    /// </summary>
    private static PublishedComparators ReadPublished(DbConnection connection, LaDirectory england)
    {
        using var command = connection.Command(null, """
            select geographic_level, area_code, la_code, collection_year, metric_id, value, source
            from dw.published_comparator
            order by case when source = 'LAIT' then 1 else 0 end
            """);
        using var reader = command.ExecuteReader();
        var national = new Dictionary<(int, string), double?>();
        var regions = new Dictionary<(string, int, string), double?>();
        var las = new Dictionary<(int, int, string), double>();
        while (reader.Read())
        {
            var year = Convert.ToInt32(reader.GetValue(3));
            var metric = reader.GetString(4);
            var value = DbNumber.ToDouble(reader.GetValue(5));
            switch (reader.GetString(0))
            {
                case "National":
                    national[(year, metric)] = value;
                    break;
                case "Regional":
                    regions[(reader.GetString(1), year, metric)] = value;
                    break;
                default:
                    if (!reader.IsDBNull(2) && england.ByDfeCode(reader.GetString(2)) is { } la)
                    {
                        if (value is { } v)
                            las[(la.LaKey, year, metric)] = v;
                        else
                            las.Remove((la.LaKey, year, metric));
                    }
                    break;
            }
        }
        return new PublishedComparators(national, regions, las, ReadTolerances(connection));
    }

    private static Dictionary<string, double> ReadTolerances(DbConnection connection)
    {
        using var command = connection.Command(null, "select metric_id, min(tolerance) from ref.published_metric where tolerance is not null group by metric_id");
        using var reader = command.ExecuteReader();
        var tolerances = new Dictionary<string, double>();
        while (reader.Read())
            tolerances[reader.GetString(0)] = Convert.ToDouble(reader.GetValue(1));
        return tolerances;
    }

    private static Dictionary<(int LaKey, int MidYear), double> ReadPopulation(DbConnection connection)
    {
        using var command = connection.Command(null, "select la_key, mid_year, children from dw.population_0_17");
        using var reader = command.ExecuteReader();
        var population = new Dictionary<(int, int), double>();
        while (reader.Read())
            population[(Convert.ToInt32(reader.GetValue(0)), Convert.ToInt32(reader.GetValue(1)))] = DbNumber.ToDouble(reader.GetValue(2)) ?? 0;
        return population;
    }

    /// <summary>Each LA's neighbours in the DfE model in force (dw.statistical_neighbour), closest first.</summary>
    private static Dictionary<int, IReadOnlyList<Neighbour>> ReadNeighbours(DbConnection connection, LaDirectory england)
    {
        using var command = connection.Command(null, "select la_number, neighbour_number, neighbour_rank, closeness from dw.statistical_neighbour order by la_number, neighbour_rank");
        using var reader = command.ExecuteReader();
        var rows = new List<(int Owner, Neighbour Neighbour)>();
        while (reader.Read())
            if (england.ByDfeCode(Code(reader.GetValue(0))) is { } owner && england.ByDfeCode(Code(reader.GetValue(1))) is { } neighbour)
                rows.Add((owner.LaKey, new Neighbour(neighbour.LaKey, Convert.ToInt32(reader.GetValue(2)), reader.IsDBNull(3) ? null : reader.GetString(3))));
        return rows.GroupBy(r => r.Owner).ToDictionary(g => g.Key, g => (IReadOnlyList<Neighbour>)g.Select(r => r.Neighbour).ToList());
    }

    private static string Code(object number) => Convert.ToInt32(number).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
