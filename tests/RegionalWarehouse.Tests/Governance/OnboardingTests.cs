using RegionalWarehouse.Dashboard;
using RegionalWarehouse.Etl.Benchmarks;
using RegionalWarehouse.Etl.Governance;
using RegionalWarehouse.Synthetic.Ssda903;

namespace RegionalWarehouse.Tests.Governance;

/// <summary>
/// Onboarding an LA is reference data: its row in local_authorities.csv made a member, and its agreement.
/// Nothing in the code names the East of England; an LA from another region is benchmarked against its own.
/// </summary>
public sealed class OnboardingTests : IDisposable
{
    private readonly PipelineHarness _harness = new();

    private readonly string _landing = Directory.CreateTempSubdirectory("rw-onboard-").FullName;

    public void Dispose()
    {
        _harness.Dispose();
        Directory.Delete(_landing, recursive: true);
    }

    [Fact]
    public void A_london_borough_is_onboarded_by_its_reference_row_and_agreement_alone()
    {
        // What the operator's two edits (local_authorities.csv, data_sharing_agreements.csv) and `rw migrate` make.
        _harness.Warehouse.Execute("update ref.local_authority set is_platform_member = true where dfe_code = '202'");
        _harness.Warehouse.Execute("""
            insert into ref.data_sharing_agreement values
            ('LON-CLA-2025', '202', 'SSDA903', 'Child-level 903 for regional analysis', 'Benchmark children looked after', true, null, date '2025-04-01', null, 6)
            """);

        foreach (var generated in Ssda903Generator.Generate(new GeneratorRequest(["202"], 2023, 2024, Seed: 9, Scale: 0.2)))
        {
            var report = _harness.Ingest903(Ssda903Generator.Write(generated, _landing), "202", generated.Year.ToString());
            Assert.True(report.Outcome == SubmissionStates.Loaded, $"{generated.Year}: {report.Outcome} {string.Join("; ", report.Issues.Take(3))}");
        }

        Assert.NotEmpty(BenchmarkQuery.ForLa(_harness.Warehouse.Engine, "202", 2024));
        Assert.True(_harness.Count("mart.region_benchmark", "region_code = 'E12000007' and collection_year = 2024") > 0);
        Assert.Equal(0, _harness.Count("mart.region_benchmark", "region_code = 'E12000006'"));
        Assert.NotEmpty(new DashboardQueries(_harness.Warehouse.Engine).Trend("202", "cla_31_march"));
        Assert.Equal(1, UserAccess.Apply(_harness.Warehouse.Engine, new AccessOptions { LaAnalysts = { ["analyst@camden.gov.uk"] = "202" } }));
        Assert.Equal(1, _harness.Count("ref.user_la_access u join ref.local_authority l on l.la_key = u.la_key", "l.dfe_code = '202'"));
        // The row-level security the LA Analyst role applies: Camden's 903 rows, which its agreement shares at child level.
        Assert.Equal(1, _harness.Count("bi.user_la_access u join ref.local_authority l on l.la_key = u.la_key", "l.dfe_code = '202' and u.return_type = 'SSDA903'"));
    }
}
