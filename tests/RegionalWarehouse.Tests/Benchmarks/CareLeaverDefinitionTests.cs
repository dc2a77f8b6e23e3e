namespace RegionalWarehouse.Tests.Benchmarks;

/// <summary>
/// Care leavers aged 19-21 in education, employment or training, and in suitable accommodation, as the DfE counts
/// them (LAIT's CareLeaverEET and CareLeaverAcc): young people who have died or returned home for 6 months or more
/// are left out of both, and those gone abroad or deported out of the accommodation figure.
/// </summary>
public sealed class CareLeaverDefinitionTests : IDisposable
{
    private readonly PipelineHarness _harness = new(suppressCountsUpTo: 0);

    [Theory]
    [InlineData("DIED", "0", "0")]
    [InlineData("RHOM", "0", "0")]
    public void A_care_leaver_who_died_or_returned_home_is_left_out_of_both_figures(string inTouch, string activity, string accommodation)
    {
        Load($"C6,{inTouch},{activity},{accommodation}");

        Assert.Equal((1.0, 1.0), Measure("oc3_eet_pct")); // C5 alone, in education
        Assert.Equal((1.0, 1.0), Measure("oc3_suitable_accommodation_pct"));
        Assert.Equal((1.0, 2.0), Measure("oc3_in_touch_pct")); // the in-touch figure keeps everyone
    }

    [Fact]
    public void A_care_leaver_gone_abroad_counts_for_activity_but_not_for_accommodation()
    {
        Load("C6,YES,G4,X2");

        Assert.Equal((1.0, 2.0), Measure("oc3_eet_pct"));
        Assert.Equal((1.0, 1.0), Measure("oc3_suitable_accommodation_pct"));
    }

    [Fact]
    public void A_care_leaver_not_in_touch_stays_in_both_figures()
    {
        Load("C6,NO,0,0");

        Assert.Equal((1.0, 2.0), Measure("oc3_eet_pct"));
        Assert.Equal((1.0, 2.0), Measure("oc3_suitable_accommodation_pct"));
    }

    private void Load(string careLeaverAfterDob)
    {
        var parts = careLeaverAfterDob.Split(',', 2);
        using var fixture = ReturnFixture.Copy("valid-919-2024")
            .Append("header.csv", $"{parts[0]},1,15/09/2003,WBRI,,,")
            .Append("oc3.csv", $"{parts[0]},15/09/2003,{parts[1]}");

        var result = _harness.Ingest903(fixture.Folder);
        Assert.True(result.Outcome == SubmissionStates.Loaded, string.Join("; ", result.Issues.Select(i => $"{i.RuleCode}: {i.Message}")));
    }

    private (double Numerator, double Denominator) Measure(string metric)
    {
        var row = _harness.Warehouse.Rows(
            $"select numerator, denominator from mart.benchmark where la_key = 919 and collection_year = 2024 and metric_id = '{metric}'").Single();
        return (Convert.ToDouble(row[0]), Convert.ToDouble(row[1]));
    }

    public void Dispose() => _harness.Dispose();
}
