using RegionalWarehouse.Etl.Ssda903;
using RegionalWarehouse.Synthetic.Ssda903;

namespace RegionalWarehouse.Tests.Ssda903;

/// <summary>A return is checked against the LA's previous year as the warehouse holds it, child by child, by pseudonym.</summary>
public class PreviousYearTests : IDisposable
{
    private readonly PipelineHarness _harness = new();
    private readonly string _root = Directory.CreateTempSubdirectory("rw-previous-").FullName;

    private static (GeneratedReturn Last, GeneratedReturn Current) TwoYears()
    {
        var years = Ssda903Generator.Generate(new GeneratorRequest(["919"], 2023, 2024, Seed: 4, Scale: 0.2)).ToList();
        return (years[0], years[1]);
    }

    private static readonly string[] PreviousYearRules = ["HDR-12", "HDR-13", "HDR-14", "HDR-15", "EPI-62"];

    private string Write(GeneratedReturn generated) => Ssda903Generator.Write(generated, _root, Guid.NewGuid().ToString("N"));

    [Fact]
    public void Consecutive_consistent_returns_raise_no_previous_year_finding()
    {
        var (last, current) = TwoYears();
        Assert.Equal(SubmissionStates.Loaded, _harness.Ingest903(Write(last), year: "2023").Outcome);

        var report = _harness.Ingest903(Write(current));

        Assert.Equal(SubmissionStates.Loaded, report.Outcome);
    }

    [Fact]
    public void A_child_whose_sex_changed_since_last_years_return_is_flagged_with_the_las_own_id()
    {
        var (last, current) = TwoYears();
        Assert.Equal(SubmissionStates.Loaded, _harness.Ingest903(Write(last), year: "2023").Outcome);
        var header = current[Ssda903Schema.Header];
        var lastYearsChildren = last[Ssda903Schema.Header].Rows.Select(r => r[0]).ToHashSet();
        var row = header.Rows.First(r => lastYearsChildren.Contains(r[0]));
        row[header.Column("SEX")] = row[header.Column("SEX")] == "1" ? "2" : "1";

        var report = _harness.Ingest903(Write(current));

        var finding = Assert.Single(report.Issues, i => i.RuleCode == "HDR-12");
        Assert.Equal((row[0], "SEX"), (finding.Child, finding.Column));
    }

    [Fact]
    public void An_episode_left_open_last_year_must_start_on_the_same_day_this_year()
    {
        var (last, current) = TwoYears();
        Assert.Equal(SubmissionStates.Loaded, _harness.Ingest903(Write(last), year: "2023").Outcome);
        var lastEpisodes = last[Ssda903Schema.Episodes];
        var openLastYear = lastEpisodes.Rows.Where(r => r[lastEpisodes.Column("DEC")].Length == 0).Select(r => r[0]).ToHashSet();
        var episodes = current[Ssda903Schema.Episodes];
        var first = episodes.Rows.First(r => openLastYear.Contains(r[0]));
        var decom = episodes.Column("DECOM");
        first[decom] = RegionalWarehouse.Etl.Csv.DateValue.Format(RegionalWarehouse.Etl.Csv.DateValue.Parse(first[decom])!.Value.AddDays(1));

        var report = _harness.Ingest903(Write(current));

        var finding = Assert.Single(report.Issues, i => i.RuleCode == "EPI-62");
        Assert.Equal((first[0], "DECOM"), (finding.Child, finding.Column));
    }

    [Fact]
    public void Without_last_years_return_in_the_warehouse_there_is_nothing_to_disagree_with()
    {
        var (_, current) = TwoYears();
        var header = current[Ssda903Schema.Header];
        header.Rows[0][header.Column("SEX")] = header.Rows[0][header.Column("SEX")] == "1" ? "2" : "1";

        var report = _harness.Ingest903(Write(current));

        Assert.DoesNotContain(report.Issues, i => PreviousYearRules.Contains(i.RuleCode));
    }

    public void Dispose()
    {
        _harness.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}
