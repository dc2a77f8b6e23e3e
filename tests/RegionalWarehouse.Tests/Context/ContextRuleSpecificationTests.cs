using RegionalWarehouse.Etl.Context;
using RegionalWarehouse.Etl.Validation;

namespace RegionalWarehouse.Tests.Context;

/// <summary>
/// Every rule of the contextual returns (population, deprivation, indicators, published statistics),
/// specified by example: each hand-written fixture passes, and one small edit makes each rule fire where it was made.
/// </summary>
public class ContextRuleSpecificationTests(MigratedWarehouseFixture warehouse) : IClassFixture<MigratedWarehouseFixture>
{
    private const string Region = SubmissionIdentity.RegionWide;

    public sealed record Kind(ContextReturnType Type, string Fixture, string File, string La, string Period)
    {
        public override string ToString() => Type.Code;
    }

    private static readonly Kind Population = new(new PopulationReturnType(), "population", "population.csv", Region, "2024");
    private static readonly Kind Imd = new(new DeprivationReturnType(), "imd", "imd2019.csv", Region, "2019");
    private static readonly Kind Indicators = new(new IndicatorReturnType(), "indicators", "indicators.csv", "919", "2024");
    private static readonly Kind Published = new(new PublishedStatisticsReturnType(), "published", "cla_published.csv", Region, "cla-2024");
    private static readonly Kind[] Kinds = [Population, Imd, Indicators, Published];

    public sealed record Case(Kind Kind, string Rule, string Edit, Func<Kind, Kind> Identity, Action<ReturnFixture, string> Apply, int? Row, string? Column)
    {
        public override string ToString() => $"{Kind} {Rule}: {Edit}";
    }

    private static Case C(Kind kind, string rule, string edit, Action<ReturnFixture, string> apply, int? row, string? column, Func<Kind, Kind>? identity = null) =>
        new(kind, rule, edit, identity ?? (k => k), apply, row, column);

    public static readonly Case[] Cases =
    [
        C(Population, "POP-01", "a code that is no LA code", (f, file) => f.Set(file, 2, "ons_code", "HERTS"), 2, "ONS_CODE"),
        C(Population, "POP-02", "a row for Hartlepool", (f, file) => f.Append(file, "E06000001,2023,1,5,500"), 8, "ONS_CODE"),
        C(Population, "POP-03", "a year after the release", (f, file) => f.Set(file, 2, "year", "2025"), 2, "YEAR"),
        C(Population, "POP-04", "sex M", (f, file) => f.Set(file, 2, "sex", "M"), 2, "SEX"),
        C(Population, "POP-05", "age 91", (f, file) => f.Set(file, 2, "age", "91"), 2, "AGE"),
        C(Population, "POP-06", "a negative population", (f, file) => f.Set(file, 2, "population", "-4"), 2, "POPULATION"),
        C(Population, "POP-07", "the same age twice", (f, file) => f.Append(file, "E10000015,2023,1,0,6001"), 8, "AGE"),
        C(Population, "POP-01", "another LA's row in Hertfordshire's own file", (f, file) => f.Set(file, 7, "ons_code", "E10000015").Set(file, 2, "ons_code", "E10000012"), 2, "ONS_CODE",
            k => k with { La = "919" }),

        C(Imd, "IMD-01", "a blank LA code", (f, file) => f.Set(file, 2, "la_code", ""), 2, "LA_CODE"),
        C(Imd, "IMD-02", "a non-platform LA", (f, file) => f.Append(file, "E06000001,35.0,10,0.2,0.25,12"), 4, "LA_CODE"),
        C(Imd, "IMD-03", "an IDACI score of 14", (f, file) => f.Set(file, 2, "idaci_average_score", "14"), 2, "IDACI_AVERAGE_SCORE"),
        C(Imd, "IMD-04", "rank 0", (f, file) => f.Set(file, 3, "imd_rank_of_average_score", "0"), 3, "IMD_RANK_OF_AVERAGE_SCORE"),
        C(Imd, "IMD-05", "a percentage where a proportion belongs", (f, file) => f.Set(file, 2, "imd_proportion_lsoas_most_deprived_10pct", "3"), 2, "IMD_PROPORTION_LSOAS_MOST_DEPRIVED_10PCT"),
        C(Imd, "IMD-06", "Hertfordshire by DfE and ONS code", (f, file) => f.Set(file, 3, "la_code", "919"), 3, "LA_CODE"),

        C(Indicators, "IND-01", "Essex's row in Hertfordshire's file", (f, file) => f.Set(file, 2, "la_code", "881"), 2, "LA_CODE"),
        C(Indicators, "IND-02", "a non-platform LA in a region-wide file", (f, file) => f.Set(file, 2, "la_code", "E06000001"), 2, "LA_CODE", k => k with { La = Region }),
        C(Indicators, "IND-03", "period 2023-24", (f, file) => f.Set(file, 2, "period", "2023-24"), 2, "PERIOD"),
        C(Indicators, "IND-04", "an undescribed indicator", (f, file) => f.Set(file, 2, "indicator_code", "happiness"), 2, "INDICATOR_CODE"),
        C(Indicators, "IND-05", "a value with a unit", (f, file) => f.Set(file, 2, "value", "12.5%"), 2, "VALUE"),
        C(Indicators, "IND-06", "unit rate", (f, file) => f.Set(file, 2, "unit", "rate"), 2, "UNIT"),
        C(Indicators, "IND-07", "the same value twice", (f, file) => f.Set(file, 3, "period", "2024"), 3, "INDICATOR_CODE"),

        C(Published, "PUB-01", "published statistics in an LA's folder", (_, _) => { }, 2, null, k => k with { La = "919" }),
        C(Published, "PUB-02", "a local authority district row", (f, file) => f.Set(file, 4, "geographic_level", "Local authority district"), 4, "GEOGRAPHIC_LEVEL"),
        C(Published, "PUB-03", "time period 2023/24", (f, file) => f.Set(file, 5, "time_period", "2023/24"), 5, "TIME_PERIOD"),
        C(Published, "PUB-04", "a regional row without its code", (f, file) => f.Set(file, 3, "region_code", ""), 3, "REGION_CODE"),
        C(Published, "PUB-05", "a value 'n/a'", (f, file) => f.Set(file, 2, "cla_rate_per_10000", "n/a"), 2, "CLA_RATE_PER_10000"),
        C(Published, "PUB-06", "England 2024 twice", (f, file) => f.Set(file, 5, "time_period", "2024"), 5, "TIME_PERIOD"),
    ];

