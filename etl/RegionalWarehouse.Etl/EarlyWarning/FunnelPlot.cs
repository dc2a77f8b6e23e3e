using RegionalWarehouse.Etl.Benchmarks;

namespace RegionalWarehouse.Etl.EarlyWarning;

/// <summary>One point on the funnel's limit lines: at this denominator, the 95% and 99.8% limits in the metric's unit.</summary>
public sealed record FunnelLine(double Denominator, double Lower95, double Upper95, double Lower998, double Upper998);

/// <summary>
/// A funnel plot of one metric in one year against one comparator with a single target (England or the region):
/// every member's figure at its denominator (children looked after, or children in the population for rates) and
/// the limit lines across the range of denominators, as public health profiles draw them.
/// </summary>
public sealed record FunnelPlot(Metric Metric, int Year, string Comparator, double Target, IReadOnlyList<EarlyWarningFlag> Points, IReadOnlyList<FunnelLine> Lines)
{
    /// <summary>The comparators whose target is the same for every LA, so one funnel holds them all.</summary>
    public static readonly IReadOnlyList<string> SharedTargets = [Comparators.England, Comparators.Region];

    public static FunnelPlot? For(Metric metric, int year, string comparator, IReadOnlyList<EarlyWarningFlag> flags)
    {
        var points = flags.Where(f => f.MetricId == metric.Id && f.Year == year && f.Comparator == comparator).OrderBy(f => f.Denominator).ToList();
        if (points.Count == 0 || !SharedTargets.Contains(comparator))
            return null;
        var target = points[0].Target;
        return new FunnelPlot(metric, year, comparator, target, points, LimitLines(metric, target, points.Min(p => p.Denominator), points.Max(p => p.Denominator)));
    }

    /// <summary>Limit lines at 60 denominators spread evenly on a log scale from half the smallest to 1.5 times the largest.</summary>
    public static IReadOnlyList<FunnelLine> LimitLines(Metric metric, double target, double smallest, double largest)
    {
        var scale = EarlyWarningCalculator.Scale(metric);
        var (from, to) = (Math.Max(1, smallest / 2), Math.Max(2, largest * 1.5));
        const int steps = 60;
        var lines = new List<FunnelLine>(steps);
        for (var i = 0; i < steps; i++)
        {
            var n = from * Math.Pow(to / from, i / (double)(steps - 1));
            var figure = new MeasuredFigure("", 0, metric.Id, target / scale * n, n, target, false, null, null, null);
            var limits = EarlyWarningCalculator.Flag(metric, figure, "", target / scale);
            lines.Add(new FunnelLine(n, limits.Lower95, limits.Upper95, limits.Lower998, limits.Upper998));
        }
        return lines;
    }
}
