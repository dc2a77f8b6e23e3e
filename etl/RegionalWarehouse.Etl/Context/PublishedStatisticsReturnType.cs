using System.Text.RegularExpressions;
using Rule = RegionalWarehouse.Etl.Tabular.TabularRule<RegionalWarehouse.Etl.Context.ContextReferences>;

namespace RegionalWarehouse.Etl.Context;

/// <summary>
/// Published statistics in the DfE "explore education statistics" open-data CSV layout: the geography
/// columns, then one column per indicator. National, regional and LA rows over many years give England
/// and region comparators (which take precedence over recomputed ones, via ref.published_metric) and
/// history from before the platform. Symbols (c, z, x, :, low, u) are kept as flags, never zeros.
/// The period is a label for the publication, e.g. cla-2025.
/// </summary>
public sealed partial class PublishedStatisticsReturnType : ContextReturnType
{
    public const string ReturnCode = "PUBLISHED";
    private const string Table = "Published statistics";

    public static readonly IReadOnlyList<string> GeographyColumns =
    [
        "TIME_PERIOD", "TIME_IDENTIFIER", "GEOGRAPHIC_LEVEL", "COUNTRY_CODE", "COUNTRY_NAME", "REGION_CODE", "REGION_NAME", "OLD_LA_CODE", "NEW_LA_CODE", "LA_NAME",
    ];

    public override string Code => ReturnCode;

    public override IReadOnlyList<string> FactTables => ["dw.fact_published_statistic"];

    public override TableLayout Layout { get; } = new(Table, GeographyColumns, new HashSet<string>(), AllowOtherColumns: true);

    public override string? CheckPeriod(string period) => PublicationLabel().IsMatch(period)
        ? null
        : $"'{period}' is not a publication label. Use up to 10 letters, digits or hyphens, e.g. cla-2025.";

    [GeneratedRegex("^[A-Za-z0-9-]{1,10}$")]
    private static partial Regex PublicationLabel();

    /// <summary>2024 (a year ending 31 March, or a calendar year) or 202324 (a financial or academic year, which ends in 2024).</summary>
    public static int? CollectionYear(string timePeriod) => timePeriod.Length switch
    {
        4 when int.TryParse(timePeriod, out var y) => y,
        6 when int.TryParse(timePeriod, out var y) && (y / 100 + 1) % 100 == y % 100 => y / 100 + 1,
        _ => null,
    };

    private static string? AreaCode(TableRow row) => row["GEOGRAPHIC_LEVEL"].ToUpperInvariant() switch
    {
        "NATIONAL" => row["COUNTRY_CODE"],
        "REGIONAL" => row["REGION_CODE"],
        "LOCAL AUTHORITY" => row["NEW_LA_CODE"],
        _ => null,
    };

    private static string AreaName(TableRow row) => row["GEOGRAPHIC_LEVEL"].ToUpperInvariant() switch
    {
        "NATIONAL" => row["COUNTRY_NAME"],
        "REGIONAL" => row["REGION_NAME"],
        _ => row["LA_NAME"],
    };

    public override IReadOnlyList<Rule> Rules { get; } =
    [
        new("PUB-01", Severity.Error, Table, "Published statistics are submitted region-wide by the operator.",
            (rows, c) => c.Identity.IsRegionWide ? [] : rows.Take(1).Select(r => new Finding(r, null,
                "Published statistics cover England, its regions and every LA, so the operator submits them under the 'region' folder, not an LA's."))),
        Rule.PerRow("PUB-02", Severity.Error, Table, "GEOGRAPHIC_LEVEL is National, Regional or Local authority.",
            (r, _) => AreaCode(r) is not null ? []
                : [new Finding(r, "GEOGRAPHIC_LEVEL", $"'{r["GEOGRAPHIC_LEVEL"]}' is not National, Regional or Local authority. Remove rows at other levels.")]),
        Rule.PerRow("PUB-03", Severity.Error, Table, "TIME_PERIOD is a year (2024) or a financial/academic year (202324).",
            (r, _) => CollectionYear(r["TIME_PERIOD"]) is not null ? []
                : [new Finding(r, "TIME_PERIOD", $"'{r["TIME_PERIOD"]}' is not a DfE time period. Use 2024, or 202324 for 2023-24.")]),
        Rule.PerRow("PUB-04", Severity.Error, Table, "Each row has the code of its area: COUNTRY_CODE, REGION_CODE or NEW_LA_CODE for its level.",
            (r, _) => AreaCode(r) is "" ? [new Finding(r, r["GEOGRAPHIC_LEVEL"].ToUpperInvariant() switch { "NATIONAL" => "COUNTRY_CODE", "REGIONAL" => "REGION_CODE", _ => "NEW_LA_CODE" },
                "The area code for this row's level is blank. Enter it (e.g. E92000001 for England, E12000006 for the East of England).")] : []),
        new("PUB-05", Severity.Error, Table, "Every indicator value is a number or a DfE symbol (c, z, x, :, low, u); blank means not published.",
            (rows, _) => rows.SelectMany(r => r.Columns.Except(GeographyColumns).Where(c => c.Length > 0)
                .Where(c => !r.IsBlank(c) && r.Number(c) is null && !ContextRules.Symbols.Contains(r[c]))
                .Select(c => new Finding(r, c, $"'{r[c]}' is neither a number nor a DfE symbol. Use a plain number, or c (suppressed), z (not applicable), x or : (not available), low, u.")))),
        new("PUB-06", Severity.Error, Table, "Each level, area and time period appears once.",
            (rows, _) => TabularValidation.Duplicates(rows, r => $"{r["GEOGRAPHIC_LEVEL"].ToUpperInvariant()}|{AreaCode(r)}|{r["TIME_PERIOD"]}", "TIME_PERIOD",
                first => $"This area and time period is already on row {first.Row}. Keep one row per area and period (filter the file to one breakdown).")),
    ];

    protected override long Load(LoadContext load, ContextReferences context, IReadOnlyList<TableRow> rows)
    {
        using var writer = load.Writer.Open("dw", "fact_published_statistic",
            ["submission_id", "collection_year", "time_period", "geographic_level", "area_code", "la_code", "area_name", "indicator", "value", "symbol"]);
        foreach (var row in rows)
        {
            var level = row["GEOGRAPHIC_LEVEL"].ToUpperInvariant() switch { "NATIONAL" => "National", "REGIONAL" => "Regional", _ => "Local authority" };
            foreach (var column in row.Columns.Except(GeographyColumns).Where(c => c.Length > 0 && !row.IsBlank(c)))
                writer.Add(load.SubmissionId, (short)CollectionYear(row["TIME_PERIOD"])!.Value, row["TIME_PERIOD"], level, AreaCode(row),
                    level == "Local authority" && !row.IsBlank("OLD_LA_CODE") ? row["OLD_LA_CODE"] : null, AreaName(row), column.ToLowerInvariant(),
                    row.Number(column), row.Number(column) is null ? row[column].ToLowerInvariant() : null);
        }
        return writer.Count;
    }
}
