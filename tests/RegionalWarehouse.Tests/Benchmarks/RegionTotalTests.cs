using RegionalWarehouse.Etl.Benchmarks;
using RegionalWarehouse.Synthetic.Ssda903;

namespace RegionalWarehouse.Tests.Benchmarks;

public class RegionTotalTests
{
    [Fact]
    public void For_every_metric_and_year_region_totals_equal_the_sum_of_the_las()
    {
        using var harness = new PipelineHarness(suppressCountsUpTo: 0);
        var root = Path.Combine(harness.Warehouse.Folder, "landing");
        foreach (var generated in Ssda903Generator.Generate(new GeneratorRequest(["821", "822", "881", "919"], 2023, 2024, Seed: 9, Scale: 0.15)))
            harness.Ingest903(Ssda903Generator.Write(generated, root), generated.LaCode, generated.Year.ToString());

        var mismatches = harness.Warehouse.Rows("""
            select r.metric_id, r.collection_year, r.numerator, sum(b.numerator), r.denominator, sum(b.denominator), r.la_count, count(*)
            from mart.region_benchmark r
            join mart.benchmark b on b.collection_year = r.collection_year and b.metric_id = r.metric_id
            join mart.metric m on m.metric_id = r.metric_id
            where b.numerator is not null and m.unit <> 'RatePer10k'
            group by r.metric_id, r.collection_year, r.numerator, r.denominator, r.la_count
            having abs(r.numerator - sum(b.numerator)) > 1e-9 or abs(coalesce(r.denominator, 0) - coalesce(sum(b.denominator), 0)) > 1e-9 or r.la_count <> count(*)
            """);

        // The adoption scorecard's measures are three-year averages: two loaded years give them no figure.
        var threeYearAverages = MetricCatalogue.Cla.Count(m => m.Source == "dw.cla_adoption_year");
        Assert.Equal((MetricCatalogue.Cla.Count - threeYearAverages) * 2, harness.Count("mart.region_benchmark"));
        Assert.Empty(mismatches.Select(m => string.Join(" ", m)));
    }
}
