namespace RegionalWarehouse.Tests.Benchmarks;

/// <summary>A band is never shown without the set it was drawn from (Power BI's Band Scope, the dashboard's labels).</summary>
public sealed class BandScopeTests : IDisposable
{
    private readonly PipelineHarness _harness = new(suppressCountsUpTo: 0);

    [Fact]
    public void Every_band_says_whether_it_is_across_england_or_within_the_region()
    {
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        _harness.Ingest903(fixture.Folder);

        var rows = _harness.Warehouse.Rows("""
            select b.band, b.band_scope, b.quartile, b.quartile_england, m.polarity
            from bi.benchmark b join mart.metric m on m.display_order = b.metric_key
            """);

        Assert.Contains(rows, r => r[0] is not null);
        Assert.All(rows, r => Assert.Equal(
            (string)r[4]! == "Neutral" ? null : r[3] is not null ? "England" : r[2] is not null ? "region" : null,
            (string?)r[1]));
        Assert.All(rows, r => Assert.Equal(r[0] is null, r[1] is null));
    }

    public void Dispose() => _harness.Dispose();
}
