namespace RegionalWarehouse.Etl.Ssda903.Rules;

public sealed class OnlyLatestEpisodeOpenRule()
    : EpisodeChainRule(new("EPI-14", Dfe: "142", Note: "DfE 142 also requires REC on every episode but the latest"), Severity.Error, "Only a child's latest episode may be open (blank DEC).")
{
    protected override IEnumerable<ValidationIssue> CheckChain(List<Record903> chain, Ssda903Return data) =>
        chain.Take(chain.Count - 1).Where(r => r.IsBlank("DEC"))
            .Select(r => Issue(r, "DEC", "This episode has no end date but the child has a later episode. Enter DEC (and REC) for this episode."));
}
