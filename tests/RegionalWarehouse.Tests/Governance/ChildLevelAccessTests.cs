using RegionalWarehouse.Etl.Governance;

namespace RegionalWarehouse.Tests.Governance;

/// <summary>
/// An analyst's grant (Access:LaAnalysts) shows an LA's child-level rows in Power BI only as that LA's agreements
/// allow: bi.user_la_access, which the LA Analyst role's filters read, holds a return only while a child-level
/// agreement for it is in force. As shipped, each LA shares its 903 at child level and Supporting Families as aggregates.
/// </summary>
public sealed class ChildLevelAccessTests : IDisposable
{
    private const string Analyst = "analyst@hertfordshire.gov.uk";
    private readonly TemporaryWarehouse _warehouse = new();
    private readonly AccessOptions _access = new() { LaAnalysts = { [Analyst] = "919" } };

    public ChildLevelAccessTests() => UserAccess.Apply(_warehouse.Engine, _access);

    public void Dispose() => _warehouse.Dispose();

    private string[] Shared() =>
        _warehouse.Rows($"select la_key, return_type from bi.user_la_access where user_principal_name = '{Analyst}' order by all").Select(r => $"{r[0]} {r[1]}").ToArray();

    [Fact]
    public void Under_the_shipped_agreements_an_analyst_sees_their_las_903_rows_and_no_family_level_rows()
    {
        Assert.Equal(["919 SSDA903"], Shared());
    }

    [Fact]
    public void When_the_las_903_agreement_lapses_its_child_level_rows_are_no_longer_shown_though_the_grant_stays()
    {
        _warehouse.Execute("update ref.data_sharing_agreement set ends_on = current_date - 1 where la_dfe_code = '919' and return_type = 'SSDA903'");

        Assert.Empty(Shared());
        Assert.Equal(1, _warehouse.Scalar<long>("select count(*) from ref.user_la_access"));
        var report = GovernanceReport.Markdown(_warehouse.Engine, _access, DateTime.UtcNow);
        Assert.Contains($"| {Analyst} | 919 | none: no child-level agreement in force |", report);
    }

    [Fact]
    public void An_agreement_not_yet_started_shares_nothing_until_its_first_day()
    {
        _warehouse.Execute("update ref.data_sharing_agreement set starts_on = current_date + 1 where la_dfe_code = '919' and return_type = 'SSDA903'");

        Assert.Empty(Shared());
    }

    [Fact]
    public void Signing_a_child_level_supporting_families_agreement_shares_the_las_family_rows_too()
    {
        _warehouse.Execute("update ref.data_sharing_agreement set child_level = true where la_dfe_code = '919' and return_type = 'SF'");

        Assert.Equal(["919 SF", "919 SSDA903"], Shared());
        Assert.Contains($"| {Analyst} | 919 | SF, SSDA903 |", GovernanceReport.Markdown(_warehouse.Engine, _access, DateTime.UtcNow));
    }
}
