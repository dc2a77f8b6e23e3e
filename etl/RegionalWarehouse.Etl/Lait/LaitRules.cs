namespace RegionalWarehouse.Etl.Lait;

/// <summary>
/// A check on every row of the staged big data set, written as the condition a bad row meets, so one
/// set-based query finds them all however large the file is. Column is the DfE column the finding names.
/// </summary>
public sealed record LaitRowRule(RuleInfo Info, string Column, string BadRowCondition, string Fix);

/// <summary>The LAIT return's rules: file shape, then each row, then checks over distinct values.</summary>
public static class LaitRules
{
    private const string Values = "Big data set", Dictionary = "Data dictionary", Files = "(file)";

    public static readonly RuleInfo Submission = new("LAIT-01", Severity.Error, Files,
        "The submission is one LAIT big data set (.parquet) and its data dictionary (.csv), submitted region-wide by the operator.");
    public static readonly RuleInfo Columns = new("LAIT-02", Severity.Error, Files,
        "Both files have the DfE's columns (big data set: Short Desc, Data item, Years, LA and Regions, Values, LA Number, Region; dictionary: Measure_short, Polarity, dps, …).");
    public static readonly RuleInfo UnreadablePeriod = new("LAIT-07", Severity.Warning, Values,
        "A Years label with no year in it (e.g. \"0\") is loaded as published but never lined up with a collection year.");
    public static readonly RuleInfo Undescribed = new("LAIT-08", Severity.Warning, Values,
        "An indicator with no data dictionary entry is loaded with no polarity.");
    public static readonly RuleInfo UnknownArea = new("LAIT-10", Severity.Warning, Values,
        "An LA Number that is not an English LA, England (970) or a region (980–990) is loaded but used in no comparison.");
    public static readonly RuleInfo Symbol = new("LAIT-11", Severity.Warning, Values,
        "A value that is not a number or \"-\" is kept as a symbol, with no number.");
    public static readonly RuleInfo Polarity = new("LAIT-12", Severity.Error, Dictionary,
        "Polarity is High, Low, - or NA.");
    public static readonly RuleInfo DictionaryKey = new("LAIT-13", Severity.Error, Dictionary,
        "Every dictionary row names its indicator (Measure_short), in at most 100 characters.");
    public static readonly RuleInfo RepeatedEntry = new("LAIT-14", Severity.Warning, Dictionary,
        "An indicator described twice in the dictionary keeps its first entry.");
    public static readonly RuleInfo Duplicate = new("LAIT-09", Severity.Error, Values,
        "Each indicator, area and period appears once.");

    public static readonly IReadOnlyList<LaitRowRule> RowRules =
    [
        new(new("LAIT-03", Severity.Error, Values, "Short Desc names the indicator, in at most 100 characters."), LaitSchema.Indicator,
            "indicator is null or trim(indicator) = '' or length(indicator) > 100", "Give every row its indicator's short name, as in the data dictionary."),
        new(new("LAIT-04", Severity.Error, Values, "LA Number is a whole number from 1 to 9999 (DfE LA code, 970 England, 980–990 regions)."), LaitSchema.AreaNumber,
            "area_number is null or area_number <> floor(area_number) or area_number < 1 or area_number > 9999", "Use the DfE area number, e.g. 919 for Hertfordshire or 970 for England."),
        new(new("LAIT-05", Severity.Error, Values, "Years is given, in at most 30 characters."), LaitSchema.Years,
            "years is null or trim(years) = '' or length(years) > 30", "Give the period as LAIT labels it, e.g. 2025 or 2024-25."),
        new(new("LAIT-06", Severity.Error, Values, "Values holds a value or \"-\", in at most 60 characters."), LaitSchema.Value,
            "value_text is null or trim(value_text) = '' or length(value_text) > 60", "Write the published value, or \"-\" where none is published."),
        new(new("LAIT-15", Severity.Error, Values, "LA and Regions names the area (at most 100 characters) and Region at most 60."), LaitSchema.AreaName,
            "area_name is null or length(area_name) > 100 or length(region) > 60", "Give the area's name as LAIT does."),
    ];

    public static IReadOnlyList<RuleInfo> All { get; } =
        [Submission, Columns, .. RowRules.Select(r => r.Info), UnreadablePeriod, Undescribed, Duplicate, UnknownArea, Symbol, Polarity, DictionaryKey, RepeatedEntry];

    /// <summary>Findings reported per rule; the rest are counted in one closing finding so a broken file cannot flood the report.</summary>
    public const int FindingsPerRule = 20;
}
