using RegionalWarehouse.Etl.Governance;
using RegionalWarehouse.Etl.Hosting;

namespace RegionalWarehouse.Tests.Governance;

/// <summary>
/// What `rw retention --dry-run` lists: Hertfordshire's 2023/24 903 (period ended 31 March 2024) under EOE-CLA-2024,
/// which keeps child-level 903 rows for 6 years, so it expires on 1 April 2030.
/// </summary>
public sealed class RetentionPlanTests : IDisposable
{
    private readonly PipelineHarness _harness = new();

    public RetentionPlanTests()
    {
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        _harness.Ingest903(fixture.Folder);
    }

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void A_return_is_kept_until_its_agreements_retention_has_run_from_the_end_of_its_period()
    {
        Assert.Empty(RetentionPlan.Find(_harness.Warehouse.Engine, PlatformHost.ReturnTypes, new DateOnly(2030, 3, 31)));

        var expired = Assert.Single(RetentionPlan.Find(_harness.Warehouse.Engine, PlatformHost.ReturnTypes, new DateOnly(2030, 4, 1)));

        Assert.Equal(("919", "SSDA903", "2024", "EOE-CLA-2024", 6), (expired.LaCode, expired.ReturnType, expired.Period, expired.AgreementId, expired.RetentionYears));
        Assert.Equal(new DateOnly(2030, 4, 1), expired.ExpiredOn);
    }

    [Fact]
    public void The_rows_listed_are_every_child_level_row_the_submission_loaded()
    {
        var expired = Assert.Single(RetentionPlan.Find(_harness.Warehouse.Engine, PlatformHost.ReturnTypes, new DateOnly(2031, 1, 1)));

        Assert.Equal(_harness.Count("dw.fact_cla_episode", $"submission_id = {expired.SubmissionId}"), expired.RowsByTable["dw.fact_cla_episode"]);
        Assert.Equal(_harness.Warehouse.Scalar<long>($"select rows_loaded from etl.submission where submission_id = {expired.SubmissionId}"), expired.Rows);
    }
}
