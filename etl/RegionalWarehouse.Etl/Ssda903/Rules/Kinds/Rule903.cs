namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>A 903 validation rule: a stable code, a severity, and a check over the whole return with its year's code lists.</summary>
public abstract class Rule903(RuleCode code, Severity severity, TableSchema table, string description) : IRule<Ssda903Return>
{
    public RuleInfo Info { get; } = code.Describe(severity, table.Name, description);

    protected TableSchema Table { get; } = table;

    public abstract IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes);

    IEnumerable<ValidationIssue> IRule<Ssda903Return>.Check(Ssda903Return data) => Check(data, data.Codes);

    /// <summary>An issue at a row and column; personal values are withheld, the row number locates them.</summary>
    protected ValidationIssue Issue(Record903 record, string? column, string message) =>
        new(Info.Code, Info.Severity, record.File, record.Table.Name, record.Row, column,
            column is null ? null : MaskedValue(column, record[column]), message, record.Child.Length == 0 ? null : record.Child);

    public static string? MaskedValue(string column, string value) =>
        value.Length == 0 ? null : Ssda903Schema.PersonalColumns.Contains(column) ? "(withheld)" : value;
}
