using Microsoft.Extensions.Logging.Abstractions;
using RegionalWarehouse.Etl.Governance;
using RegionalWarehouse.Warehouse.Audit;
using RegionalWarehouse.Warehouse.Migrations;

namespace RegionalWarehouse.Tests.Governance;

/// <summary>
/// The platform takes an LA's return only under a data-sharing agreement in force, loads none of the fields the
/// agreement withholds, and keeps an audit trail of what it did, changes of agreement included.
/// </summary>
public sealed class AgreementTests : IDisposable
{
    private readonly PipelineHarness _harness = new();

    private readonly ReturnFixture _fixture = ReturnFixture.Copy("valid-919-2024");

    public void Dispose()
    {
        _fixture.Dispose();
        _harness.Dispose();
    }

    [Fact]
    public void Every_member_la_has_a_903_and_an_sf_agreement_in_force_as_shipped()
    {
        var members = _harness.Warehouse.Rows("select dfe_code from ref.local_authority where is_platform_member").Select(r => (string)r[0]!).ToList();

        Assert.Equal(11, members.Count);
        using var connection = _harness.Warehouse.Engine.Open();
        foreach (var la in members)
            foreach (var returnType in new[] { "SSDA903", "SF" })
                Assert.NotNull(DataSharingAgreements.WithheldUnder(DataSharingAgreements.For(connection, _harness.Warehouse.Engine, la, returnType), new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public void A_return_from_an_la_with_no_agreement_for_it_is_rejected_and_the_warehouse_is_unchanged()
    {
        _harness.Warehouse.Execute("delete from ref.data_sharing_agreement where la_dfe_code = '919' and return_type = 'SSDA903'");
        var before = _harness.Snapshot();

        var report = _harness.Ingest903(_fixture.Folder);

        Assert.Equal(SubmissionStates.Rejected, report.Outcome);
        var finding = Assert.Single(report.Issues, i => i.RuleCode == "SUB-09");
        Assert.Contains("no data-sharing agreement covering SSDA903", finding.Message);
        Assert.Equal(before, _harness.Snapshot());
    }

    [Fact]
    public void A_return_after_its_agreement_ended_is_rejected_naming_the_agreement()
    {
        _harness.Warehouse.Execute("update ref.data_sharing_agreement set ends_on = date '2025-03-31' where la_dfe_code = '919' and return_type = 'SSDA903'");

        var report = _harness.Ingest903(_fixture.Folder);

        Assert.Equal(SubmissionStates.Rejected, report.Outcome);
        Assert.Contains("EOE-CLA-2024", Assert.Single(report.Issues, i => i.RuleCode == "SUB-09").Message);
    }

    [Fact]
    public void Fields_the_agreement_withholds_are_not_loaded_and_the_report_lists_them()
    {
        _harness.Warehouse.Execute("update ref.data_sharing_agreement set withheld_fields = 'HOME_POST PL_POST' where la_dfe_code = '919' and return_type = 'SSDA903'");

        var report = _harness.Ingest903(_fixture.Folder);

        Assert.Equal(SubmissionStates.LoadedWithWarnings, report.Outcome);
        Assert.Contains("HOME_POST, PL_POST", Assert.Single(report.Issues, i => i.RuleCode == "SUB-10").Message);
        Assert.Equal(9, _harness.Count("dw.fact_cla_episode"));
        Assert.Equal(0, _harness.Count("dw.fact_cla_episode", "home_district is not null or placement_district is not null"));
        Assert.Equal(9, _harness.Count("dw.fact_cla_episode", "placement_type is not null"));
    }

    [Fact]
    public void A_field_one_agreement_withholds_and_another_in_force_covers_is_loaded()
    {
        _harness.Warehouse.Execute("update ref.data_sharing_agreement set withheld_fields = 'HOME_POST' where la_dfe_code = '919' and return_type = 'SSDA903'");
        _harness.Warehouse.Execute("""
            insert into ref.data_sharing_agreement values
            ('EXTRA', '919', 'SSDA903', 'Placement sufficiency', 'Sufficiency planning', true, null, date '2024-04-01', null, 6)
            """);

        var report = _harness.Ingest903(_fixture.Folder);

        Assert.Equal(SubmissionStates.Loaded, report.Outcome);
        Assert.True(_harness.Count("dw.fact_cla_episode", "home_district is not null") > 0);
    }

    [Fact]
    public void The_audit_trail_records_loads_replacements_rejections_and_refreshes_without_personal_data()
    {
        _harness.Ingest903(_fixture.Folder);
        _fixture.Append("reviews.csv", "C1,14/05/2012,01/03/2024,PN1");
        _harness.Ingest903(_fixture.Folder);
        _fixture.Set("episodes.csv", 2, "LS", "Q9");
        _harness.Ingest903(_fixture.Folder, year: "2023");

        var trail = new AuditLog(_harness.Warehouse.Engine).Read("919", new DateOnly(2025, 1, 1));

        Assert.Equal(["loaded", "replaced", "rejected"], trail.Where(e => e.Actor == AuditLog.Pipeline).Select(e => e.Action));
        Assert.Equal(2, trail.Count(e => e.Action == "marts refreshed"));
        Assert.All(trail.Where(e => e.Actor == AuditLog.Pipeline), e => Assert.Equal(("919", "SSDA903"), (e.LaCode, e.ReturnType)));
        Assert.True(trail.Single(e => e.Action == "replaced").Rows > 0);
        Assert.DoesNotContain(trail, e => (e.Detail ?? "").Contains("C1") || (e.Detail ?? "").Contains("SG13"));
    }

    [Fact]
    public void A_change_of_agreement_is_journaled_when_migrate_applies_it()
    {
        _harness.Warehouse.Execute("delete from ref.data_sharing_agreement where la_dfe_code = '883' and return_type = 'SSDA903'");
        _harness.Warehouse.Execute("update ref.data_sharing_agreement set retention_years = 3 where la_dfe_code = '919' and return_type = 'SF'");
        var log = new AuditLog(_harness.Warehouse.Engine);
        var before = log.Read().Count;

        new WarehouseMigrator(_harness.Warehouse.Engine, NullLogger<WarehouseMigrator>.Instance).Migrate();

        var trail = log.Read().Skip(before).ToList();
        Assert.Equal(2, trail.Count);
        var added = Assert.Single(trail, e => e.Action == "agreement added" && e.LaCode == "883");
        Assert.Contains("withheld_fields = HOME_POST PL_POST", added.Detail);
        var changed = Assert.Single(trail, e => e.Action == "agreement changed" && e.LaCode == "919");
        Assert.Equal("ref.data_sharing_agreement changed: retention_years = 7", changed.Detail);
    }
}
