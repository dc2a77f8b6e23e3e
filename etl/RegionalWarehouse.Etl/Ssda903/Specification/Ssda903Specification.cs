using System.Globalization;
using CsvHelper;
using RegionalWarehouse.Etl.Validation;

namespace RegionalWarehouse.Etl.Ssda903.Specification;

/// <summary>
/// What changes about the 903's rules from year to year, kept as data (rules.csv): the DfE's code for
/// each check the platform shares with the DfE's validation, and the collection years a rule applies to.
/// Code lists change by year too; they are ref.code_list, with valid-from and valid-to years.
/// </summary>
public static class Ssda903Specification
{
    private sealed record Entry(string Code, string? DfeCode, int? FirstYear, int? LastYear, string? Note);

    private static readonly Lazy<IReadOnlyDictionary<string, Entry>> Entries = new(Read);

    /// <summary>The rule as the specification describes it: with its DfE code and years, where it has them.</summary>
    public static RuleInfo Describe(RuleInfo rule) =>
        Entries.Value.TryGetValue(rule.Code, out var entry)
            ? rule with { DfeCode = entry.DfeCode, FirstYear = entry.FirstYear, LastYear = entry.LastYear, Note = entry.Note }
            : rule;

    /// <summary>Every platform code the specification mentions (a test checks each is a rule).</summary>
    public static IEnumerable<string> Codes => Entries.Value.Keys;

    private static IReadOnlyDictionary<string, Entry> Read()
    {
        using var stream = typeof(Ssda903Specification).Assembly.GetManifestResourceStream("Ssda903.Specification.rules.csv")
            ?? throw new InvalidOperationException("The 903 rule specification (Ssda903/Specification/rules.csv) is not embedded.");
        using var csv = new CsvReader(new StreamReader(stream), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        while (csv.Read())
            entries.Add(csv.GetField("code")!, new Entry(csv.GetField("code")!, Blank(csv.GetField("dfe_code")), Year(csv.GetField("first_year")),
                Year(csv.GetField("last_year")), Blank(csv.GetField("note"))));
        return entries;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static int? Year(string? value) => Blank(value) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;
}
