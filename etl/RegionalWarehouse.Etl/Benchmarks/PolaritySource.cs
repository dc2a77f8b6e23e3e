using RegionalWarehouse.Warehouse.ReferenceData;

namespace RegionalWarehouse.Etl.Benchmarks;

/// <summary>
/// Whose polarity a metric carries: the DfE's, where the metric measures a LAIT indicator (the reference data's
/// published_metrics.csv names it, and a test holds the catalogue to the DfE dictionary's polarity), or the
/// platform's own where the DfE has no equivalent.
/// </summary>
public static class PolaritySource
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> LaitIndicators = new(Read);

    /// <summary>The LAIT indicator whose polarity the metric takes, or null when the polarity is the platform's.</summary>
    public static string? LaitIndicatorOf(string metricId) => LaitIndicators.Value.GetValueOrDefault(metricId);

    public static string Describe(Metric metric) =>
        LaitIndicatorOf(metric.Id) is { } indicator ? $"DfE (LAIT {indicator})" : "platform";

    private static IReadOnlyDictionary<string, string> Read()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in ReferenceDataSeeder.ReadEmbedded("published_metrics.csv").Rows.Where(r => r["source"] == "LAIT"))
            map.TryAdd(row["metric_id"], row["indicator"]);
        return map;
    }
}
