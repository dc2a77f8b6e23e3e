using RegionalWarehouse.Etl.Benchmarks;

namespace RegionalWarehouse.Tests.Benchmarks;

public class ComparatorTests
{
    private static readonly Metric Percent = MetricCatalogue.Find("stability_short_term_pct"); // lower is better
    private static readonly Metric Count = MetricCatalogue.Find("cla_31_march");

    private static LaMeasure M(int la, Metric metric, double? numerator, double? denominator) => new(la, "E12000006", 2024, metric, numerator, denominator);

    [Fact]
    public void Region_neighbours_rank_and_quartile_are_computed_from_unsuppressed_values()
    {
        var neighbours = new Dictionary<int, IReadOnlyList<int>> { [1] = [2, 3, 4] };
        var calculator = new ComparatorCalculator(5, neighbours);

        var (las, regions) = calculator.Compute([M(1, Percent, 10, 100), M(2, Percent, 30, 100), M(3, Percent, 20, 100), M(4, Percent, 3, 100)]);

        var first = las.Single(r => r.LaKey == 1);
        Assert.Equal(10, first.Value);
        Assert.Equal(63.0 / 400 * 100, first.RegionValue);   // region totals include every LA, then suppress only if small
        Assert.Equal(25, first.NeighbourAverage);             // (30 + 20) / 2: LA 4 is suppressed, so not averaged
        Assert.Equal((1, 3, 1), (first.RankInRegion, first.LaCountRanked, first.Quartile)); // lowest is best
        var suppressed = las.Single(r => r.LaKey == 4);
        Assert.True(suppressed.Suppressed);
        Assert.Null(suppressed.Value);
        Assert.Null(suppressed.Numerator);
        Assert.Null(suppressed.RankInRegion);
        Assert.Equal((3, 3, 3), (las.Single(r => r.LaKey == 2).RankInRegion, las.Single(r => r.LaKey == 2).LaCountRanked, las.Single(r => r.LaKey == 2).Quartile));
        Assert.Equal(4, regions.Single().LaCount);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void Counts_from_one_to_five_are_suppressed_and_zero_is_not(double count, bool suppressed)
    {
        var (las, _) = new ComparatorCalculator(5, new Dictionary<int, IReadOnlyList<int>>()).Compute([M(1, Count, count, null)]);

        Assert.Equal(suppressed, las.Single().Suppressed);
        Assert.Equal(suppressed ? null : count, las.Single().Value);
    }

    [Fact]
    public void A_percentage_with_a_small_denominator_is_suppressed()
    {
        var (las, _) = new ComparatorCalculator(5, new Dictionary<int, IReadOnlyList<int>>()).Compute([M(1, Percent, 0, 4)]);

        Assert.True(las.Single().Suppressed);
    }

    [Fact]
    public void Higher_is_better_metrics_rank_the_highest_first_and_ties_share_a_rank()
    {
        var metric = MetricCatalogue.Find("oc3_eet_pct");
        var (las, _) = new ComparatorCalculator(0, new Dictionary<int, IReadOnlyList<int>>())
            .Compute([M(1, metric, 50, 100), M(2, metric, 70, 100), M(3, metric, 70, 100), M(4, metric, 10, 100)]);

        Assert.Equal([3, 1, 1, 4], las.OrderBy(r => r.LaKey).Select(r => r.RankInRegion!.Value).ToArray());
    }

    [Fact]
    public void A_value_without_a_denominator_is_unavailable_not_zero()
    {
        var rate = MetricCatalogue.Find("cla_rate_per_10k");
        var (las, _) = new ComparatorCalculator(5, new Dictionary<int, IReadOnlyList<int>>()).Compute([M(1, rate, 300, null)]);

        Assert.True(las.Single().Unavailable);
        Assert.False(las.Single().Suppressed);
        Assert.Null(las.Single().Value);
    }
}
