namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>An item that a kind of placement does not have (a temporary placement has no provider).</summary>
public sealed class BlankForPlacementRule(RuleCode code, string column, string[] placements, string fix)
    : Rule903(code, Severity.Error, Ssda903Schema.Episodes, $"Episodes {column} is blank for placements {string.Join(", ", placements)}.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => placements.Contains(r["PLACE"]) && !r.IsBlank(column))
            .Select(r => Issue(r, column, fix));
}
