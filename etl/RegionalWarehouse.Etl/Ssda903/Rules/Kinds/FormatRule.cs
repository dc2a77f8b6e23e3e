namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>
/// An identifier field has its shape (<see cref="Formats"/>). The loader applies the same test, so a value
/// this rule reports is stored blank, never as sent.
/// </summary>
public sealed class FormatRule(RuleCode code, TableSchema table, string column, Func<string, bool> isValid, string shape, string fix)
    : Rule903(code, Severity.Error, table, $"{table.Name} {column} is {shape}.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => !r.IsBlank(column) && !isValid(r[column]))
            .Select(r => Issue(r, column, $"{column} is not {shape}. {fix} Until corrected it is stored blank."));
}
