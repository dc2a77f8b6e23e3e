using RegionalWarehouse.Etl.Benchmarks;

namespace RegionalWarehouse.Tests.Context;

/// <summary>Contextual and published data through the submission lifecycle, and what they change in the marts.</summary>
public class ContextIngestionTests
{
    private const string Region = SubmissionIdentity.RegionWide;

    private static List<object?[]> Benchmark(PipelineHarness harness, string metric, string columns) =>
        harness.Warehouse.Rows($"select {columns} from mart.benchmark where la_key = 919 and collection_year = 2024 and metric_id = '{metric}'");

    [Fact]
    public void A_region_wide_population_file_gives_every_cla_rate_its_denominator()
    {
        using var harness = new PipelineHarness(suppressCountsUpTo: 0);
        using var cla = ReturnFixture.Copy("valid-919-2024");
        using var population = ReturnFixture.Copy("population", "Context");
        harness.Ingest903(cla.Folder);
        Assert.Null(Benchmark(harness, "cla_rate_per_10k", "value").Single()[0]);

        var report = harness.Ingest("POPULATION", Region, "2024", population.Folder);

        Assert.Equal(SubmissionStates.Loaded, report.Outcome);
        Assert.Equal(6, harness.Count("dw.fact_population"));
        // Hertfordshire mid-2023, ages 0-17: 6,000 + 5,800 + 7,000 + 6,500 = 25,300 (the age-18 row is not a child); 3 looked after at 31 March 2024.
        Assert.Equal(3 / 25300.0 * 10000, Convert.ToDouble(Benchmark(harness, "cla_rate_per_10k", "value").Single()[0]), 9);
    }

    [Fact]
    public void A_later_population_submission_for_the_same_la_and_year_replaces_the_count_rather_than_adding_to_it()
    {
        using var harness = new PipelineHarness();
        using var regionWide = ReturnFixture.Copy("population", "Context");
        using var correction = ReturnFixture.Copy("population", "Context");
        correction.Write("population.csv", "ons_code,year,sex,age,population\nE10000015,2023,1,0,10000\n");

        harness.Ingest("POPULATION", Region, "2024", regionWide.Folder);
        harness.Ingest("POPULATION", "919", "2024", correction.Folder);

        Assert.Equal("10000", harness.Warehouse.Rows("select children from dw.population_0_17 where la_key = 919 and mid_year = 2023").Single()[0]!.ToString());
        Assert.Equal("8000", harness.Warehouse.Rows("select children from dw.population_0_17 where la_key = 881 and mid_year = 2023").Single()[0]!.ToString());
    }

    [Fact]
    public void Published_england_and_region_values_take_precedence_and_symbols_stay_flags()
    {
        using var harness = new PipelineHarness(suppressCountsUpTo: 0);
        using var cla = ReturnFixture.Copy("valid-919-2024");
        using var published = ReturnFixture.Copy("published", "Context");
        harness.Ingest903(cla.Folder);
        Assert.Equal("3|3|recomputed|", string.Join("|", Benchmark(harness, "cla_31_march", "value, region_value, region_source, england_value").Single()));

        var report = harness.Ingest("PUBLISHED", Region, "cla-2024", published.Folder);

        Assert.Equal(SubmissionStates.Loaded, report.Outcome);
        Assert.Equal("3|6510|published|83630|published",
            string.Join("|", Benchmark(harness, "cla_31_march", "value, region_value, region_source, england_value, england_source").Single()));
        // The region's UASC count was published as c: a suppressed comparator is empty, not 0 and not recomputed.
        Assert.Equal("|published|7380", string.Join("|", Benchmark(harness, "uasc_31_march", "region_value, region_source, england_value").Single()));
        Assert.Equal("|c", string.Join("|", harness.Warehouse.Rows(
            "select value, symbol from dw.fact_published_statistic where geographic_level = 'Regional' and indicator = 'uasc_number_31_march'").Single()));
        Assert.Equal(0, harness.Count("dw.fact_published_statistic", "symbol is not null and value is not null"));
        Assert.Equal(1, harness.Count("dw.published_value", "geographic_level = 'National' and collection_year = 2023 and indicator = 'cla_rate_per_10000'"));
    }

