using RegionalWarehouse.Etl.Benchmarks;
using RegionalWarehouse.Etl.Export;
using RegionalWarehouse.Synthetic.Demo;
using RegionalWarehouse.Synthetic.Ssda903;

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
    public void Parquet_export_writes_every_aggregate_table_and_view_whole_and_child_level_ones_without_rows()
    {
        using var harness = new PipelineHarness();
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        harness.Ingest903(fixture.Folder);
        var folder = Path.Combine(harness.Warehouse.Folder, "parquet");

        var files = ParquetExporter.Export(harness.Warehouse.Engine, folder);

        Assert.Contains(files, f => f.EndsWith("mart.benchmark.parquet"));
        Assert.Contains(files, f => f.EndsWith("dw.fact_cla_episode.parquet"));
        Assert.Contains(files, f => f.EndsWith("dw.dim_child.parquet"));
        // A folder of files has no row-level security: child- and family-level rows stay in the warehouse.
        var episodes = files.Single(f => f.EndsWith("dw.fact_cla_episode.parquet"));
        Assert.Equal(0, harness.Warehouse.Scalar<long>($"select count(*) from read_parquet('{episodes}')"));
        Assert.Contains("dw.fact_cla_episode", File.ReadAllText(files.Single(f => f.EndsWith("NOT-EXPORTED.txt"))));
        Assert.Contains("bi.cla_episode", File.ReadAllText(files.Single(f => f.EndsWith("NOT-EXPORTED.txt"))));
        Assert.Equal(harness.Count("mart.benchmark"), harness.Warehouse.Scalar<long>($"select count(*) from read_parquet('{files.Single(f => f.EndsWith("mart.benchmark.parquet"))}')"));
        Assert.Equal(ParquetExporter.Attribution, harness.Warehouse.Scalar<string>(
            $"select value::varchar from parquet_kv_metadata('{files.Single(f => f.EndsWith("mart.benchmark.parquet"))}') where key::varchar = 'attribution'"));
        Assert.Contains("Open Government Licence v3.0 (Department for Education)", File.ReadAllText(files.Single(f => f.EndsWith("ATTRIBUTION.txt"))));
    }

    [Fact]
    public void Rw_benchmark_for_hertfordshire_2025_shows_its_real_dfe_neighbours_published_values_national_rank_and_sources()
    {
        var folder = Directory.CreateTempSubdirectory("rw-cli-").FullName;
        var environment = new Dictionary<string, string> { ["RW__Privacy__PseudonymisationKey"] = PipelineHarness.Key, ["RW__Logging__LogLevel__Default"] = "Warning" };
        try
        {
            var generated = Ssda903Generator.Generate(new GeneratorRequest(["919"], 2025, 2025, Seed: 5, Scale: 0.2)).Single();
            Assert.Equal(0, RwProcess.Run(folder, environment, "ingest", Ssda903Generator.Write(generated, Path.Combine(folder, "in")), "--la", "919", "--period", "2025").ExitCode);
            foreach (var release in PublishedData.All)
                Assert.Equal(0, RwProcess.Run(folder, environment, "ingest", PublishedData.WriteTo(release, Path.Combine(folder, release.ReturnType)),
                    "--la", "region", "--return", release.ReturnType, "--period", release.Period).ExitCode);

            var result = RwProcess.Run(folder, new Dictionary<string, string>(environment) { ["COLUMNS"] = "220" }, "benchmark", "--la", "919", "--year", "2025");

            Assert.Equal(0, result.ExitCode);
            foreach (var neighbour in new[] { "931 Oxfordshire", "825 Buckinghamshire", "873 Cambridgeshire", "867 Bracknell Forest", "938 West Sussex",
                         "305 Bromley", "850 Hampshire", "358 Trafford", "916 Gloucestershire", "869 West Berkshire" })
                Assert.Contains(neighbour, result.Output);
            // Oxfordshire's CLA rate per 10,000 in 2025 as LAIT publishes it, marked as published.
            Assert.Contains(" 51.0 (P) ", result.Output);
            Assert.Matches(@" \d+ of 15\d ", result.Output);          // rank among every English LA
            Assert.Contains("(M)", result.Output);
            Assert.Contains("Data quality (2025 903):", result.Output);                         // neighbours: a member's own value and published ones
            Assert.Contains("Open Government Licence v3.0 (Department for Education)", result.Output);

            // At 80 columns every listing keeps to 80: a narrower layout, never a broken cell.
            var narrow = new Dictionary<string, string>(environment) { ["COLUMNS"] = "80" };
            foreach (var command in new[]
                     {
                         "status", "benchmark --la 919 --year 2025", "metrics", "rules --year 2025", "audit", "warnings --la 919",
                     })
            {
                var listing = RwProcess.Run(folder, narrow, command.Split(' '));
                Assert.True(listing.ExitCode == 0, $"rw {command}: {listing.Error}");
                var tooLong = listing.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 80).ToList();
                Assert.True(tooLong.Count == 0, $"rw {command} printed {tooLong.Count} line(s) over 80 columns, e.g. {tooLong.FirstOrDefault()}");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
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

            var result = RwProcess.Run(folder, new Dictionary<string, string>(environment) { ["COLUMNS"] = "200" }, "benchmark", "--la", "919", "--year", "2024");

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("Children looked after at 31 March", result.Output);
            Assert.Matches(@"\s c\s", result.Output);
            Assert.Contains("neighbours", result.Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
