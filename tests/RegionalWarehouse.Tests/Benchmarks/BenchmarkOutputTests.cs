using RegionalWarehouse.Etl.Benchmarks;
using RegionalWarehouse.Etl.Export;
using RegionalWarehouse.Tests.Support;

namespace RegionalWarehouse.Tests.Benchmarks;

public class BenchmarkOutputTests
{
    [Fact]
    public void The_checked_in_data_dictionary_is_the_one_the_catalogue_generates()
    {
        var checkedIn = File.ReadAllText(Path.Combine(Azurite.RepositoryRoot(), "docs", "metrics.md"));

        Assert.Equal(MetricDictionary.Markdown().ReplaceLineEndings(), checkedIn.ReplaceLineEndings());
    }

    [Fact]
    public void Parquet_export_writes_every_table_and_view_with_all_its_rows()
    {
        using var harness = new PipelineHarness();
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        harness.Ingest903(fixture.Folder);
        var folder = Path.Combine(harness.Warehouse.Folder, "parquet");

        var files = ParquetExporter.Export(harness.Warehouse.Engine, folder);

        Assert.Contains(files, f => f.EndsWith("mart.benchmark.parquet"));
        Assert.Contains(files, f => f.EndsWith("dw.fact_cla_episode.parquet"));
        Assert.Contains(files, f => f.EndsWith("dw.dim_child.parquet"));
        var episodes = files.Single(f => f.EndsWith("dw.fact_cla_episode.parquet"));
        Assert.Equal(8, harness.Warehouse.Scalar<long>($"select count(*) from read_parquet('{episodes}')"));
        Assert.Equal(harness.Count("mart.benchmark"), harness.Warehouse.Scalar<long>($"select count(*) from read_parquet('{files.Single(f => f.EndsWith("mart.benchmark.parquet"))}')"));
    }

    [Fact]
    public void Rw_benchmark_prints_the_las_table_with_suppression_marks()
    {
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        var folder = Directory.CreateTempSubdirectory("rw-cli-").FullName;
        var environment = new Dictionary<string, string> { ["RW__Privacy__PseudonymisationKey"] = PipelineHarness.Key, ["RW__Logging__LogLevel__Default"] = "Warning" };
        try
        {
            Assert.Equal(0, RwProcess.Run(folder, environment, "ingest", fixture.Folder, "--la", "919", "--period", "2024").ExitCode);

            var result = RwProcess.Run(folder, environment, "benchmark", "--la", "919", "--year", "2024");

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("Children looked after at 31 March", result.Output);
            Assert.Contains("│ c ", result.Output);
            Assert.Contains("neighbours", result.Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
