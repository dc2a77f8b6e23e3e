namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>A table's DOB agrees with the child's Header DOB.</summary>
public sealed class DobMatchesHeaderRule(RuleCode code, TableSchema table)
    : Rule903(code, Severity.Error, table, $"{table.Name} DOB matches the child's DOB in the Header table.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => r.Date("DOB") is { } dob && data.DateOfBirth(r.Child) is { } header && dob != header)
            .Select(r => Issue(r, "DOB", "DOB differs from the child's DOB in the Header table. Make both the same."));
}