    [Fact]
    public void Indicators_load_with_symbols_kept_and_the_latest_submission_wins()
    {
        using var harness = new PipelineHarness();
        using var first = ReturnFixture.Copy("indicators", "Context");
        using var revised = ReturnFixture.Copy("indicators", "Context");
        revised.Write("indicators.csv", "la_code,period,indicator_code,value,unit,source\nE10000015,2024,child_poverty_pct,13.0,percent,DWP revised\n");

        harness.Ingest("INDICATORS", "919", "2024", first.Folder);
        harness.Ingest("INDICATORS", Region, "2025", revised.Folder);

        Assert.Equal("13|", string.Join("|", harness.Warehouse.Rows("select value, symbol from dw.indicator_value where indicator_code = 'child_poverty_pct' and period = 2024").Single()));
        Assert.Equal("|c", string.Join("|", harness.Warehouse.Rows("select value, symbol from dw.indicator_value where indicator_code = 'fsm_eligible_pct'").Single()));
    }

    [Fact]
    public void Deprivation_summaries_become_indicators_and_correlate_with_a_metric_across_las()
    {
        using var harness = new PipelineHarness(suppressCountsUpTo: 0);
        using var imd = ReturnFixture.Copy("imd", "Context");
        Assert.Equal(SubmissionStates.Loaded, harness.Ingest("IMD", Region, "2019", imd.Folder).Outcome);
        Assert.Equal(2 * 5, harness.Count("dw.fact_indicator", "period = 2019"));
        Assert.Equal(1.0, Convert.ToDouble(harness.Warehouse.Rows("select value from dw.indicator_value where la_key = 919 and indicator_code = 'imd_pct_lsoas_most_deprived_10'").Single()[0]), 9);

        // Three LAs' metric values beside their IMD scores: 919 (11.2), 881 (17.5) and 926 (added below, 25.0).
        harness.Warehouse.Execute("insert into dw.fact_indicator values (0, 926, 2019, 'imd_average_score', 25.0, null, 'test')");
        harness.Warehouse.Execute("""
            insert into mart.benchmark (la_key, collection_year, metric_id, value, suppressed, unavailable, refreshed_at) values
            (919, 2024, 'cla_rate_per_10k', 40, false, false, now()), (881, 2024, 'cla_rate_per_10k', 60, false, false, now()),
            (926, 2024, 'cla_rate_per_10k', 75, false, false, now()), (935, 2024, 'cla_rate_per_10k', null, true, false, now())
            """);

        var result = CorrelationResult.Query(harness.Warehouse.Engine, "cla_rate_per_10k", "imd_average_score", 2024);

        Assert.Equal(3, result.N); // Suffolk's suppressed value is left out
        Assert.Equal(CorrelationResult.Pearson([40, 60, 75], [11.2, 17.5, 25.0]), result.R);
        Assert.True(result.R > 0.99);
        Assert.All(result.Pairs, p => Assert.Equal(2019, p.IndicatorPeriod));
    }

    [Fact]
    public void Pearson_is_one_for_a_straight_line_minus_one_reversed_and_unavailable_without_variation()
    {
        Assert.Equal(1.0, CorrelationResult.Pearson([1, 2, 3, 4], [10, 20, 30, 40])!.Value, 12);
        Assert.Equal(-1.0, CorrelationResult.Pearson([1, 2, 3, 4], [8, 6, 4, 2])!.Value, 12);
        Assert.Null(CorrelationResult.Pearson([1, 2, 3], [5, 5, 5]));
        Assert.Null(CorrelationResult.Pearson([1, 2], [3, 4]));
    }
}
