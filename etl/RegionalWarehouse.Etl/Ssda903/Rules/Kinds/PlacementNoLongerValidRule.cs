namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>
/// A placement type withdrawn part-way through a collection year: no episode may use it after the date, whether
/// it began then or was still open (the code list alone cannot say so, as the code stays valid for the year's
/// earlier episodes and for those that ended by the date).
/// </summary>
public sealed class PlacementNoLongerValidRule(RuleCode code, string placement, DateOnly withdrawn)
    : Rule903(code, Severity.Error, Ssda903Schema.Episodes, $"No episode with placement type {placement} continues after {withdrawn:dd/MM/yyyy} (still open, or ending later).")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => r["PLACE"] == placement && (r.IsBlank("DEC") || r.Date("DEC") > withdrawn))
            .Select(r => Issue(r, "PLACE",
                $"{placement} is not a placement type after {withdrawn:dd/MM/yyyy}: end this episode on that day (REC X1) and record the placement from then with the code that replaced it for the accommodation the child is in, in a new episode."));
}
