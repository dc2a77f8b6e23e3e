namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>Every child in a table is in the Header table.</summary>
public sealed class ChildInHeaderRule(RuleCode code, TableSchema table)
    : Rule903(code, Severity.Error, table, $"Every CHILD in {table.Name} is in the Header table.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => !r.IsBlank("CHILD") && !data.HeaderByChild.ContainsKey(r.Child))
            .Select(r => Issue(r, "CHILD", "This child is not in the Header table. Add the child's Header row or correct the CHILD id."));
}