    public static TheoryData<Case> AllCases() => new(Cases);

    public static TheoryData<string> KindNames() => new(Kinds.Select(k => k.Type.Code));

    private IReadOnlyList<ValidationIssue> Validate(Kind kind, ReturnFixture fixture) =>
        kind.Type.Prepare(SubmissionFiles.From(fixture.Folder), new SubmissionIdentity(kind.La, kind.Type.Code, kind.Period), warehouse.Warehouse.Engine).Issues;

    [Theory]
    [MemberData(nameof(KindNames))]
    public void Each_valid_fixture_passes_every_rule(string code)
    {
        var kind = Kinds.Single(k => k.Type.Code == code);
        using var fixture = ReturnFixture.Copy(kind.Fixture, "Context");

        Assert.Empty(Validate(kind, fixture));
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public void Each_rule_fires_where_the_edit_was_made(Case example)
    {
        var kind = example.Identity(example.Kind);
        using var fixture = ReturnFixture.Copy(kind.Fixture, "Context");
        example.Apply(fixture, kind.File);

        var issues = Validate(kind, fixture);

        var rule = kind.Type.RuleCatalogue.Single(r => r.Code == example.Rule);
        var found = issues.Where(i => i.RuleCode == example.Rule).ToList();
        Assert.True(found.Count > 0, $"{example} did not fire. Issues: {string.Join("; ", issues)}");
        Assert.Contains(found, i => i.Row == example.Row && i.Column == example.Column && i.Severity == rule.Severity);
    }

    [Fact]
    public void Every_contextual_rule_has_a_failing_example()
    {
        var specified = Cases.Select(c => c.Rule).ToHashSet();

        Assert.All(Kinds.SelectMany(k => k.Type.Rules), r => Assert.Contains(r.Info.Code, specified));
    }

    [Theory]
    [InlineData("2024", 2024)]
    [InlineData("202324", 2024)]
    [InlineData("201920", 2020)]
    [InlineData("202325", null)]
    [InlineData("2023/24", null)]
    public void Dfe_time_periods_map_to_the_year_they_end(string timePeriod, int? year) =>
        Assert.Equal(year, PublishedStatisticsReturnType.CollectionYear(timePeriod));
}
