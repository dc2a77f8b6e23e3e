namespace RegionalWarehouse.Etl.Ssda903.Rules;

public sealed class GapAfterCeasedCareRule()
    : EpisodeChainRule(new("EPI-16", Dfe: "388", Note: "The DfE 388 case of a continuing episode after an ending other than X1"), Severity.Error, "An episode starting the day the previous one ended follows REC = X1.")
{
    protected override IEnumerable<ValidationIssue> CheckChain(List<Record903> chain, Ssda903Return data) =>
        Pairs(chain).Where(p => p.Previous["REC"] is { Length: > 0 } rec && rec != "X1" && p.Previous.Date("DEC") == p.Next.Date("DECOM"))
            .Select(p => Issue(p.Next, "DECOM", $"This episode starts the day the previous one (row {p.Previous.Row}) ended with REC {p.Previous["REC"]}, which ends care. Use REC X1 there if care continued."));
}
