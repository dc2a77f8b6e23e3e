namespace RegionalWarehouse.Tests.Benchmarks;

/// <summary>
/// "Three or more placements in the year" as the DfE counts it (LAIT's methodology for LACStable_2016on):
/// placements of 24 hours or more. The 903 holds dates, so a placement that ended the day it began is shorter.
/// </summary>
public sealed class PlacementStabilityDefinitionTests : IDisposable
{
    private readonly PipelineHarness _harness = new(suppressCountsUpTo: 0);

    // The 903 keys episodes by CHILD and DECOM, so a placement can end the day it began only where care ends
    // with it. C1 moves on 10 May 2023 to a placement that ends that day, when she goes home (E4A); she comes
    // back into care on 1 June (no previous permanence option): three placements in the year by episode.
    [Theory]
    [InlineData("10/05/2023", 2)] // the second placement lasted under 24 hours, so the DfE counts two
    [InlineData("11/05/2023", 3)] // a night there: three placements
    public void A_placement_that_ends_the_day_it_began_is_not_counted(string wentHome, int counted)
    {
        using var fixture = ReturnFixture.Copy("valid-919-2024")
            .Set("episodes.csv", 3, "DEC", wentHome).Set("episodes.csv", 3, "REC", "E4A")
            .Append("episodes.csv", "C1,01/06/2023,S,C2,N1,U4,PR4,,,,SG13 8DQ,AL1 3XY,SC100004")
            .Append("prev_perm.csv", "C1,14/05/2012,Z1,,")
            .RemoveRow("oc2.csv", 2); // no longer looked after for the whole year

        var report = _harness.Ingest903(fixture.Folder);
        // The under-24-hour episode draws the 903's warning (EPI-33, DfE 355), which loads.
        Assert.True(report.Outcome is SubmissionStates.Loaded or SubmissionStates.LoadedWithWarnings, string.Join("; ", report.Issues.Select(i => $"{i.RuleCode} row {i.Row}: {i.Message}")));

        Assert.Equal(counted, MostPlacementsOfAChildInCareOn31March());
        Assert.Equal(counted >= 3 ? 1.0 : 0.0, ShortTermStabilityNumerator());
    }

    private double ShortTermStabilityNumerator() => Convert.ToDouble(_harness.Warehouse.Scalar<object>(
        "select numerator from mart.benchmark where la_key = 919 and collection_year = 2024 and metric_id = 'stability_short_term_pct'"));

    // Child keys are pseudonyms; C1 is the only child whose count the edit changes (every other has at most two).
    private int MostPlacementsOfAChildInCareOn31March() => Convert.ToInt32(_harness.Warehouse.Scalar<object>(
        "select cast(max(placements_in_year) as integer) from dw.cla_child_year where la_key = 919 and collection_year = 2024 and in_care_31_march = 1"));

    public void Dispose() => _harness.Dispose();
}
