namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>
/// A check on each row of one table, stated as the condition a row fails: most of the DfE's rules
/// are one such condition, so each is one line of the rule set rather than a class of its own.
/// </summary>
public sealed class RowRule(RuleCode code, TableSchema table, string column, string description, Func<Record903, Ssda903Return, bool> fails, string fix,
    Severity severity = Severity.Error)
    : Rule903(code, severity, table, description)
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => fails(r, data)).Select(r => Issue(r, column, fix));
}
