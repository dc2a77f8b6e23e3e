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
        // LAIT's bands: 10, 20, 30 have quartiles 15, 20, 25, so 30 (lower is better) is above Q75: band D.
        Assert.Equal((3, 3, 4), (las.Single(r => r.LaKey == 2).RankInRegion, las.Single(r => r.LaKey == 2).LaCountRanked, las.Single(r => r.LaKey == 2).Quartile));
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

    private static PublishedComparators PublishedLas(params (int La, double Value)[] values) =>
        new(new Dictionary<(int, string), double?> { [(2024, Percent.Id)] = 11.0 }, new Dictionary<(string, int, string), double?>(),
            values.ToDictionary(v => (v.La, 2024, Percent.Id), v => v.Value), new Dictionary<string, double> { [Percent.Id] = 1.0 });

    [Fact]
    public void Neighbours_outside_the_platform_take_the_published_value_and_the_comparator_says_it_is_mixed()
    {
        // LA 1's neighbours: member 2 (30%), non-members 900 (12%) and 901 (17%); non-member 902 published nothing.
        var neighbours = new Dictionary<int, IReadOnlyList<Neighbour>> { [1] = [new(2, 1, "Very close"), new(900, 2, "Close"), new(901, 3, "Close"), new(902, 4, "Close")] };
        var result = new ComparatorCalculator(5, neighbours).ComputeAll([M(1, Percent, 10, 100), M(2, Percent, 30, 100)], PublishedLas((900, 12), (901, 17)));

        var first = result.Las.Single(r => r.LaKey == 1);
        Assert.Equal((30 + 12 + 17) / 3.0, first.NeighbourAverage!.Value, 9);
        Assert.Equal(17, first.NeighbourMedian);
        Assert.Equal(3, first.NeighbourCount);
        Assert.Equal("mixed", first.NeighbourSource);
        var listed = result.Neighbours.Where(n => n.LaKey == 1).OrderBy(n => n.Neighbour.Rank).Select(n => (n.Neighbour.LaKey, n.Value, n.Source)).ToList();
        Assert.Equal([(2, 30.0, "recomputed"), (900, 12.0, "published"), (901, 17.0, "published"), (902, null, null)], listed);
    }

    [Fact]
    public void The_median_of_an_even_number_of_neighbours_is_the_mean_of_the_middle_two()
    {
        var neighbours = new Dictionary<int, IReadOnlyList<Neighbour>> { [1] = [new(900, 1, null), new(901, 2, null), new(902, 3, null), new(903, 4, null)] };
        var row = new ComparatorCalculator(0, neighbours).ComputeAll([M(1, Percent, 10, 100)], PublishedLas((900, 1), (901, 2), (902, 10), (903, 40))).Las.Single();

        Assert.Equal(6, row.NeighbourMedian);
        Assert.Equal(13.25, row.NeighbourAverage);
        Assert.Equal("published", row.NeighbourSource);
    }

    [Fact]
    public void National_rank_and_quartile_place_members_among_every_las_published_value_by_polarity()
    {
        // Lower is better: 5 < 8 (LA 1) < 12 < 20 < 30 (LA 2). LA 1 is 2nd of 5: a fifth of LAs do better, so quartile 1;
        // LA 2 is 5th (quartile 4). Members' own values count, never their published ones (9, 31).
        var result = new ComparatorCalculator(0, new Dictionary<int, IReadOnlyList<Neighbour>>())
            .ComputeAll([M(1, Percent, 8, 100), M(2, Percent, 30, 100)], PublishedLas((900, 5), (901, 12), (902, 20), (1, 9), (2, 31)));

        Assert.Equal((2, 5, 1), (result.Las.Single(r => r.LaKey == 1).RankInEngland, result.Las.Single(r => r.LaKey == 1).LaCountEngland, result.Las.Single(r => r.LaKey == 1).QuartileEngland));
        Assert.Equal((5, 5, 4), (result.Las.Single(r => r.LaKey == 2).RankInEngland, result.Las.Single(r => r.LaKey == 2).LaCountEngland, result.Las.Single(r => r.LaKey == 2).QuartileEngland));
    }

    [Fact]
    public void Without_published_values_for_other_las_there_is_no_national_rank()
    {
        var row = new ComparatorCalculator(0, new Dictionary<int, IReadOnlyList<Neighbour>>()).ComputeAll([M(1, Percent, 8, 100), M(2, Percent, 30, 100)]).Las.First();

        Assert.Null(row.RankInEngland);
        Assert.Null(row.EnglandValue);
    }

    [Theory]
    [InlineData(10.0, 10.9, false)]
    [InlineData(10.0, 11.5, true)]
    public void An_las_own_figure_further_from_its_published_one_than_the_tolerance_is_flagged(double own, double published, bool differs)
    {
        var row = new ComparatorCalculator(0, new Dictionary<int, IReadOnlyList<Neighbour>>()).ComputeAll([M(1, Percent, own, 100)], PublishedLas((1, published))).Las.Single();

        Assert.Equal(published, row.PublishedValue);
        Assert.Equal(differs, row.PublishedDiffers);
        Assert.Equal(11.0, row.EnglandValue);
        Assert.Equal("published", row.EnglandSource);
    }
}
