namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>Outcome flags are 0 or 1.</summary>
public sealed class FlagRule(RuleCode code, TableSchema table, string column)
    : Rule903(code, Severity.Error, table, $"{table.Name} {column} is 0 or 1 (or blank where not applicable).")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => !r.IsBlank(column) && r[column] is not ("0" or "1"))
            .Select(r => Issue(r, column, $"{column} must be 0 (no) or 1 (yes)."));
}
