using RegionalWarehouse.Etl.SupportingFamilies;
using RegionalWarehouse.Etl.Validation;

namespace RegionalWarehouse.Tests.SupportingFamilies;

/// <summary>
/// Every Supporting Families rule, specified by example: the hand-written valid fixture
/// (Fixtures/valid-919-2024-Q3, five families) passes every rule, and one small edit makes each fire
/// at the row and column the edit touched.
/// </summary>
public class SfRuleSpecificationTests(MigratedWarehouseFixture warehouse) : IClassFixture<MigratedWarehouseFixture>
{
    private const string File = "sf_919_2024-Q3.csv";

    public sealed record Case(string Rule, string Edit, Action<ReturnFixture> Apply, int? Row, string? Column)
    {
        public override string ToString() => $"{Rule}: {Edit}";
    }

    private static Case C(string rule, string edit, Action<ReturnFixture> apply, int? row, string? column) => new(rule, edit, apply, row, column);

    public static readonly Case[] Cases =
    [
        C("TAB-01", "a second file", f => f.Write("notes.txt", "hello"), null, null),
        C("TAB-02", "no CLAIM_DATE column", f => f.DropColumn(File, "CLAIM_DATE"), 1, "CLAIM_DATE"),
        C("TAB-03", "an extra NOTES column", f => f.AddColumn(File, "NOTES", "x"), 1, "NOTES"),
        C("TAB-04", "a row with a value too many", f => f.Append(File, f.Read(File).Split('\n')[3] + ",extra"), 7, null),
        C("TAB-05", "only the header", f => f.Write(File, f.Read(File).Split('\n')[0] + "\n"), null, null),
        C("TAB-06", "a 5,000-character cell", f => f.Append(File, f.Read(File).Split('\n')[1].Replace(",EARLY_HELP,", $",{new string('E', 5000)},")), null, null),
        C("TAB-07", "an .xlsx that is not a workbook", f =>
        {
            System.IO.File.Delete(Path.Combine(f.Folder, File));
            f.WriteBytes("families.xlsx", [0x50, 0x4b, 0x03, 0x04, 0xde, 0xad, 0xbe, 0xef]);
        }, null, null),
        C("SF-01", "a family without FAMILY_ID", f => f.Set(File, 2, "FAMILY_ID", ""), 2, "FAMILY_ID"),
        C("SF-02", "F1 twice", f => f.Set(File, 3, "FAMILY_ID", "F1"), 3, "FAMILY_ID"),
        C("SF-03", "another LA's code", f => f.Set(File, 2, "LA_CODE", "881"), 2, "LA_CODE"),
        C("SF-04", "ATTACHED_DATE 31/11/2024", f => f.Set(File, 4, "ATTACHED_DATE", "31/11/2024"), 4, "ATTACHED_DATE"),
        C("SF-05", "attached after the quarter", f => f.Set(File, 4, "ATTACHED_DATE", "02/01/2025"), 4, "ATTACHED_DATE"),
        C("SF-06", "service FIRE", f => f.Set(File, 2, "LEAD_PRACTITIONER_SERVICE", "FIRE"), 2, "LEAD_PRACTITIONER_SERVICE"),
        C("SF-07", "three-and-a-half children", f => f.Set(File, 2, "FAMILY_SIZE_CHILDREN", "3.5"), 2, "FAMILY_SIZE_CHILDREN"),
        C("SF-08", "NEED_HOUSING yes", f => f.Set(File, 2, "NEED_HOUSING", "yes"), 2, "NEED_HOUSING"),
        C("SF-09", "F3 with no needs", f => f.Set(File, 4, "NEED_EDUCATION", "N"), 4, "NEED_EDUCATION"),
        C("SF-10", "an outcome for a need not identified", f => f.Set(File, 4, "OUTCOME_HOUSING", "Y").Set(File, 4, "OUTCOME_HOUSING_DATE", "01/11/2024"), 4, "OUTCOME_HOUSING"),
        C("SF-11", "an achieved outcome without its date", f => f.Set(File, 2, "OUTCOME_EDUCATION_DATE", ""), 2, "OUTCOME_EDUCATION_DATE"),
        C("SF-12", "an outcome before attachment", f => f.Set(File, 2, "OUTCOME_EDUCATION_DATE", "01/05/2024"), 2, "OUTCOME_EDUCATION_DATE"),
        C("SF-13", "claim type PBR", f => f.Set(File, 3, "CLAIM_TYPE", "PBR"), 3, "CLAIM_TYPE"),
        C("SF-14", "a claim without its date", f => f.Set(File, 3, "CLAIM_DATE", ""), 3, "CLAIM_DATE"),
        C("SF-15", "an SSP claim with a need still open", f => f.Set(File, 3, "CLAIM_TYPE", "SSP"), 3, "CLAIM_TYPE"),
        C("SF-16", "closed before attachment", f => f.Set(File, 2, "CLOSED_DATE", "01/05/2024"), 2, "CLOSED_DATE"),
        C("SF-17", "closed without a reason", f => f.Set(File, 6, "CLOSURE_REASON", ""), 6, "CLOSURE_REASON"),
        C("SF-18", "a family closed before the quarter", f => f.Set(File, 6, "CLOSED_DATE", "15/09/2024"), 6, "CLOSED_DATE"),
    ];

