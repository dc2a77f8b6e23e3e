namespace RegionalWarehouse.Tests.Submissions;

/// <summary>
/// An identity (LA, return, period) has one spelling, so one current submission: a period written any other way
/// ("02024" for 2024, "2024-q3" for 2024-Q3) is refused as SUB-02, naming the spelling to use, and changes nothing.
/// </summary>
public sealed class PeriodIdentityTests : IDisposable
{
    private readonly PipelineHarness _harness = new();

    [Theory]
    [InlineData("02024")]
    [InlineData(" 2024")]
    [InlineData("+2024")]
    [InlineData("2024 ")]
    public void A_903_year_spelled_another_way_is_refused_and_the_loaded_year_stays_the_only_current(string spelling)
    {
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        Assert.Equal(SubmissionStates.Loaded, _harness.Ingest903(fixture.Folder).Outcome);
        var before = _harness.Snapshot();

        var again = _harness.Ingest903(fixture.Folder, year: spelling);

        Assert.Equal(SubmissionStates.Rejected, again.Outcome);
        var issue = Assert.Single(again.Issues, i => i.RuleCode == "SUB-02");
        Assert.Contains("2024", issue.Message);
        Assert.Equal(before, _harness.Snapshot());
        Assert.Equal(1, _harness.Count("etl.current_submission", "la_code = '919' and return_type = 'SSDA903'"));
    }

    [Fact]
    public void A_supporting_families_quarter_in_lower_case_is_refused_naming_the_quarter_as_written()
    {
        using var fixture = ReturnFixture.Copy("valid-919-2024-Q3", "SupportingFamilies");
        Assert.Equal(SubmissionStates.Loaded, _harness.Ingest("SF", "919", "2024-Q3", fixture.Folder).Outcome);

        var again = _harness.Ingest("SF", "919", "2024-q3", fixture.Folder);

        Assert.Equal(SubmissionStates.Rejected, again.Outcome);
        Assert.Contains("use 2024-Q3", Assert.Single(again.Issues, i => i.RuleCode == "SUB-02").Message);
        Assert.Equal(1, _harness.Count("etl.current_submission", "la_code = '919' and return_type = 'SF'"));
    }

    [Fact]
    public void A_return_type_in_another_case_is_the_same_identity()
    {
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        _harness.Ingest903(fixture.Folder);

        var again = _harness.Ingest("ssda903", "919", "2024", fixture.Folder);

        Assert.Equal("unchanged", again.Outcome);
        Assert.Equal(1, _harness.Count("etl.current_submission", "la_code = '919'"));
    }

    public void Dispose() => _harness.Dispose();
}
