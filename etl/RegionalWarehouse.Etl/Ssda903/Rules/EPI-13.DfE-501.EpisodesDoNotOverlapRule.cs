namespace RegionalWarehouse.Etl.Ssda903.Rules;

public sealed class EpisodesDoNotOverlapRule()
    : EpisodeChainRule(new("EPI-13", Dfe: "501"), Severity.Error, "A child's episodes do not overlap: each starts on or after the previous one ends.")
{
    protected override IEnumerable<ValidationIssue> CheckChain(List<Record903> chain, Ssda903Return data) =>
        Pairs(chain).Where(p => p.Previous.Date("DEC") is { } end && p.Next.Date("DECOM") < end)
            .Select(p => Issue(p.Next, "DECOM", $"This episode starts before the child's previous episode (row {p.Previous.Row}) ends. Correct DECOM here or DEC there."));
}
