namespace RegionalWarehouse.Tests.Ssda903;

/// <summary>
/// A date no child can have (31/12/9999, 01/03/2213) is a finding, never a crash: every rule reads a date outside
/// 1900-2100 as missing (adding years to 9999 overflowed, and the worker set the whole return aside as poison), and
/// the finding does not repeat the date, which is personal and would outlive the return in the warehouse.
/// </summary>
public sealed class ImplausibleDateTests : IDisposable
{
    private readonly PipelineHarness _harness = new();

    [Theory]
    [InlineData("31/12/9999")]
    [InlineData("01/03/2213")]
    [InlineData("0001-01-01")]
    public void A_date_of_birth_no_child_can_have_is_reported_without_repeating_it(string dob)
    {
        using var fixture = ReturnFixture.Copy("valid-919-2024").Set("header.csv", 2, "DOB", dob);

        var report = _harness.Ingest903(fixture.Folder);

        Assert.Equal(SubmissionStates.Rejected, report.Outcome); // one child of five with an error: above the 5% that may load
        var finding = Assert.Single(report.Issues, i => i.RuleCode == "HDR-03");
        Assert.Equal(("header.csv", 2, "DOB"), (finding.File, finding.Row, finding.Column));
        var year = dob.Contains('/') ? dob[^4..] : dob[..4];
        Assert.DoesNotContain(year, finding.Message);
        Assert.Equal(0, _harness.Count("etl.submission_issue", $"message like '%{year}%' or cell_value like '%{year}%'"));
    }

    public void Dispose() => _harness.Dispose();
}
