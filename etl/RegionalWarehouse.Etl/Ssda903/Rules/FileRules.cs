namespace RegionalWarehouse.Etl.Ssda903;

/// <summary>The rules the parser itself applies to a submission's files.</summary>
public static class FileRules
{
    public static readonly RuleInfo UnknownFile = new("FILE-01", Severity.Error, "(file)", "Every file is a CSV whose header row identifies one of the ten 903 tables, or the whole return as the 903 XML (root EXPSSDA903).");
    public static readonly RuleInfo MissingColumn = new("FILE-02", Severity.Error, "(file)", "Every column the 903 defines for a table is present in its header row.");
    public static readonly RuleInfo DuplicateTable = new("FILE-03", Severity.Error, "(file)", "Each 903 table is supplied once.");
    public static readonly RuleInfo RequiredTableMissing = new("FILE-04", Severity.Error, "(file)", "The Header and Episodes tables are present.");
    public static readonly RuleInfo NoEpisodes = new("FILE-09", Severity.Error, "(file)", "The Episodes table has rows (an empty export never replaces a loaded year).");
    public static readonly RuleInfo TooLarge = new("FILE-10", Severity.Error, "(file)",
        $"Every file keeps within what a return can hold: at most {InputLimits.MaxColumns} columns and {InputLimits.MaxCellLength:N0} characters in a cell.");
    public static readonly RuleInfo NotPartOfTheYear = new("FILE-08", Severity.Warning, "(file)", "A 903 table sent with a return for a year before it was part of the 903 (social worker episodes before 2023/24) is set aside, not rejected.");
    public static readonly RuleInfo ExtraColumn = new("FILE-05", Severity.Warning, "(file)", "Columns the 903 does not define are ignored.");
    public static readonly RuleInfo RaggedRow = new("FILE-06", Severity.Error, "(file)", "Every row has as many values as the header has columns.");

    public static readonly IReadOnlyList<RuleInfo> All = [UnknownFile, MissingColumn, DuplicateTable, RequiredTableMissing, ExtraColumn, RaggedRow, NotPartOfTheYear, NoEpisodes, TooLarge];
}
