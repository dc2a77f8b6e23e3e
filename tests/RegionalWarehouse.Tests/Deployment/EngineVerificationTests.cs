using RegionalWarehouse.Synthetic.Verification;

namespace RegionalWarehouse.Tests.Deployment;

/// <summary>
/// `rw verify-engine` on the embedded default, and the comparison it rests on: equal marts are "same", and one value
/// changed in one row of one mart table is found and named.
/// </summary>
public class EngineVerificationTests
{
    [Fact]
    public void Rw_verify_engine_on_the_embedded_default_compares_every_mart_table_and_says_what_it_would_check_on_azure()
    {
        var folder = Directory.CreateTempSubdirectory("rw-verify-cli-").FullName;
        try
        {
            var result = RwProcess.Run(folder, null, "verify-engine", "--la", "919,881", "--years", "2025", "--scale", "0.03");

            Assert.True(result.ExitCode == 0, result.Output + result.Error);
            Assert.Contains("Warehouse:VerifyConnectionString", result.Output);
            Assert.Contains("mart.benchmark", result.Output);
            Assert.Matches(@"computes every mart row as DuckDB does \([\d,]+ rows in \d+ tables\)", result.Output);
            Assert.DoesNotContain("differs", result.Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void One_value_changed_in_one_mart_row_is_a_difference_named_with_its_table()
    {
        // Nothing suppressed, so the fixture's five children give values to change.
        using var ours = new PipelineHarness(suppressCountsUpTo: 0);
        using var reference = new PipelineHarness(suppressCountsUpTo: 0);
        foreach (var harness in new[] { ours, reference })
        {
            using var fixture = ReturnFixture.Copy("valid-919-2024");
            harness.Ingest903(fixture.Folder);
        }
        Assert.All(EngineVerification.Compare(ours.Warehouse.Engine, reference.Warehouse.Engine), t => Assert.True(t.Same, $"{t.Table}: {t.FirstDifference}"));

        var metric = ours.Warehouse.Scalar<string>("select min(metric_id) from mart.benchmark where value is not null");
        ours.Warehouse.Execute($"update mart.benchmark set value = -999 where metric_id = '{metric}'");
        Assert.Equal(1L, ours.Warehouse.Scalar<long>($"select count(*) from mart.benchmark where metric_id = '{metric}' and value = -999"));

        var differing = Assert.Single(EngineVerification.Compare(ours.Warehouse.Engine, reference.Warehouse.Engine), t => !t.Same);
        Assert.Equal("mart.benchmark", differing.Table);
        Assert.Equal(2, differing.Differences);
        Assert.Contains(metric, differing.FirstDifference);
    }
}
