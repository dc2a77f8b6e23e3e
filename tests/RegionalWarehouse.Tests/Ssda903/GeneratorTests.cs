using RegionalWarehouse.Etl.Csv;
using RegionalWarehouse.Etl.Ssda903;
using RegionalWarehouse.Synthetic.Ssda903;

namespace RegionalWarehouse.Tests.Ssda903;

public class GeneratorTests
{
    private static readonly string[] Region = ["821", "822", "823", "873", "874", "881", "882", "883", "919", "926", "935"];

    private static string Fingerprint(GeneratorRequest request) =>
        string.Join("|", Ssda903Generator.Generate(request).SelectMany(r => r.Tables.Values.SelectMany(t => t.Rows.Select(row => string.Join(",", row)))));

    [Fact]
    public void The_same_seed_generates_the_same_returns_and_another_seed_does_not()
    {
        var request = new GeneratorRequest(["919"], 2023, 2024, Seed: 7, Scale: 0.2);

        Assert.Equal(Fingerprint(request), Fingerprint(request));
        Assert.NotEqual(Fingerprint(request), Fingerprint(request with { Seed = 8 }));
    }

    [Fact]
    public void Each_la_is_generated_at_its_own_scale()
    {
        var returns = Ssda903Generator.Generate(new GeneratorRequest(["881", "822"], 2024, 2024, Scale: 0.5)).ToList();

        var essex = returns.Single(r => r.LaCode == "881")[Ssda903Schema.Header].Rows.Count;
        var bedford = returns.Single(r => r.LaCode == "822")[Ssda903Schema.Header].Rows.Count;
        Assert.InRange(essex / (double)bedford, 2.5, 6.5);
    }

    [Fact]
    public void A_generated_year_has_every_kind_of_record_a_real_return_has()
    {
        var result = Ssda903Generator.Generate(new GeneratorRequest(["881"], 2024, 2024)).Single();

        foreach (var table in result.Tables.Keys)
            Assert.True(result[table].Rows.Count > 0, $"no {table.Name} rows");
        var episodes = result[Ssda903Schema.Episodes];
        var rnes = episodes.Rows.Select(r => r[episodes.Column("RNE")]).ToHashSet();
        Assert.Superset(new HashSet<string> { "S", "L", "P", "B" }, rnes);
        Assert.Contains(episodes.Rows, r => r[episodes.Column("REC")] is "E11" or "E12");
        Assert.Contains(episodes.Rows, r => r[episodes.Column("REC")] is "E45" or "E47");
    }

    [Fact]
    public void Social_worker_episodes_are_generated_from_2023_24_for_every_child_looked_after_on_31_march()
    {
        var returns = Ssda903Generator.Generate(new GeneratorRequest(["919"], 2023, 2024, Scale: 0.3)).ToList();
        var (before, first) = (returns[0], returns[1]);

        Assert.False(before.Tables.ContainsKey(Ssda903Schema.SocialWorkerEpisodes));
        var episodes = first[Ssda903Schema.Episodes];
        var lookedAfterOn31March = episodes.Rows.Where(r => r[episodes.Column("DEC")] == "").Select(r => r[0]).ToHashSet();
        var workers = first[Ssda903Schema.SocialWorkerEpisodes];
        Assert.Equal(lookedAfterOn31March, workers.Rows.Select(r => r[0]).ToHashSet());
        // Each child's latest episode is open at 31 March (DfE SW17) and workers change during the year too.
        Assert.All(workers.Rows.GroupBy(r => r[0]), child => Assert.Equal("", child.MaxBy(r => DateValue.Parse(r[workers.Column("SW_DECOM")]))![workers.Column("SW_DEC")]));
        Assert.Contains(workers.Rows, r => r[workers.Column("SW_DEC")] != "");
    }

