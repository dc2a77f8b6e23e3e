using Rule = RegionalWarehouse.Etl.Tabular.TabularRule<RegionalWarehouse.Etl.Context.ContextReferences>;

namespace RegionalWarehouse.Etl.Context;

/// <summary>
/// ONS mid-year population estimates by LA, single year of age and sex (long format). Every "per 10,000
/// children" rate divides by these. The period is the release (e.g. 2024); a file may hold several mid-years.
/// </summary>
public sealed class PopulationReturnType : ContextReturnType
{
    public const string ReturnCode = "POPULATION";
    private const string Table = "Population";

    public override string Code => ReturnCode;

    public override IReadOnlyList<string> FactTables => ["dw.fact_population"];

    public override TableLayout Layout { get; } = TableLayout.Of(Table, "ONS_CODE", "YEAR", "SEX", "AGE", "POPULATION");

    public override string? CheckPeriod(string period) => ContextRules.CheckYearPeriod(period, "2024 for the mid-2024 release");

    public override IReadOnlyList<Rule> Rules { get; } =
    [
        .. ContextRules.LaRules("POP", Table, "ONS_CODE"),
        Rule.PerRow("POP-03", Severity.Error, Table, "YEAR is a mid-year from 1990 up to the release year.",
            (r, c) => ContextRules.Number(r, "YEAR", 1990, int.Parse(c.Identity.Period), whole: true, c.Identity.Period)),
        Rule.PerRow("POP-04", Severity.Error, Table, "SEX is 1 (male) or 2 (female), as ONS codes it.",
            (r, _) => r["SEX"] is "1" or "2" ? [] : [new Finding(r, "SEX", $"SEX '{r["SEX"]}' is not 1 (male) or 2 (female). Use the ONS codes.")]),
        Rule.PerRow("POP-05", Severity.Error, Table, "AGE is a whole number 0–90 (90 means 90 and over).",
            (r, _) => ContextRules.Number(r, "AGE", 0, 90, whole: true, "17")),
        Rule.PerRow("POP-06", Severity.Error, Table, "POPULATION is a whole number, zero or more.",
            (r, _) => ContextRules.Number(r, "POPULATION", 0, 10_000_000, whole: true, "5321")),
        new("POP-07", Severity.Error, Table, "Each LA, year, sex and age appears once.",
            (rows, _) => TabularValidation.Duplicates(rows, r => $"{r["ONS_CODE"].ToUpperInvariant()}|{r["YEAR"]}|{r["SEX"]}|{r["AGE"]}", "AGE",
                first => $"This LA, year, sex and age is already on row {first.Row}. Remove the duplicate.")),
    ];

    protected override long Load(LoadContext load, ContextReferences context, IReadOnlyList<TableRow> rows)
    {
        using var writer = load.Writer.Open("dw", "fact_population", ["submission_id", "la_key", "mid_year", "sex", "age", "population"]);
        foreach (var (row, la) in PlatformRows(context, rows, "ONS_CODE"))
            writer.Add(load.SubmissionId, la.LaKey, (short)row.Number("YEAR")!.Value, short.Parse(row["SEX"]), (short)row.Number("AGE")!.Value, (int)row.Number("POPULATION")!.Value);
        return writer.Count;
    }
}
