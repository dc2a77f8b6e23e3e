namespace RegionalWarehouse.Tests.Benchmarks;

/// <summary>
/// Adoption timeliness as the DfE's adoption scorecard measures it: three-year averages of A1 (entering care to
/// moving in with the adoptive family, with the A10 adjustment for foster carers who adopt) and A2 (the court's
/// authority to place to the match, 0 when matched first, children without a placement order left out).
/// The fixture's 2024 return is loaded with copies of itself a year and two years earlier (other children), so
/// 2024's window holds three adoptions of C3's shape: placement order (E1) 1 January, placed for adoption 20 April
/// the next year, matched 15 March, adopted 1 December.
/// </summary>
public sealed class AdoptionTimelinessTests : IDisposable
{
    private readonly PipelineHarness _harness = new(suppressCountsUpTo: 0);

    [Theory]
    // 474 days in the 2024 and 2023 returns' copies, 475 in 2022's (29 February 2020 falls in it).
    [InlineData("adoption_days_care_to_placed", (474 + 474 + 475) / 3.0)]
    [InlineData("adoption_days_authority_to_match", (438 + 438 + 439) / 3.0)]
    public void Each_measure_is_the_three_year_average(string metric, double expected)
    {
        LoadThreeYears(latest => latest);

        Assert.Equal(expected, Value(metric, 2024)!.Value, 6);
    }

    [Fact]
    public void A_year_whose_window_the_loaded_returns_do_not_cover_has_no_figure()
    {
        LoadThreeYears(latest => latest);

        Assert.Null(Value("adoption_days_care_to_placed", 2023));
        Assert.Null(Value("adoption_days_authority_to_match", 2022));
    }

    [Fact]
    public void A_child_adopted_by_its_foster_carers_counts_from_moving_in_with_them()
    {
        // C3's foster carers since the start of her care (01/01/2022) adopted her: placed for adoption with them
        // (A5, RNE T: the same carers) on 20 April 2023. A10 counts from moving in with them.
        LoadThreeYears(latest => latest.Set("ad1.csv", 2, "FOSTER_CARE", "1").Set("episodes.csv", 8, "PLACE", "A5").Set("episodes.csv", 8, "RNE", "T"));

        Assert.Equal(0, DaysFor2024Adoption("days_care_to_placed"));
    }

    [Fact]
    public void A_match_before_the_placement_order_counts_as_zero_days()
    {
        // The placement order now comes with the placement for adoption on 20 April 2023 (RNE B: legal status and
        // placement change together), after the match on 15 March.
        LoadThreeYears(latest => latest.Set("episodes.csv", 7, "LS", "C2").Set("episodes.csv", 8, "RNE", "B"));

        Assert.Equal(0, DaysFor2024Adoption("days_authority_to_match"));
    }

    [Fact]
    public void A_child_with_no_placement_order_is_left_out_of_A2()
    {
        // Placed for adoption with her parents' consent (A4) under a care order: no court authority to place.
        LoadThreeYears(latest => latest.Set("episodes.csv", 7, "LS", "C2").Set("episodes.csv", 8, "LS", "C2").Set("episodes.csv", 8, "PLACE", "A4"));

        Assert.Null(DaysFor2024Adoption("days_authority_to_match"));
        Assert.Equal((438 + 439) / 2.0, Value("adoption_days_authority_to_match", 2024)!.Value, 6);
    }

    private void LoadThreeYears(Func<ReturnFixture, ReturnFixture> editLatest)
    {
        // Latest first: each return's checks against the year before find nothing loaded for it yet.
        using var latest = editLatest(ReturnFixture.Copy("valid-919-2024"));
        using var before = BeforeK3().ShiftYears(-1, "A");
        using var twoBefore = BeforeK3().ShiftYears(-2, "B");
        foreach (var (fixture, year) in new[] { (latest, "2024"), (before, "2023"), (twoBefore, "2022") })
        {
            var report = _harness.Ingest903(fixture.Folder, year: year);
            Assert.True(report.Outcome == SubmissionStates.Loaded, $"{year}: {report.Outcome} {string.Join("; ", report.Issues.Take(5).Select(i => $"{i.RuleCode} {i.Message}"))}");
        }
    }

    // K3 is a placement type from 2023/24: an earlier year's copy keeps C4 in P2 (row 10) and drops the K3 episode.
    private static ReturnFixture BeforeK3() => ReturnFixture.Copy("valid-919-2024").RemoveRow("episodes.csv", 9)
        .Set("episodes.csv", 9, "DEC", "").Set("episodes.csv", 9, "REC", "").Set("episodes.csv", 9, "REASON_PLACE_CHANGE", "");

    private double? Value(string metric, int year) => _harness.Warehouse.Rows(
            $"select value from mart.benchmark where la_key = 919 and collection_year = {year} and metric_id = '{metric}'")
        .Select(r => r[0] is null ? (double?)null : Convert.ToDouble(r[0])).SingleOrDefault();

    private double? DaysFor2024Adoption(string column) => _harness.Warehouse.Rows(
            $"select {column} from dw.cla_adoption_year where la_key = 919 and collection_year = 2024 and adopted_year = 2024")
        .Select(r => r[0] is null ? (double?)null : Convert.ToDouble(r[0])).Single();

    public void Dispose() => _harness.Dispose();
}
