namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>A value that must be present on every row of a table.</summary>
public sealed class RequiredValueRule(RuleCode code, TableSchema table, string column, string fix)
    : Rule903(code, Severity.Error, table, $"{table.Name} {column} is present on every row.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => r.IsBlank(column)).Select(r => Issue(r, column, $"{column} is blank. {fix}"));
}
