namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>
/// A placement type withdrawn part-way through a collection year: episodes starting from the date may not
/// use it (the code list alone cannot say so, as it is still valid for the year's earlier episodes).
/// </summary>
public sealed class PlacementNoLongerValidRule(RuleCode code, string placement, DateOnly withdrawn)
    : Rule903(code, Severity.Error, Ssda903Schema.Episodes, $"No episode starting on or after {withdrawn:dd/MM/yyyy} has placement type {placement}.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => r["PLACE"] == placement && r.Date("DECOM") >= withdrawn)
            .Select(r => Issue(r, "PLACE",
                $"{placement} is not a placement type for episodes starting on or after {withdrawn:dd/MM/yyyy}. Record the placement with the code that replaced it for the accommodation the child is in."));
}
