namespace RegionalWarehouse.Etl.Benchmarks;

/// <summary>One LA's raw numerator and denominator for a metric and year, before any suppression.</summary>
public sealed record LaMeasure(int LaKey, string RegionCode, int Year, Metric Metric, double? Numerator, double? Denominator);

public sealed record BenchmarkRow(
    int LaKey, int Year, string MetricId, double? Numerator, double? Denominator, double? Value, bool Suppressed, bool Unavailable,
    double? RegionValue, double? NeighbourAverage, double? EnglandValue, int? RankInRegion, int? LaCountRanked, int? Quartile,
    string? RegionSource = null, string? EnglandSource = null);

/// <summary>
/// England and region values the DfE published for catalogue metrics. They take precedence over values
/// recomputed from the LAs' returns; a published symbol (c, x, …) is kept as a null, never recomputed around.
/// </summary>
public sealed record PublishedComparators(
    IReadOnlyDictionary<(int Year, string MetricId), double?> England,
    IReadOnlyDictionary<(string RegionCode, int Year, string MetricId), double?> Regions)
{
    public static readonly PublishedComparators None = new(new Dictionary<(int, string), double?>(), new Dictionary<(string, int, string), double?>());
}

public sealed record RegionRow(string RegionCode, int Year, string MetricId, double? Numerator, double? Denominator, double? Value, bool Suppressed, int LaCount);

/// <summary>
/// Turns raw LA measures into shareable benchmarks: small-number suppression, region totals,
/// statistical-neighbour averages, rank within region (1 = best, by polarity) and quartile (1 = best).
/// Suppressed values are flags with no numbers, never zeros, and are never ranked or averaged.
/// </summary>
public sealed class ComparatorCalculator(int suppressCountsUpTo, IReadOnlyDictionary<int, IReadOnlyList<int>> neighbours)
{
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
        published ??= PublishedComparators.None;
        var shared = measures.Select(m =>
        {
            var value = m.Metric.ValueOf(m.Numerator, m.Denominator);
            var suppressed = value is not null && ShouldSuppress(m.Metric, m.Numerator, m.Denominator);
            return (Measure: m, Value: suppressed ? null : value, Suppressed: suppressed, Unavailable: value is null);
        }).ToList();

        var regions = measures.GroupBy(m => (m.RegionCode, m.Year, m.Metric)).Select(g =>
        {
            var complete = g.Where(m => m.Numerator is not null && (m.Metric.IsCount || m.Denominator is not null)).ToList();
            double? numerator = complete.Count == 0 ? null : complete.Sum(m => m.Numerator!.Value);
            double? denominator = complete.Count == 0 || g.Key.Metric.IsCount ? null : complete.Sum(m => m.Denominator!.Value);
            var value = g.Key.Metric.ValueOf(numerator, denominator);
            var suppressed = value is not null && ShouldSuppress(g.Key.Metric, numerator, denominator);
            return new RegionRow(g.Key.RegionCode, g.Key.Year, g.Key.Metric.Id, suppressed ? null : numerator, suppressed ? null : denominator,
                suppressed ? null : value, suppressed, complete.Count);
        }).ToList();
        var regionValue = regions.ToDictionary(r => (r.RegionCode, r.Year, r.MetricId), r => r.Value);

        var byKey = shared.ToDictionary(s => (s.Measure.LaKey, s.Measure.Year, s.Measure.Metric.Id));
        var ranks = shared.Where(s => s.Value is not null)
            .GroupBy(s => (s.Measure.RegionCode, s.Measure.Year, s.Measure.Metric.Id))
            .SelectMany(g =>
            {
                var polarity = g.First().Measure.Metric.Polarity;
                var ordered = (polarity == Polarity.LowerIsBetter ? g.OrderBy(s => s.Value) : g.OrderByDescending(s => s.Value)).ToList();
                return ordered.Select(s => (Key: (s.Measure.LaKey, s.Measure.Year, s.Measure.Metric.Id),
                    Rank: 1 + ordered.Count(o => polarity == Polarity.LowerIsBetter ? o.Value < s.Value : o.Value > s.Value), Count: ordered.Count));
            })
            .ToDictionary(r => r.Key, r => (r.Rank, r.Count));

        var las = shared.Select(s =>
        {
            var m = s.Measure;
            var peerValues = neighbours.GetValueOrDefault(m.LaKey, [])
                .Select(n => byKey.TryGetValue((n, m.Year, m.Metric.Id), out var peer) ? peer.Value : null)
                .Where(v => v is not null).Select(v => v!.Value).ToList();
            var regionKey = (m.RegionCode, m.Year, m.Metric.Id);
            var publishedRegion = published.Regions.TryGetValue(regionKey, out var pr);
            var publishedEngland = published.England.TryGetValue((m.Year, m.Metric.Id), out var pe);
            var rank = ranks.TryGetValue((m.LaKey, m.Year, m.Metric.Id), out var r) ? r : ((int Rank, int Count)?)null;
            return new BenchmarkRow(m.LaKey, m.Year, m.Metric.Id,
                s.Suppressed ? null : m.Numerator, s.Suppressed ? null : m.Denominator, s.Value, s.Suppressed, s.Unavailable,
                publishedRegion ? pr : regionValue.GetValueOrDefault(regionKey),
                peerValues.Count == 0 ? null : peerValues.Average(),
                publishedEngland ? pe : null,
                rank?.Rank, rank?.Count, rank is { } q ? (q.Rank - 1) * 4 / q.Count + 1 : null,
                publishedRegion ? "published" : regionValue.GetValueOrDefault(regionKey) is null ? null : "recomputed",
                publishedEngland ? "published" : null);
        }).ToList();
        return (las, regions);
    }
}
