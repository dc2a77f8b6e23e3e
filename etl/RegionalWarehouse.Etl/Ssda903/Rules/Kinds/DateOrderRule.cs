namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>One date on a row is not before another (an end not before its start).</summary>
public sealed class DateOrderRule(RuleCode code, TableSchema table, string earlier, string later)
    : Rule903(code, Severity.Error, table, $"{table.Name} {later} is not before {earlier}.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => r.Date(earlier) is { } start && r.Date(later) is { } end && end < start)
            .Select(r => Issue(r, later, $"{later} ({r[later]}) is before {earlier} ({r[earlier]}). Correct whichever date is wrong."));
}
