namespace RegionalWarehouse.Etl.Benchmarks;

/// <summary>One LA's raw numerator and denominator for a metric and year, before any suppression.</summary>
public sealed record LaMeasure(int LaKey, string RegionCode, int Year, Metric Metric, double? Numerator, double? Denominator);

public sealed record BenchmarkRow(
    int LaKey, int Year, string MetricId, double? Numerator, double? Denominator, double? Value, bool Suppressed, bool Unavailable,
    double? RegionValue, double? NeighbourAverage, double? EnglandValue, int? RankInRegion, int? LaCountRanked, int? Quartile,
    string? RegionSource = null, string? EnglandSource = null,
    double? NeighbourMedian = null, int? NeighbourCount = null, string? NeighbourSource = null,
    int? RankInEngland = null, int? LaCountEngland = null, int? QuartileEngland = null,
    double? PublishedValue = null, bool? PublishedDiffers = null);

/// <summary>One statistical neighbour of an LA, in the DfE model's order (1 = closest).</summary>
public sealed record Neighbour(int LaKey, int Rank, string? Closeness);

/// <summary>The value a neighbour contributed to an LA's comparators, and where it came from.</summary>
public sealed record NeighbourValue(int LaKey, int Year, string MetricId, Neighbour Neighbour, double? Value, string? Source);

public sealed record RegionRow(string RegionCode, int Year, string MetricId, double? Numerator, double? Denominator, double? Value, bool Suppressed, int LaCount);

/// <summary>
/// Turns raw LA measures into shareable benchmarks: small-number suppression, region totals,
/// statistical-neighbour mean and median, rank and quartile within the region and across England (1 = best,
/// by polarity), and the DfE's published figure for the LA beside its own. Suppressed values are flags
/// with no numbers, never zeros, and are never ranked or averaged. Where a comparator needs an LA outside
/// the platform, it takes the DfE's published value, and says so.
/// </summary>
public sealed class ComparatorCalculator(int suppressCountsUpTo, IReadOnlyDictionary<int, IReadOnlyList<Neighbour>> neighbours)
{
    public const string Published = "published", Recomputed = "recomputed", Mixed = "mixed";

    /// <summary>Neighbours as a plain ranked list of LA keys (closest first).</summary>
    public ComparatorCalculator(int suppressCountsUpTo, IReadOnlyDictionary<int, IReadOnlyList<int>> neighbours)
        : this(suppressCountsUpTo, neighbours.ToDictionary(n => n.Key, n => (IReadOnlyList<Neighbour>)n.Value.Select((la, i) => new Neighbour(la, i + 1, null)).ToList()))
    {
    }

    public bool IsSmall(double? count) => count is > 0 && count <= suppressCountsUpTo;

    public bool ShouldSuppress(Metric metric, double? numerator, double? denominator) => metric.Unit switch
    {
        MetricUnit.Count => IsSmall(numerator),
        MetricUnit.RatePer10k => IsSmall(numerator),
        MetricUnit.Percent => IsSmall(numerator) || IsSmall(denominator),
        _ => IsSmall(denominator),
    };

    public (List<BenchmarkRow> Las, List<RegionRow> Regions) Compute(IReadOnlyList<LaMeasure> measures, PublishedComparators? published = null)
    {
        var result = ComputeAll(measures, published);
        return (result.Las, result.Regions);
    }

