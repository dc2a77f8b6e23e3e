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
        text.AppendLine("the statistical-neighbour mean (as the DfE's LAIT shows it) and median, and the rank and band within the region and");
        text.AppendLine("across England by the DfE's LAIT method (rank 1 = best, ties share a rank; band A = best to D against R's quartiles,");
        text.AppendLine("cut-offs inclusive). A metric that measures a LAIT indicator takes the DfE's polarity (\"polarity from\" names it);");
        text.AppendLine("a Neutral metric is neither ranked nor banded. Counts of 1 to 5, and percentages or means built on them, are suppressed (shown `c`);");
        text.AppendLine("a value that cannot be computed (no population loaded, nobody in the cohort) is unavailable (shown `x`).");
        foreach (var theme in MetricCatalogue.All.GroupBy(m => m.Theme))
        {
            text.AppendLine();
            text.AppendLine($"## {theme.Key}");
            text.AppendLine();
            text.AppendLine("| id | metric | unit | polarity | polarity from | numerator | denominator | source | definition |");
            text.AppendLine("|---|---|---|---|---|---|---|---|---|");
            foreach (var m in theme)
                text.AppendLine($"| `{m.Id}` | {m.Name} | {m.Unit} | {m.Polarity} | {PolaritySource.Describe(m)} | {m.NumeratorDescription} | {m.DenominatorDescription ?? "–"} | `{m.Source}` | {m.Description} |");
        }
        return text.ToString();
    }
}
