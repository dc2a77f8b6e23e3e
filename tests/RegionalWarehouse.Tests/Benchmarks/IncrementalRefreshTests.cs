using RegionalWarehouse.Etl.Benchmarks;
using RegionalWarehouse.Synthetic.Context;
using RegionalWarehouse.Synthetic.Ssda903;

namespace RegionalWarehouse.Tests.Benchmarks;

/// <summary>
/// After a load the marts recompute only that LA's measures (every year of its history) and rebuild the
/// comparators from the others' stored measures: the result is the full refresh's, to the last bit.
/// </summary>
public sealed class IncrementalRefreshTests : IClassFixture<IncrementalRefreshTests.History>, IDisposable
{
    private static readonly string[] Las = ["919", "881", "873"];

    /// <summary>
    /// Three LAs' 903s for 2021-2024 loaded year by year, as LAs send them, each load refreshing the marts for its
    /// own LA only; then the DfE's neighbour model, which changes the comparators only. Built once; each test
    /// works on its own copy.
    /// </summary>
    public sealed class History : IDisposable
    {
        public PipelineHarness Harness { get; } = new();

        public History()
        {
            var root = Path.Combine(Harness.Warehouse.Folder, "landing");
            var population = Directory.CreateDirectory(Path.Combine(root, "population")).FullName;
            File.WriteAllLines(Path.Combine(population, "population.csv"), ContextGenerator.Population(Las, 2020, 2023, seed: 11));
            Assert.Equal(SubmissionStates.Loaded, Harness.Ingest("POPULATION", SubmissionIdentity.RegionWide, "2023", population).Outcome);
            foreach (var generated in Ssda903Generator.Generate(new GeneratorRequest(Las, 2021, 2024, Seed: 5, Scale: 0.1)).OrderBy(g => g.Year))
            {
                var folder = Ssda903Generator.Write(generated, root);
                Assert.Equal(SubmissionStates.Loaded, Harness.Ingest903(folder, generated.LaCode, generated.Year.ToString()).Outcome);
            }
            var release = RegionalWarehouse.Synthetic.Demo.PublishedData.Neighbours;
            var neighbours = RegionalWarehouse.Synthetic.Demo.PublishedData.WriteTo(release, Path.Combine(root, "neighbours"));
            Assert.Equal(SubmissionStates.Loaded, Harness.Ingest(release.ReturnType, SubmissionIdentity.RegionWide, release.Period, neighbours).Outcome);
            Assert.True(Harness.Count("mart.benchmark_neighbour") > 0);
        }

        public void Dispose() => Harness.Dispose();
    }

    private readonly PipelineHarness _harness;

    public IncrementalRefreshTests(History history) => _harness = new PipelineHarness(TemporaryWarehouse.CopyOf(history.Harness.Warehouse));

    private string Marts() => string.Join("\n", new[]
    {
        "select * exclude (refreshed_at) from mart.benchmark",
        "select * from mart.benchmark_neighbour",
        "select * from mart.region_benchmark",
        "select * from mart.la_measure",
    }.SelectMany(sql => _harness.Warehouse.Rows(sql + " order by all").Select(r => string.Join("|", r)).Prepend(sql)));

    [Fact]
    public void Marts_refreshed_after_each_load_equal_a_full_refresh_of_the_same_warehouse()
    {
        var afterLoads = Marts();

        _harness.Marts.Refresh(MartScope.Everything);

        Assert.True(_harness.Count("mart.benchmark") > 400);
        Assert.Equal(Marts(), afterLoads);
    }

    [Fact]
    public void A_refresh_after_one_las_load_recomputes_that_la_and_keeps_the_others_stored_measures()
    {
        // Mark another LA's stored measures: a refresh that recomputed that LA would overwrite the mark.
        _harness.Warehouse.Execute("update mart.la_measure set numerator = -1 where la_key = 881");
        _harness.Warehouse.Execute("update mart.la_measure set numerator = -1 where la_key = 919");

        _harness.Marts.Refresh(MartScope.ForLa("919"));

        Assert.Equal(0, _harness.Count("mart.la_measure", "la_key = 919 and numerator = -1"));
        Assert.True(_harness.Count("mart.la_measure", "la_key = 881 and numerator = -1") > 0);

        _harness.Marts.Refresh(MartScope.Everything);

        Assert.Equal(0, _harness.Count("mart.la_measure", "numerator = -1"));
    }

    [Fact]
    public void Stored_measures_from_other_metric_definitions_make_the_refresh_recompute_every_la()
    {
        _harness.Warehouse.Execute("update mart.la_measure set numerator = -1, catalogue_version = 'older' where la_key = 881");

        _harness.Marts.Refresh(MartScope.ForLa("919"));

        Assert.Equal(0, _harness.Count("mart.la_measure", $"numerator = -1 or catalogue_version <> '{MartRefresher.CatalogueVersion}'"));
    }

    [Theory]
    [InlineData("919", "SSDA903", "2024", "919")]
    [InlineData("919", "SF", "2024-Q3", "919")]
    [InlineData(SubmissionIdentity.RegionWide, "POPULATION", "2023", "every LA")]
    [InlineData(SubmissionIdentity.RegionWide, "NEIGHBOURS", "2025-05", "no LA")]
    [InlineData(SubmissionIdentity.RegionWide, "LAIT", "2025", "no LA")]
    public void A_load_recomputes_its_own_las_measures_population_every_las_and_published_data_none(string la, string returnType, string period, string recomputed) =>
        Assert.Equal(recomputed, MartScope.AfterLoading(new SubmissionIdentity(la, returnType, period)).ToString());

    public void Dispose() => _harness.Dispose();
}
