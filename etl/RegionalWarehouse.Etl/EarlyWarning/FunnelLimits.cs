using MathNet.Numerics.Distributions;

namespace RegionalWarehouse.Etl.EarlyWarning;

/// <summary>
/// Funnel-plot control limits as public health profiles draw them (PHE Fingertips' technical guidance, implemented
/// in the PHEindicatormethods R package): 95% and 99.8% two-sided limits around a target. Proportions use the
/// Wilson score method (the proportion at which a population of n is significantly different from the target);
/// rates (a count over a population) use Poisson limits, exact by the chi-squared distribution for fewer than 10
/// events and Byar's approximation from 10.
/// </summary>
public static class FunnelLimits
{
    /// <summary>The one-sided probability of the 95% limits (two-sided 0.025 each side).</summary>
    public const double Inner = 0.975;

    /// <summary>The one-sided probability of the 99.8% limits (0.001 each side): "three sigma".</summary>
    public const double Outer = 0.999;

    /// <summary>
    /// The proportion (0–1) at which a population of <paramref name="n"/> is significantly low (or high) against
    /// <paramref name="target"/> at one-sided probability <paramref name="p"/>: the point where the observed
    /// proportion's Wilson score interval has the target at its edge (PHE's sigma_adjustment).
    /// </summary>
    public static double Proportion(double target, double n, double p, bool upper)
    {
        var z2 = Math.Pow(Normal.InvCDF(0, 1, p), 2);
        var first = target * (n / z2 + 1);
        var root = Math.Sqrt(Math.Max(0, Math.Pow(-8 * target * (n / z2 + 1), 2)
                                         - 64 * (1 / z2 + 1 / n) * target * (n * (target * (n / z2 + 2) - 1) + z2 * (target - 1))));
        var last = 1 / z2 + 1 / n;
        var limit = ((upper ? first + root / 8 : first - root / 8) / last) / n;
        return Math.Clamp(limit, 0, 1);
    }

    /// <summary>
    /// The bound of the confidence interval of an observed count of events (two-sided probability
    /// <paramref name="confidence"/>, e.g. 0.95): PHE's funnel_ratio_significance before it divides by the
    /// expected count. Below 10 events, exact (chi-squared); from 10, Byar's approximation.
    /// </summary>
    public static double CountBound(double events, double confidence, bool upper)
    {
        if (!upper && events == 0)
            return 0;
        var tail = 0.5 + confidence / 2;
        if (events < 10)
            return upper
                ? ChiSquared.InvCDF(2 * events + 2, tail) / 2
                : ChiSquared.InvCDF(2 * events, 1 - tail) / 2;
        var z = Normal.InvCDF(0, 1, tail);
        var o = upper ? events + 1 : events;
        return o * Math.Pow(1 - 1 / (9 * o) + (upper ? z : -z) / 3 / Math.Sqrt(o), 3);
    }

    /// <summary>
    /// The count of events at which a population with <paramref name="expected"/> events at the target rate is
    /// significantly low (or high): the count whose confidence interval has the expected count at its edge, so a
    /// point outside these limits is exactly one whose interval excludes the target (found by bisection).
    /// </summary>
    public static double Count(double expected, double confidence, bool upper)
    {
        if (expected <= 0)
            return 0;
        // Significantly high: the smallest count whose lower bound reaches the expected; low: the largest count whose upper bound does.
        double lo = 0, hi = expected + 20 * Math.Sqrt(expected) + 30;
        for (var i = 0; i < 80; i++)
        {
            var mid = (lo + hi) / 2;
            var bound = CountBound(mid, confidence, upper: !upper);
            if (upper ? bound < expected : bound <= expected)
                lo = mid;
            else
                hi = mid;
        }
        return (lo + hi) / 2;
    }

    /// <summary>The one-sided probability of a limit as the two-sided confidence the rate bounds take (0.975 → 0.95).</summary>
    public static double TwoSided(double oneSided) => 1 - 2 * (1 - oneSided);
}
