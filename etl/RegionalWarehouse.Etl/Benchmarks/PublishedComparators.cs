namespace RegionalWarehouse.Etl.Benchmarks;

/// <summary>
/// What the DfE published for catalogue metrics (from LAIT or an open-data publication, via
/// dw.published_comparator): England and region values, which take precedence over values recomputed from
/// the members' returns, and each LA's own published value, which stands in for LAs outside the platform in
/// neighbour and national comparisons and sits beside a member's own figure. A published symbol (-, c, x, …)
/// is kept as a null, never recomputed around.
/// </summary>
public sealed class PublishedComparators(
    IReadOnlyDictionary<(int Year, string MetricId), double?> england,
    IReadOnlyDictionary<(string RegionCode, int Year, string MetricId), double?> regions,
    IReadOnlyDictionary<(int LaKey, int Year, string MetricId), double>? laValues = null,
    IReadOnlyDictionary<string, double>? tolerances = null)
{
    public static readonly PublishedComparators None = new(new Dictionary<(int, string), double?>(), new Dictionary<(string, int, string), double?>());

    private readonly IReadOnlyDictionary<(int LaKey, int Year, string MetricId), double> _laValues = laValues ?? new Dictionary<(int, int, string), double>();

    private readonly ILookup<(int Year, string MetricId), (int LaKey, double Value)> _byYear =
        (laValues ?? new Dictionary<(int, int, string), double>()).ToLookup(v => (v.Key.Year, v.Key.MetricId), v => (v.Key.LaKey, v.Value));

    public IReadOnlyDictionary<(int Year, string MetricId), double?> England { get; } = england;

    public IReadOnlyDictionary<(string RegionCode, int Year, string MetricId), double?> Regions { get; } = regions;

    public double? LaValue(int laKey, int year, string metricId) => _laValues.TryGetValue((laKey, year, metricId), out var v) ? v : null;

    public IEnumerable<(int LaKey, double Value)> LaValuesFor(int year, string metricId) => _byYear[(year, metricId)];

    /// <summary>How far an LA's own figure may be from the published one before it is flagged (in the metric's unit).</summary>
    public double ToleranceFor(string metricId) => tolerances?.GetValueOrDefault(metricId, 0) ?? 0;
}
