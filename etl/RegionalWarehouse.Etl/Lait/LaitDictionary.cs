using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace RegionalWarehouse.Etl.Lait;

/// <summary>One indicator as LAIT's data dictionary describes it ("NA" read as nothing).</summary>
public sealed record LaitIndicator(
    string Indicator, string? MeasureCode, string? Topic, string Name, string Polarity, string? YAxisName, string? Description,
    string? Methodology, string? Source, short? DecimalPlaces, string? YearType, string? NoQuartile);

/// <summary>Reads the data dictionary CSV (quoted fields, some over several lines) and checks each entry.</summary>
public static class LaitDictionary
{
    /// <summary>The dictionary has a few hundred rows; a file far beyond that is not a dictionary.</summary>
    public const int MaxRows = 20_000;

    public static (Dictionary<string, LaitIndicator> Indicators, List<ValidationIssue> Issues) Read(ReturnFile file)
    {
        var indicators = new Dictionary<string, LaitIndicator>(StringComparer.Ordinal);
        var issues = new List<ValidationIssue>();
        using var reader = new CsvReader(new StreamReader(file.Open()), new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null });
        if (!reader.Read() || !reader.ReadHeader())
        {
            issues.Add(Issue(LaitRules.Columns, file, null, null, null, "The data dictionary is empty. Submit LAIT's lait_data_dictionary.csv as downloaded."));
            return (indicators, issues);
        }
        var missing = LaitSchema.DictionaryColumns.Where(c => !reader.HeaderRecord!.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            issues.Add(Issue(LaitRules.Columns, file, 1, null, null,
                $"The data dictionary has no column {string.Join(", ", missing)}. Submit LAIT's lait_data_dictionary.csv as downloaded."));
            return (indicators, issues);
        }
        var hasSource = reader.HeaderRecord!.Contains(LaitSchema.DictionarySource);
        var row = 1;
        while (reader.Read())
        {
            row = reader.Parser.Row;
            if (indicators.Count + issues.Count > MaxRows)
            {
                issues.Add(Issue(LaitRules.Columns, file, row, null, null, $"The data dictionary has more than {MaxRows:N0} rows. Check it is LAIT's dictionary."));
                break;
            }
            string? Field(string name) => Clean(reader.GetField(name));
            var key = Field("Measure_short");
            if (key is null || key.Length > 100)
            {
                issues.Add(Issue(LaitRules.DictionaryKey, file, row, "Measure_short", null, "Give the indicator's short name (Short Desc in the big data set)."));
                continue;
            }
            var polarity = reader.GetField("Polarity")?.Trim() ?? "";
            if (!LaitSchema.Polarities.Contains(polarity))
            {
                issues.Add(Issue(LaitRules.Polarity, file, row, "Polarity", polarity.Length > 20 ? polarity[..20] : polarity, "Use High or Low (which is better), or - or NA for neither."));
                continue;
            }
            if (indicators.ContainsKey(key))
            {
                issues.Add(Issue(LaitRules.RepeatedEntry, file, row, "Measure_short", key, $"{key} is described on an earlier row too; that entry is kept."));
                continue;
            }
            indicators[key] = new LaitIndicator(key, Field("Measure_code"), Field("Topic"), Field("Measure") ?? key, polarity,
                Field("y_axis_name"), Field("Description"), Field("Methodology"), hasSource ? Field(LaitSchema.DictionarySource) : null,
                short.TryParse(Field("dps"), out var dps) ? dps : null, Field("Year_Type"), Field("No_Quartile"));
        }
        return (indicators, issues);
    }

    private static string? Clean(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text) || text == "NA")
            return null;
        return text.Length > 4000 ? text[..4000] : text;
    }

    private static ValidationIssue Issue(RuleInfo rule, ReturnFile file, int? row, string? column, string? value, string message) =>
        new(rule.Code, rule.Severity, file.Name, "Data dictionary", row, column, value, message);
}
