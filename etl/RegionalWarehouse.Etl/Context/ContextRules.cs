using System.Globalization;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Context;

/// <summary>What the contextual rules check a file against: who submitted it, the LAs the platform knows and the indicators it describes.</summary>
public sealed record ContextReferences(SubmissionIdentity Identity, LaDirectory Las, IReadOnlyDictionary<string, IndicatorDefinition> Indicators);

public sealed record IndicatorDefinition(string Code, string Name, string Unit, string Polarity);

/// <summary>Checks the contextual return types share: which LA a row is for, and numbers in range.</summary>
public static class ContextRules
{
    /// <summary>Symbols the DfE and ONS use in place of a number; kept as flags, never turned into 0.</summary>
    public static readonly IReadOnlySet<string> Symbols = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "c", "z", "x", ":", "low", "u" };

    /// <summary>
    /// The LA column names a platform LA (DfE or ONS code). An LA's own file may only hold its own rows
    /// (an error otherwise); a region-wide file may hold other LAs', which are skipped with one warning per code.
    /// </summary>
    public static IEnumerable<TabularRule<ContextReferences>> LaRules(string prefix, string table, string column) =>
    [
        new($"{prefix}-01", Severity.Error, table, $"{column} is a platform LA's DfE or ONS code and, in an LA's own submission, that LA's.",
            (rows, c) => rows.SelectMany(r =>
            {
                var code = r[column];
                if (code.Length == 0)
                    return [new Finding(r, column, $"{column} is blank. Enter the LA's DfE code (e.g. 919) or ONS code (e.g. E10000015).")];
                var la = c.Las.Find(code);
                if (c.Identity.IsRegionWide)
                    return la is not null || LooksLikeLaCode(code) ? [] : new[] { new Finding(r, column, $"'{code}' is neither a DfE (3-digit) nor an ONS (E06000032-style) LA code. Correct it.") };
                return la?.DfeCode == c.Identity.LaCode ? []
                    : new[] { new Finding(r, column, $"'{code}' is not {c.Identity.LaCode}, the LA this file was submitted for. An LA's file holds only its own rows; region-wide files go in the 'region' folder.") };
            })),
        new($"{prefix}-02", Severity.Warning, table, $"Rows for authorities outside the platform (in a region-wide file) are skipped, one warning per code.",
            (rows, c) => c.Identity.IsRegionWide
                ? rows.Where(r => r[column].Length > 0 && c.Las.Find(r[column]) is null && LooksLikeLaCode(r[column]))
                    .GroupBy(r => r[column].ToUpperInvariant())
                    .Select(g => new Finding(g.First(), column, $"{g.Key} is not one of the platform's LAs; its {g.Count()} row(s) are skipped."))
                : []),
    ];

    private static bool LooksLikeLaCode(string code) =>
        code.Length == 3 && code.All(char.IsDigit) || code.Length == 9 && code[0] is 'E' or 'W' or 'S' or 'N' && code[1..].All(char.IsDigit);

    public static IEnumerable<Finding> Number(TableRow row, string column, double min, double max, bool whole, string example)
    {
        var n = row.Number(column);
        if (n is null || n < min || n > max || whole && n != Math.Floor(n.Value))
            return [new Finding(row, column, $"{column} '{row[column]}' is not {(whole ? "a whole number" : "a number")} from {min:0.##} to {max:0.##}. Enter e.g. {example}.")];
        return [];
    }

    /// <summary>A year in the form 2024 (not 2023-24 or 2023/24).</summary>
    public static string? CheckYearPeriod(string period, string example) =>
        PeriodText.Year(period, 1990) is { } year && year.ToString(CultureInfo.InvariantCulture) == period
            ? null
            : $"'{period}' is not a year. Use the four-digit year, e.g. {example}.";

    public static IndicatorDefinition[] LoadIndicators(IWarehouseEngine engine)
    {
        using var connection = engine.Open();
        using var command = connection.Command(null, "select indicator_code, name, unit, polarity from ref.indicator");
        using var reader = command.ExecuteReader();
        var result = new List<IndicatorDefinition>();
        while (reader.Read())
            result.Add(new IndicatorDefinition(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        return [.. result];
    }

    public static ContextReferences ContextFor(SubmissionIdentity identity, IWarehouseEngine engine) =>
        new(identity, LaDirectory.Load(engine), LoadIndicators(engine).ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase));
}
