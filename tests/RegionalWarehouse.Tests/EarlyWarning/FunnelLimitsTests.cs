using RegionalWarehouse.Etl.Benchmarks;
using RegionalWarehouse.Etl.EarlyWarning;

namespace RegionalWarehouse.Tests.EarlyWarning;

/// <summary>The funnel limits are PHE Fingertips' (Wilson for proportions, exact Poisson below 10 events, Byar from 10).</summary>
public class FunnelLimitsTests
{
    [Theory]
    // Exact (Garwood) 95% interval of 5 events, and Byar's of 100: textbook values.
    [InlineData(5, 1.6235, 11.6683)]
    [InlineData(100, 81.36, 121.63)]
    [InlineData(0, 0, 3.6889)]
    public void The_confidence_interval_of_a_count_is_the_published_one(double events, double lower, double upper)
    {
        Assert.Equal(lower, FunnelLimits.CountBound(events, 0.95, upper: false), 2);
        Assert.Equal(upper, FunnelLimits.CountBound(events, 0.95, upper: true), 2);
    }

    [Theory]
    [InlineData(0.10, 50)]
    [InlineData(0.10, 1000)]
    [InlineData(0.55, 230)]
    [InlineData(0.02, 4000)]
    public void A_proportion_on_the_limit_has_the_target_at_the_edge_of_its_wilson_interval(double target, double n)
    {
        foreach (var p in new[] { FunnelLimits.Inner, FunnelLimits.Outer })
        {
            var z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, p);
            var high = FunnelLimits.Proportion(target, n, p, upper: true);
            var low = FunnelLimits.Proportion(target, n, p, upper: false);
            Assert.Equal(target, Wilson(high, n, z).Lower, 9);
            if (low > 0)
                Assert.Equal(target, Wilson(low, n, z).Upper, 9);
            Assert.True(low < target && target < high);
        }
    }

    [Theory]
    [InlineData(3.5)]
    [InlineData(40)]
    [InlineData(900)]
    public void A_count_on_the_limit_has_the_expected_count_at_the_edge_of_its_interval(double expected)
    {
        var high = FunnelLimits.Count(expected, 0.998, upper: true);
        var low = FunnelLimits.Count(expected, 0.998, upper: false);
        Assert.Equal(expected, FunnelLimits.CountBound(high, 0.998, upper: false), 6);
        // So few expected that even none observed is not significantly low: the low limit is zero.
        if (FunnelLimits.CountBound(0, 0.998, upper: true) >= expected)
            Assert.Equal(0, low, 6);
        else
            Assert.Equal(expected, FunnelLimits.CountBound(low, 0.998, upper: true), 6);
    }

    [Fact]
    public void The_funnel_narrows_as_the_denominator_grows()
    {
        var metric = MetricCatalogue.Find("stability_short_term_pct");
        var lines = FunnelPlot.LimitLines(metric, 10.0, 100, 2_000);
        Assert.Equal(60, lines.Count);
        Assert.All(lines.Zip(lines.Skip(1)), pair =>
        {
            Assert.True(pair.Second.Upper998 - pair.Second.Lower998 < pair.First.Upper998 - pair.First.Lower998);
            Assert.True(pair.First.Lower998 <= pair.First.Lower95 && pair.First.Upper95 <= pair.First.Upper998);
        });
    }

    [Fact]
    public void A_suppressed_figure_and_a_count_are_never_tested()
    {
        var flags = EarlyWarningCalculator.Flags(
        [
            new MeasuredFigure("919", 2025, "stability_short_term_pct", 3, 900, 0.3, Suppressed: true, England: 10, Region: 11, Neighbours: 9),
            new MeasuredFigure("919", 2025, "cla_31_march", 900, null, 900, Suppressed: false, England: 1000, Region: 950, Neighbours: 980),
        ]);

        Assert.Empty(flags);
    }

    [Fact]
    public void A_flag_reads_better_or_worse_by_the_dfes_polarity()
    {
        var stability = MetricCatalogue.Find("stability_short_term_pct"); // lower is better
        var high = EarlyWarningCalculator.Flag(stability, new MeasuredFigure("919", 2025, stability.Id, 200, 900, 22.2, false, 10, null, null), Comparators.England, 0.10);

        Assert.Equal("High (99.8%)", high.Significance);
        Assert.Equal("worse", high.Reading);
    }

    /// <summary>The textbook Wilson score interval of an observed proportion: the independent computation.</summary>
    private static (double Lower, double Upper) Wilson(double p, double n, double z)
    {
        var centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        var half = z / (1 + z * z / n) * Math.Sqrt(p * (1 - p) / n + z * z / (4 * n * n));
        return (centre - half, centre + half);
    }
}
