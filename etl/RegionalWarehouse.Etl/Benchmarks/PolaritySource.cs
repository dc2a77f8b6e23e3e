using System.Globalization;
using CsvHelper;

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
        var assembly = typeof(Warehouse.Migrations.WarehouseMigrator).Assembly;
        using var stream = assembly.GetManifestResourceStream($"{assembly.GetName().Name}.ReferenceData.published_metrics.csv")
            ?? throw new InvalidOperationException("The reference data published_metrics.csv is not embedded.");
        using var csv = new CsvReader(new StreamReader(stream), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (csv.Read())
            if (csv.GetField("source") == "LAIT")
                map.TryAdd(csv.GetField("metric_id")!, csv.GetField("indicator")!);
        return map;
    }
}
