namespace RegionalWarehouse.Etl.Tabular;

/// <summary>The rules the single-table reader itself applies.</summary>
public static class TabularFileRules
{
    public static readonly RuleInfo OneFile = new("TAB-01", Severity.Error, "(file)", "The submission is exactly one .csv or .xlsx file.");
    public static readonly RuleInfo MissingColumn = new("TAB-02", Severity.Error, "(file)", "Every column of the return's layout is in the header row.");
    public static readonly RuleInfo ExtraColumn = new("TAB-03", Severity.Warning, "(file)", "Columns the layout does not define are ignored.");
    public static readonly RuleInfo RaggedRow = new("TAB-04", Severity.Error, "(file)", "No row has more values than the header has columns.");
    public static readonly RuleInfo NoRows = new("TAB-05", Severity.Error, "(file)", "The file has at least one data row.");

    public static readonly RuleInfo TooLarge = new("TAB-06", Severity.Error, "(file)",
        $"The file keeps within what a return can hold: at most {InputLimits.MaxColumns} columns and {InputLimits.MaxCellLength:N0} characters in a cell.");

    public static readonly RuleInfo Unreadable = new("TAB-07", Severity.Error, "(file)",
        "An .xlsx file is a workbook Excel can open: a workbook, a first sheet, well-formed sheet XML and dates Excel can hold.");

    public static readonly IReadOnlyList<RuleInfo> All = [OneFile, MissingColumn, ExtraColumn, RaggedRow, NoRows, TooLarge, Unreadable];
}
