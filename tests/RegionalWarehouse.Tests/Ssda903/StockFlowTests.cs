using RegionalWarehouse.Etl.Csv;
using RegionalWarehouse.Etl.Ssda903;
using RegionalWarehouse.Etl.Ssda903.Reconciliation;
using RegionalWarehouse.Synthetic.Ssda903;

namespace RegionalWarehouse.Tests.Ssda903;

/// <summary>
/// The stock-flow reconciliation in each 903 report. In the valid fixture (919, 2024) C1, C3 and C4 are looked
/// after on 1 April 2023, C2 starts, C3 is adopted: 3 + 1 − 1 = 3 at 31 March 2024 (C1, C2, C4).
/// </summary>
public class StockFlowTests
{
    private static long Figure(ReportSection section, string labelStart) =>
        section.Lines.Single(l => l.Label.StartsWith(labelStart, StringComparison.Ordinal)).Value;

    [Fact]
    public void A_balanced_return_reports_opening_plus_starts_minus_ceases_equal_to_its_31_march_count()
    {
        using var harness = new PipelineHarness(suppressCountsUpTo: 0);
        using var fixture = ReturnFixture.Copy("valid-919-2024");

        var report = harness.Ingest903(fixture.Folder);

        var section = Assert.Single(report.Sections);
        Assert.Equal(3, Figure(section, "Looked after at 31 March 2023, by this return"));
        Assert.Equal(1, Figure(section, "+ started"));
        Assert.Equal(1, Figure(section, "− ceased"));
        Assert.Equal(3, Figure(section, "= expected"));
        Assert.Equal(3, Figure(section, "Looked after at 31 March 2024"));
        Assert.False(section.NeedsAttention);
        Assert.Contains("No 2023 return is loaded", section.Note);
        Assert.Contains("## Stock-flow reconciliation: children looked after", report.ToMarkdown());
        Assert.Contains("\"sections\"", report.ToJson());
    }

    [Fact]
    public void A_child_in_care_last_31_march_who_vanishes_from_this_years_return_is_named_as_a_data_problem()
    {
        using var harness = new PipelineHarness(suppressCountsUpTo: 0);
        var root = Directory.CreateTempSubdirectory("rw-stockflow-").FullName;
        try
        {
            var years = Ssda903Generator.Generate(new GeneratorRequest(["822"], 2023, 2024, Seed: 3, Scale: 0.2)).ToList();
            Assert.Equal(SubmissionStates.Loaded, harness.Ingest903(Ssda903Generator.Write(years[0], root), "822", "2023").Outcome);
            // A child looked after on 1 April 2023 by both returns disappears from the 2024 extract altogether.
            var episodes = years[1][Ssda903Schema.Episodes];
            var vanished = episodes.Rows.First(r => DateValue.TryParse(r[episodes.Column("DECOM")], out var start) && start < new DateOnly(2023, 4, 1))[0];
            foreach (var table in years[1].Tables.Values)
                table.Rows.RemoveAll(r => r[table.Column("CHILD")] == vanished);

            var report = harness.Ingest903(Ssda903Generator.Write(years[1], root), "822", "2024");

            var section = Assert.Single(report.Sections);
            Assert.Equal(1, Figure(section, "− no longer looked after on 31 March 2023 in this return"));
            Assert.Equal(Figure(section, "Looked after at 31 March 2023, by last year's return") - 1, Figure(section, "Looked after at 31 March 2023, by this return"));
            Assert.True(section.NeedsAttention);
            Assert.Contains("(please check)", report.ToMarkdown());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_child_who_left_and_came_back_in_the_year_is_an_expected_difference()
    {
        var section = StockFlowReconciliation.Describe(2024, new StockFlow(true, OpeningLastReturn: 10, OpeningThisReturn: 10, Started: 2, Ceased: 3,
            Closing: 10, ReturnedAfterCeasing: 1, CeasedAfterReturning: 0, InCareWithoutStart: 0, LeftWithoutCease: 0, NoLongerInOpening: 0, NewlyInOpening: 0));

        Assert.Equal(9, Figure(section, "= expected"));
        Assert.Equal(1, Figure(section, "+ returned after ceasing"));
        Assert.False(section.NeedsAttention);
        Assert.DoesNotContain(section.Lines, l => l.Label.StartsWith("± not explained", StringComparison.Ordinal));
    }

    [Fact]
    public void Last_years_count_differing_from_this_returns_opening_is_shown_and_flagged()
    {
        var section = StockFlowReconciliation.Describe(2024, new StockFlow(true, OpeningLastReturn: 10, OpeningThisReturn: 11, Started: 0, Ceased: 0,
            Closing: 11, ReturnedAfterCeasing: 0, CeasedAfterReturning: 0, InCareWithoutStart: 0, LeftWithoutCease: 0, NoLongerInOpening: 0, NewlyInOpening: 1));

        Assert.Equal(10, Figure(section, "Looked after at 31 March 2023, by last year's return"));
        Assert.Equal(1, Figure(section, "+ now looked after on 31 March 2023"));
        Assert.True(section.NeedsAttention);
    }
}
