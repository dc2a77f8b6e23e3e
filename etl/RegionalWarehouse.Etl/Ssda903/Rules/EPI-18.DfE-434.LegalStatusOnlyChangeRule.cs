namespace RegionalWarehouse.Etl.Ssda903.Rules;

public sealed class LegalStatusOnlyChangeRule()
    : EpisodeChainRule(new("EPI-18", Dfe: "434"), Severity.Error, "RNE = L (legal status change only) means LS changed and the placement (PLACE, PL_POST, URN, PLACE_PROVIDER) did not.")
{
    protected override IEnumerable<ValidationIssue> CheckChain(List<Record903> chain, Ssda903Return data) =>
        Pairs(chain).Where(p => p.Previous["REC"] == "X1" && p.Next["RNE"] == "L"
                                && (p.Next["LS"] == p.Previous["LS"] || !PlacementType.Unchanged(p.Previous, p.Next)))
            .Select(p => Issue(p.Next, "RNE", "RNE is L (change of legal status only) but the legal status is unchanged or the placement changed (PLACE, PL_POST, URN or PLACE_PROVIDER). Use the RNE that describes the change: P or T for a placement change, U or B for both."));
}