    [Fact]
    public void Every_members_last_four_years_ingest_cleanly()
    {
        // Only the findings matter here: the marts are refreshed by other tests, not after each of 44 loads. The four years
        // span the rule sets since 2021/22 and social worker episodes (from 2023/24); all seven years load clean for four
        // LAs in IndependentReferenceTests' history, and the demo loads every member's seven.
        using var harness = new PipelineHarness(refreshAfterEachLoad: false);
        var root = Path.Combine(harness.Warehouse.Folder, "landing");

        var outcomes = Ssda903Generator.Generate(new GeneratorRequest(Region, 2022, 2025, Seed: 3, Scale: 0.03))
            .Select(r => (r.LaCode, r.Year, Report: harness.Ingest903(Ssda903Generator.Write(r, root), r.LaCode, r.Year.ToString())))
            .ToList();

        Assert.Equal(44, outcomes.Count);
        // Clean: no finding from any rule. (Thurrock's agreement withholds two fields, which its reports say, SUB-10.)
        Assert.All(outcomes, o => Assert.True(o.Report.Issues.All(i => i.RuleCode == "SUB-10") && o.Report.ErrorCount == 0,
            $"{o.LaCode} {o.Year}: {o.Report.Outcome}: {string.Join("; ", o.Report.Issues.Take(5))}"));
        Assert.Equal(44, harness.Count("etl.submission", "is_current"));
    }

    public static TheoryData<string> ErrorKinds() => new(ErrorInjection.Kinds.Select(k => k.Name));

    [Theory]
    [MemberData(nameof(ErrorKinds))]
    public void Each_injected_error_is_caught_with_its_rule_and_location_and_only_file_problems_reject_the_return(string kind)
    {
        using var harness = new PipelineHarness();
        var expected = ErrorInjection.Find(kind);
        var generated = Ssda903Generator.Generate(new GeneratorRequest(["919"], 2024, 2024, Seed: 5, Scale: 0.1, InjectError: kind)).Single();
        var folder = Ssda903Generator.Write(generated, Path.Combine(harness.Warehouse.Folder, "landing"));

        var report = harness.Ingest903(folder);

        var issue = Assert.Single(report.Issues, i => i.RuleCode == expected.ExpectedRule);
        Assert.NotNull(issue.File);
        Assert.NotNull(issue.Row);
        if (expected.ExpectedRule.StartsWith("FILE-"))
        {
            Assert.Equal(SubmissionStates.Rejected, report.Outcome);
            Assert.Equal(0, harness.Count("dw.fact_cla_episode"));
        }
        else
        {
            // One child's record error in a return of about a hundred: it loads, with the record flagged for the LA.
            Assert.Equal(SubmissionStates.LoadedWithErrors, report.Outcome);
            Assert.NotNull(issue.Child);
            Assert.True(harness.Count("dw.fact_cla_episode") > 0);
        }
    }

    [Fact]
    public void A_mistake_that_cannot_be_made_in_an_earlier_year_is_planted_only_where_it_can_be()
    {
        // P2 was withdrawn on 28 October 2023: a 2022/23 return cannot use it after that date, so it stays clean.
        var returns = Ssda903Generator.Generate(new GeneratorRequest(["919"], 2023, 2024, Seed: 5, Scale: 0.1, InjectError: "withdrawn-placement")).ToList();

        Assert.Equal([2023, 2024], returns.Select(r => r.Year));
        var episodes = returns.Single(r => r.Year == 2024)[RegionalWarehouse.Etl.Ssda903.Ssda903Schema.Episodes];
        Assert.Contains(episodes.Rows, row => row[episodes.Column("PLACE")] == "P2"
            && RegionalWarehouse.Etl.Csv.DateValue.Parse(row[episodes.Column("DECOM")]) >= new DateOnly(2023, 11, 1));
    }

    [Fact]
    public void An_sdq_planted_for_a_child_under_4_is_a_score_on_a_young_childs_record_whose_dob_agrees_with_the_header()
    {
        var generated = Ssda903Generator.Generate(new GeneratorRequest(["919"], 2024, 2024, Seed: 5, Scale: 0.3, InjectError: "sdq-too-young")).Single();
        var oc2 = generated[RegionalWarehouse.Etl.Ssda903.Ssda903Schema.Oc2];
        var header = generated[RegionalWarehouse.Etl.Ssda903.Ssda903Schema.Header];

        var planted = Assert.Single(oc2.Rows, row => row[oc2.Column("SDQ_SCORE")] == "12"
            && RegionalWarehouse.Etl.Privacy.Degrade.AgeOn(RegionalWarehouse.Etl.Csv.DateValue.Parse(row[oc2.Column("DOB")])!.Value, new DateOnly(2024, 3, 31)) < 4);
        var child = planted[oc2.Column("CHILD")];
        Assert.Equal(header.Rows.Single(h => h[header.Column("CHILD")] == child)[header.Column("DOB")], planted[oc2.Column("DOB")]);
    }
}
