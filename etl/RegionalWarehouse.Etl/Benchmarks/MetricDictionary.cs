using System.Text;

namespace RegionalWarehouse.Etl.Benchmarks;

/// <summary>The data dictionary of metrics (docs/metrics.md), generated from the catalogue.</summary>
public static class MetricDictionary
{
    public static string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine("# Benchmark metrics");
        text.AppendLine();
        text.AppendLine("Generated from `etl/RegionalWarehouse.Etl/Benchmarks/MetricCatalogue.cs` by `rw metrics --markdown`; do not edit by hand.");
        text.AppendLine("Each metric is computed per LA and collection year into `mart.benchmark`, with the East of England value,");
        text.AppendLine("the statistical-neighbour average, the rank within the region (1 = best; neutral metrics rank the highest first)");
        text.AppendLine("and the quartile (1 = best). Counts of 1 to 5, and percentages or means built on them, are suppressed (shown `c`);");
        text.AppendLine("a value that cannot be computed (no population loaded, nobody in the cohort) is unavailable (shown `x`).");
        foreach (var theme in MetricCatalogue.All.GroupBy(m => m.Theme))
        {
            text.AppendLine();
            text.AppendLine($"## {theme.Key}");
            text.AppendLine();
            text.AppendLine("| id | metric | unit | polarity | numerator | denominator | source | definition |");
            text.AppendLine("|---|---|---|---|---|---|---|---|");
            foreach (var m in theme)
                text.AppendLine($"| `{m.Id}` | {m.Name} | {m.Unit} | {m.Polarity} | {m.NumeratorDescription} | {m.DenominatorDescription ?? "–"} | `{m.Source}` | {m.Description} |");
        }
        return text.ToString();
    }
}
