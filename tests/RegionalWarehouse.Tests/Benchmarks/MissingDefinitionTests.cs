namespace RegionalWarehouse.Tests.Benchmarks;

/// <summary>
/// "Children who went missing" as the DfE counts them: every child looked after in the year who was missing at
/// some point in it, a child already missing on 1 April included; incidents per child count the spells begun in the year.
/// </summary>
public sealed class MissingDefinitionTests : IDisposable
{
    private readonly PipelineHarness _harness = new(suppressCountsUpTo: 0);

    [Fact]
    public void A_child_already_missing_on_1_april_went_missing_in_the_year()
    {
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        // C1 went missing in September; C3 had been missing since 25 March and came back on 3 April.
        fixture.Append("missing.csv", "C3,10/01/2021,M,25/03/2023,03/04/2023");

        Assert.Equal(SubmissionStates.Loaded, _harness.Ingest903(fixture.Folder).Outcome);

        var row = _harness.Warehouse.Rows("select numerator, denominator from mart.benchmark where la_key = 919 and collection_year = 2024 and metric_id = 'missing_pct'").Single();
        Assert.Equal(2.0, Convert.ToDouble(row[0]));
        var incidents = _harness.Warehouse.Rows("select numerator, denominator from mart.benchmark where la_key = 919 and collection_year = 2024 and metric_id = 'missing_incidents_per_child'").Single();
        Assert.Equal((1.0, 1.0), (Convert.ToDouble(incidents[0]), Convert.ToDouble(incidents[1]))); // C1's September spell only
    }

    public void Dispose() => _harness.Dispose();
}
