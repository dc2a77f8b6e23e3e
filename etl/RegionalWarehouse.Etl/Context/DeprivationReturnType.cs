using Rule = RegionalWarehouse.Etl.Tabular.TabularRule<RegionalWarehouse.Etl.Context.ContextReferences>;

namespace RegionalWarehouse.Etl.Context;

/// <summary>
/// The English Indices of Deprivation summarised for upper-tier LAs (IMD and IDACI). The period is the
/// edition (2019). Loaded as indicators (ref.indicator imd_* and idaci_*) so they correlate like any other.
/// </summary>
public sealed class DeprivationReturnType : ContextReturnType
{
    public const string ReturnCode = "IMD";
    private const string Table = "Deprivation";

    /// <summary>File column → indicator code, and the factor that puts it in the indicator's unit.</summary>
    private static readonly (string Column, string Indicator, double Scale)[] Measures =
    [
        ("IMD_AVERAGE_SCORE", "imd_average_score", 1),
        ("IMD_RANK_OF_AVERAGE_SCORE", "imd_rank_average_score", 1),
        ("IMD_PROPORTION_LSOAS_MOST_DEPRIVED_10PCT", "imd_pct_lsoas_most_deprived_10", 100),
        ("IDACI_AVERAGE_SCORE", "idaci_average_score", 1),
        ("IDACI_RANK_OF_AVERAGE_SCORE", "idaci_rank_average_score", 1),
    ];

    public override string Code => ReturnCode;

    public override IReadOnlyList<string> FactTables => ["dw.fact_indicator"];

    public override TableLayout Layout { get; } = TableLayout.Of(Table, ["LA_CODE", .. Measures.Select(m => m.Column)]);

    public override string? CheckPeriod(string period) => ContextRules.CheckYearPeriod(period, "2019 for IMD 2019");

    public override IReadOnlyList<Rule> Rules { get; } =
    [
        .. ContextRules.LaRules("IMD", Table, "LA_CODE"),
        Rule.PerRow("IMD-03", Severity.Error, Table, "IMD_AVERAGE_SCORE is a number 0–100 and IDACI_AVERAGE_SCORE a proportion 0–1.",
            (r, _) => ContextRules.Number(r, "IMD_AVERAGE_SCORE", 0, 100, whole: false, "21.6")
                .Concat(ContextRules.Number(r, "IDACI_AVERAGE_SCORE", 0, 1, whole: false, "0.152"))),
        Rule.PerRow("IMD-04", Severity.Error, Table, "The ranks are whole numbers 1–400 (1 = most deprived).",
            (r, _) => ContextRules.Number(r, "IMD_RANK_OF_AVERAGE_SCORE", 1, 400, whole: true, "98")
                .Concat(ContextRules.Number(r, "IDACI_RANK_OF_AVERAGE_SCORE", 1, 400, whole: true, "101"))),
        Rule.PerRow("IMD-05", Severity.Error, Table, "IMD_PROPORTION_LSOAS_MOST_DEPRIVED_10PCT is a proportion 0–1.",
            (r, _) => ContextRules.Number(r, "IMD_PROPORTION_LSOAS_MOST_DEPRIVED_10PCT", 0, 1, whole: false, "0.045")),
        new("IMD-06", Severity.Error, Table, "Each LA appears once.",
            (rows, c) => TabularValidation.Duplicates(rows, r => c.Las.Find(r["LA_CODE"])?.DfeCode ?? r["LA_CODE"].ToUpperInvariant(), "LA_CODE",
                first => $"This LA is already on row {first.Row}. Keep one row per LA.")),
    ];

    protected override long Load(LoadContext load, ContextReferences context, IReadOnlyList<TableRow> rows)
    {
        using var writer = load.Writer.Open("dw", "fact_indicator", ["submission_id", "la_key", "period", "indicator_code", "value", "symbol", "source"]);
        var edition = short.Parse(load.Identity.Period);
        foreach (var (row, la) in PlatformRows(context, rows, "LA_CODE"))
            foreach (var (column, indicator, scale) in Measures)
                writer.Add(load.SubmissionId, la.LaKey, edition, indicator, row.Number(column)!.Value * scale, null, $"English Indices of Deprivation {edition}");
        return writer.Count;
    }
}
