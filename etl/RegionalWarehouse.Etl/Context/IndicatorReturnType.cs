using Rule = RegionalWarehouse.Etl.Tabular.TabularRule<RegionalWarehouse.Etl.Context.ContextReferences>;

namespace RegionalWarehouse.Etl.Context;

/// <summary>
/// The generic long format for any other LA-level figure: la_code, period, indicator_code, value, unit,
/// source. Indicators must be described in ref.indicator (ReferenceData/indicators.csv) first.
/// </summary>
public sealed class IndicatorReturnType : ContextReturnType
{
    public const string ReturnCode = "INDICATORS";
    private const string Table = "Indicators";

    public override string Code => ReturnCode;

    public override IReadOnlyList<string> FactTables => ["dw.fact_indicator"];

    public override TableLayout Layout { get; } = TableLayout.Of(Table, "LA_CODE", "PERIOD", "INDICATOR_CODE", "VALUE", "UNIT", "SOURCE");

    public override string? CheckPeriod(string period) => ContextRules.CheckYearPeriod(period, "2024");

    public override IReadOnlyList<Rule> Rules { get; } =
    [
        .. ContextRules.LaRules("IND", Table, "LA_CODE"),
        Rule.PerRow("IND-03", Severity.Error, Table, "PERIOD is a year (for a financial or academic year, the year it ends).",
            (r, _) => ContextRules.CheckYearPeriod(r["PERIOD"], "2024 for 2023-24") is { } problem ? [new Finding(r, "PERIOD", problem)] : []),
        Rule.PerRow("IND-04", Severity.Error, Table, "INDICATOR_CODE is described in the indicator reference table.",
            (r, c) => c.Indicators.ContainsKey(r["INDICATOR_CODE"]) ? []
                : [new Finding(r, "INDICATOR_CODE", $"'{r["INDICATOR_CODE"]}' is not a known indicator. Use one of {string.Join(", ", c.Indicators.Keys.Order())}, or ask the platform operator to add it to the indicator reference table.")]),
        Rule.PerRow("IND-05", Severity.Error, Table, "VALUE is a number or a suppression symbol (c, z, x, :, low, u).",
            (r, _) => r.Number("VALUE") is not null || ContextRules.Symbols.Contains(r["VALUE"]) ? []
                : [new Finding(r, "VALUE", $"VALUE '{r["VALUE"]}' is neither a number nor a symbol. Enter a number without commas or units (e.g. 12.5), or c / z / x / : / low / u.")]),
        Rule.PerRow("IND-06", Severity.Warning, Table, "UNIT is the indicator's unit in the reference table.",
            (r, c) => c.Indicators.TryGetValue(r["INDICATOR_CODE"], out var definition) && !string.Equals(definition.Unit, r["UNIT"], StringComparison.OrdinalIgnoreCase)
                ? [new Finding(r, "UNIT", $"UNIT '{r["UNIT"]}' differs from '{definition.Unit}', the unit of {definition.Code}. The value is loaded as {definition.Unit}; check it is in that unit.")]
                : []),
        new("IND-07", Severity.Error, Table, "Each LA, period and indicator appears once.",
            (rows, c) => TabularValidation.Duplicates(rows, r => $"{c.Las.Find(r["LA_CODE"])?.DfeCode ?? r["LA_CODE"]}|{r["PERIOD"]}|{r["INDICATOR_CODE"].ToLowerInvariant()}", "INDICATOR_CODE",
                first => $"This LA, period and indicator is already on row {first.Row}. Keep one value.")),
    ];

    protected override long Load(LoadContext load, ContextReferences context, IReadOnlyList<TableRow> rows)
    {
        using var writer = load.Writer.Open("dw", "fact_indicator", ["submission_id", "la_key", "period", "indicator_code", "value", "symbol", "source"]);
        foreach (var (row, la) in PlatformRows(context, rows, "LA_CODE"))
            writer.Add(load.SubmissionId, la.LaKey, short.Parse(row["PERIOD"]), row["INDICATOR_CODE"].ToLowerInvariant(), row.Number("VALUE"),
                row.Number("VALUE") is null ? row["VALUE"].ToLowerInvariant() : null, row.IsBlank("SOURCE") ? null : row["SOURCE"]);
        return writer.Count;
    }
}
