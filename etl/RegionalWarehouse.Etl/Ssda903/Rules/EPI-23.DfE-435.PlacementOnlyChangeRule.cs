namespace RegionalWarehouse.Etl.Ssda903.Rules;

public sealed class PlacementOnlyChangeRule()
    : EpisodeChainRule(new("EPI-23", Dfe: "435", Note: "The legal status half of DfE 435; EPI-72 checks the placement half"), Severity.Error, "RNE = P or T (change of placement only) means LS did not change.")
{
    protected override IEnumerable<ValidationIssue> CheckChain(List<Record903> chain, Ssda903Return data) =>
        Pairs(chain).Where(p => p.Previous["REC"] == "X1" && p.Next["RNE"] is "P" or "T" && p.Next["LS"] != p.Previous["LS"])
            .Select(p => Issue(p.Next, "LS", $"RNE is {p.Next["RNE"]} (change of placement only) but the legal status changed too. Use RNE B (new carers) or U (same carers), or correct LS."));
}