    public ComparatorResult ComputeAll(IReadOnlyList<LaMeasure> measures, PublishedComparators? published = null)
    {
        published ??= PublishedComparators.None;
        var shared = measures.Select(m =>
        {
            var value = m.Metric.ValueOf(m.Numerator, m.Denominator);
            var suppressed = value is not null && ShouldSuppress(m.Metric, m.Numerator, m.Denominator);
            return (Measure: m, Value: suppressed ? null : value, Suppressed: suppressed, Unavailable: value is null);
        }).ToList();

        var regions = RegionTotals(measures);
        var regionValue = regions.ToDictionary(r => (r.RegionCode, r.Year, r.MetricId), r => r.Value);
        var byKey = shared.ToDictionary(s => (s.Measure.LaKey, s.Measure.Year, s.Measure.Metric.Id));

        var regionRanks = Ranks(shared.Where(s => s.Value is not null)
            .GroupBy(s => (s.Measure.RegionCode, s.Measure.Year, s.Measure.Metric))
            .Select(g => (g.Key.Metric, Values: g.Select(s => (s.Measure.LaKey, s.Value!.Value)).ToList(), g.Key.Year)));

        // England: each member's own value, and the DfE's published value for every other LA.
        var englandRanks = Ranks(shared.GroupBy(s => (s.Measure.Year, s.Measure.Metric)).Select(g =>
        {
            var members = g.Where(s => s.Value is not null).Select(s => (s.Measure.LaKey, s.Value!.Value)).ToList();
            var memberKeys = g.Select(s => s.Measure.LaKey).ToHashSet();
            var others = published.LaValuesFor(g.Key.Year, g.Key.Metric.Id).Where(p => !memberKeys.Contains(p.LaKey)).ToList();
            return (g.Key.Metric, Values: others.Count == 0 ? [] : members.Concat(others).ToList(), g.Key.Year);
        }));

        var neighbourValues = new List<NeighbourValue>();
        var las = shared.Select(s =>
        {
            var m = s.Measure;
            var key = (m.LaKey, m.Year, m.Metric.Id);
            var peers = neighbours.GetValueOrDefault(m.LaKey, []).Select(n =>
            {
                if (byKey.TryGetValue((n.LaKey, m.Year, m.Metric.Id), out var member))
                    return new NeighbourValue(m.LaKey, m.Year, m.Metric.Id, n, member.Value, member.Value is null ? null : Recomputed);
                var value = published.LaValue(n.LaKey, m.Year, m.Metric.Id);
                return new NeighbourValue(m.LaKey, m.Year, m.Metric.Id, n, value, value is null ? null : Published);
            }).ToList();
            neighbourValues.AddRange(peers);
            var used = peers.Where(p => p.Value is not null).ToList();
            var sources = used.Select(p => p.Source).Distinct().ToList();

            var regionKey = (m.RegionCode, m.Year, m.Metric.Id);
            var publishedRegion = published.Regions.TryGetValue(regionKey, out var pr);
            var publishedEngland = published.England.TryGetValue((m.Year, m.Metric.Id), out var pe);
            var regionRank = regionRanks.TryGetValue(key, out var r) ? r : (Placing?)null;
            var englandRank = englandRanks.TryGetValue(key, out var e) ? e : (Placing?)null;
            var publishedOwn = published.LaValue(m.LaKey, m.Year, m.Metric.Id);
            return new BenchmarkRow(m.LaKey, m.Year, m.Metric.Id,
                s.Suppressed ? null : m.Numerator, s.Suppressed ? null : m.Denominator, s.Value, s.Suppressed, s.Unavailable,
                publishedRegion ? pr : regionValue.GetValueOrDefault(regionKey),
                used.Count == 0 ? null : used.Average(p => p.Value!.Value),
                publishedEngland ? pe : null,
                regionRank?.Rank, regionRank?.Count, regionRank?.Quartile,
                publishedRegion ? Published : regionValue.GetValueOrDefault(regionKey) is null ? null : Recomputed,
                publishedEngland ? Published : null,
                used.Count == 0 ? null : Median(used.Select(p => p.Value!.Value)),
                used.Count,
                sources.Count switch { 0 => null, 1 => sources[0], _ => Mixed },
                englandRank?.Rank, englandRank?.Count,
                englandRank?.Quartile,
                publishedOwn,
                s.Value is { } own && publishedOwn is { } pub ? Math.Abs(own - pub) > published.ToleranceFor(m.Metric.Id) : null);
        }).ToList();
        return new ComparatorResult(las, regions, neighbourValues);
    }

    private List<RegionRow> RegionTotals(IReadOnlyList<LaMeasure> measures) =>
        measures.GroupBy(m => (m.RegionCode, m.Year, m.Metric)).Select(g =>
        {
            var complete = g.Where(m => m.Numerator is not null && (m.Metric.IsCount || m.Denominator is not null)).ToList();
            double? numerator = complete.Count == 0 ? null : complete.Sum(m => m.Numerator!.Value);
            double? denominator = complete.Count == 0 || g.Key.Metric.IsCount ? null : complete.Sum(m => m.Denominator!.Value);
            var value = g.Key.Metric.ValueOf(numerator, denominator);
            var suppressed = value is not null && ShouldSuppress(g.Key.Metric, numerator, denominator);
            return new RegionRow(g.Key.RegionCode, g.Key.Year, g.Key.Metric.Id, suppressed ? null : numerator, suppressed ? null : denominator,
                suppressed ? null : value, suppressed, complete.Count);
        }).ToList();

    /// <summary>Each LA's rank and band within its set, by LAIT's method (<see cref="Ranking"/>).</summary>
    private static Dictionary<(int LaKey, int Year, string MetricId), Placing> Ranks(
        IEnumerable<(Metric Metric, List<(int LaKey, double Value)> Values, int Year)> groups) =>
        groups.Where(g => g.Values.Count > 0).SelectMany(g =>
        {
            var values = g.Values.Select(v => v.Value).ToList();
            var cutOffs = Ranking.CutOffs(values);
            return g.Values.Select(v => (Key: (v.LaKey, g.Year, g.Metric.Id),
                Placing: new Placing(Ranking.RankOf(v.Value, values, g.Metric.Polarity), values.Count, Ranking.Quartile(v.Value, cutOffs, g.Metric.Polarity))));
        }).ToDictionary(x => x.Key, x => x.Placing);

    /// <summary>An LA's place in a set: its rank and band (none for a metric without polarity) among Count values.</summary>
    private readonly record struct Placing(int? Rank, int Count, int? Quartile);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

public sealed record ComparatorResult(List<BenchmarkRow> Las, List<RegionRow> Regions, List<NeighbourValue> Neighbours);
