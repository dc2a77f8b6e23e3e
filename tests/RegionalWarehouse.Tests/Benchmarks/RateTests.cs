namespace RegionalWarehouse.Tests.Benchmarks;

public class RateTests
{
    [Fact]
    public void Rates_use_the_previous_mid_year_population_of_children_aged_0_to_17()
    {
        using var harness = new PipelineHarness(suppressCountsUpTo: 0);
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        harness.Ingest903(fixture.Folder);
        // 18 single years of age x 2 sexes x 1,000 = 36,000 children in mid-2023; adults and other years must not count.
        var rows = string.Join(", ", Enumerable.Range(0, 19).SelectMany(age => new[] { 1, 2 }.Select(sex => $"(0, 919, 2023, {sex}, {age}, 1000)")));
        harness.Warehouse.Execute($"insert into dw.fact_population values {rows}, (0, 919, 2024, 1, 5, 99999)");

        harness.Marts.Refresh();

        double Value(string metric) => Convert.ToDouble(harness.Warehouse.Rows($"select value from mart.benchmark where la_key = 919 and collection_year = 2024 and metric_id = '{metric}'").Single()[0]);
        Assert.Equal(3 / 36000.0 * 10000, Value("cla_rate_per_10k"), 9);
        Assert.Equal(1 / 36000.0 * 10000, Value("starts_rate_per_10k"), 9);
        Assert.Equal(1 / 36000.0 * 10000, Value("ceased_rate_per_10k"), 9);
    }
}