    public static TheoryData<Case> AllCases() => new(Cases);

    private IReadOnlyList<ValidationIssue> Validate(ReturnFixture fixture, string la = "919") =>
        new SfReturnType().Prepare(SubmissionFiles.From(fixture.Folder), new SubmissionIdentity(la, "SF", "2024-Q3"), warehouse.Warehouse.Engine).Issues;

    [Fact]
    public void The_valid_fixture_passes_every_rule()
    {
        using var fixture = ReturnFixture.Copy("valid-919-2024-Q3", "SupportingFamilies");

        Assert.Empty(Validate(fixture));
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public void Each_rule_fires_where_the_edit_was_made(Case example)
    {
        using var fixture = ReturnFixture.Copy("valid-919-2024-Q3", "SupportingFamilies");
        example.Apply(fixture);

        var issues = Validate(fixture);

        var rule = new SfReturnType().RuleCatalogue.Single(r => r.Code == example.Rule);
        var found = issues.Where(i => i.RuleCode == example.Rule).ToList();
        Assert.True(found.Count > 0, $"{example} did not fire. Issues: {string.Join("; ", issues)}");
        Assert.Contains(found, i => i.Row == example.Row && i.Column == example.Column && i.Severity == rule.Severity);
        Assert.All(found, i => Assert.False(string.IsNullOrWhiteSpace(i.Message)));
    }

    [Fact]
    public void Every_rule_has_a_failing_example()
    {
        var specified = Cases.Select(c => c.Rule).ToHashSet();

        Assert.DoesNotContain(new SfReturnType().RuleCatalogue, r => !specified.Contains(r.Code));
    }

    [Fact]
    public void A_family_id_is_never_echoed_in_a_finding()
    {
        using var fixture = ReturnFixture.Copy("valid-919-2024-Q3", "SupportingFamilies");
        fixture.Set(File, 3, "FAMILY_ID", "F1");

        var duplicate = Assert.Single(Validate(fixture), i => i.RuleCode == "SF-02");

        Assert.Equal("(withheld)", duplicate.Value);
        Assert.DoesNotContain("F1", duplicate.Message);
    }

    [Fact]
    public void Quarters_are_financial_and_belong_to_the_year_they_end()
    {
        var q3 = SfPeriod.Parse("2024-Q3")!;
        var q4 = SfPeriod.Parse("2024-Q4")!;

        Assert.Equal((new DateOnly(2024, 10, 1), new DateOnly(2024, 12, 31), 2025), (q3.Start, q3.End, q3.CollectionYear));
        Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31), 2025), (q4.Start, q4.End, q4.CollectionYear));
        Assert.Null(SfPeriod.Parse("2024-Q5"));
        Assert.Null(SfPeriod.Parse("2024"));
    }
}
