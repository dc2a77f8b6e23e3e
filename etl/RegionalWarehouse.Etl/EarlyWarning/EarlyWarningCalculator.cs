using RegionalWarehouse.Etl.Benchmarks;

namespace RegionalWarehouse.Etl.EarlyWarning;

/// <summary>What an LA's figure is tested against.</summary>
public static class Comparators
{
    public const string England = "England";
    public const string Region = "East of England";
    public const string Neighbours = "Statistical neighbours";
    public const string OwnPreviousYears = "Own previous 3 years";

    public static readonly IReadOnlyList<string> All = [England, Region, Neighbours, OwnPreviousYears];
}

/// <summary>One LA's figure for a metric and year as the mart holds it (after suppression).</summary>
public sealed record MeasuredFigure(string La, int Year, string MetricId, double? Numerator, double? Denominator, double? Value, bool Suppressed,
    double? England, double? Region, double? Neighbours);

/// <summary>
/// Where one figure falls in the funnel of one comparator: its value, the target, the limits at its denominator
/// (in the metric's unit: a percentage, or a rate per 10,000) and the verdict.
/// </summary>
public sealed record EarlyWarningFlag(string La, int Year, string MetricId, string Comparator, double Value, double Target, double Denominator,
    double Lower95, double Upper95, double Lower998, double Upper998, string Significance, string Reading)
{
    public bool IsSignificant => Significance != EarlyWarningCalculator.NotSignificant;
}

/// <summary>
/// For each LA, metric and year: is the figure significantly different from England, from its statistical
/// neighbours, and from its own previous three years (pooled)? Percentages are proportions and rates are
/// Poisson counts over the population, each by <see cref="FunnelLimits"/>; counts, means and days have no funnel and
/// are not tested. A suppressed figure is never tested, so no flag can reveal a small number.
/// </summary>
public static class EarlyWarningCalculator
{
    public const string NotSignificant = "Not significant";

    public static bool IsTested(Metric metric) => metric.Unit is MetricUnit.Percent or MetricUnit.RatePer10k;

    /// <summary>How many years the own-trend comparator pools.</summary>
    public const int YearsPooled = 3;

    public static IReadOnlyList<EarlyWarningFlag> Flags(IEnumerable<MeasuredFigure> figures)
    {
        var metrics = MetricCatalogue.All.Where(IsTested).ToDictionary(m => m.Id);
        var usable = figures.Where(f => metrics.ContainsKey(f.MetricId) && !f.Suppressed && f.Numerator is not null && f.Denominator is > 0 && f.Value is not null)
            .ToList();
        var byKey = usable.ToDictionary(f => (f.La, f.MetricId, f.Year));
        var flags = new List<EarlyWarningFlag>();
        foreach (var figure in usable.OrderBy(f => f.La, StringComparer.Ordinal).ThenBy(f => f.MetricId, StringComparer.Ordinal).ThenBy(f => f.Year))
        {
            var metric = metrics[figure.MetricId];
            var scale = Scale(metric);
            if (figure.England is { } england)
                flags.Add(Flag(metric, figure, Comparators.England, england / scale));
            if (figure.Region is { } region)
                flags.Add(Flag(metric, figure, Comparators.Region, region / scale));
            if (figure.Neighbours is { } neighbours)
                flags.Add(Flag(metric, figure, Comparators.Neighbours, neighbours / scale));
            var earlier = Enumerable.Range(1, YearsPooled).Select(back => byKey.GetValueOrDefault((figure.La, figure.MetricId, figure.Year - back))).ToList();
            if (earlier.All(e => e is not null))
            {
                var denominator = earlier.Sum(e => e!.Denominator!.Value);
                if (denominator > 0)
                    flags.Add(Flag(metric, figure, Comparators.OwnPreviousYears, earlier.Sum(e => e!.Numerator!.Value) / denominator));
            }
        }
        return flags;
    }

    /// <summary>One figure against one target (a proportion 0–1, or a rate per child).</summary>
    public static EarlyWarningFlag Flag(Metric metric, MeasuredFigure figure, string comparator, double target)
    {
        var scale = Scale(metric);
        var n = figure.Denominator!.Value;
        var numerator = figure.Numerator!.Value;
        var observed = numerator / n;
        double Limit(double p, bool upper) => metric.Unit == MetricUnit.Percent
            ? FunnelLimits.Proportion(target, n, p, upper)
            : FunnelLimits.Count(target * n, FunnelLimits.TwoSided(p), upper) / n;
        var (lower95, upper95, lower998, upper998) = (Limit(FunnelLimits.Inner, false), Limit(FunnelLimits.Inner, true), Limit(FunnelLimits.Outer, false), Limit(FunnelLimits.Outer, true));
        var significance = observed > upper998 ? "High (99.8%)"
            : observed > upper95 ? "High (95%)"
            : observed < lower998 ? "Low (99.8%)"
            : observed < lower95 ? "Low (95%)"
            : NotSignificant;
        return new EarlyWarningFlag(figure.La, figure.Year, figure.MetricId, comparator, observed * scale, target * scale, n,
            lower95 * scale, upper95 * scale, lower998 * scale, upper998 * scale, significance, Reading(metric.Polarity, significance));
    }

    /// <summary>The verdict in the metric's own terms: better or worse where the DfE gives a polarity, higher or lower where not.</summary>
    public static string Reading(Polarity polarity, string significance)
    {
        if (significance == NotSignificant)
            return "similar";
        var high = significance.StartsWith("High", StringComparison.Ordinal);
        return polarity switch
        {
            Polarity.HigherIsBetter => high ? "better" : "worse",
            Polarity.LowerIsBetter => high ? "worse" : "better",
            _ => high ? "higher" : "lower",
        };
    }

    /// <summary>From a proportion or a rate per child to the metric's unit.</summary>
    public static double Scale(Metric metric) => metric.Unit == MetricUnit.Percent ? 100 : 10_000;
}
