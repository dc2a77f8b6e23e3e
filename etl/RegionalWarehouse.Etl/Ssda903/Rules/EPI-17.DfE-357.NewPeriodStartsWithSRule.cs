namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>
/// The DfE's 357: a child's first episode, when it starts in the collection year, starts a period of care. Later
/// periods are the DfE's 432 (EPI-99: after care ended, RNE S) and 431 (EPI-64: RNE S only after a gap).
/// </summary>
public sealed class NewPeriodStartsWithSRule()
    : EpisodeChainRule(new("EPI-17", Dfe: "357"), Severity.Error, "A child's first episode, when it starts in the collection year, has RNE = S.")
{
    protected override IEnumerable<ValidationIssue> CheckChain(List<Record903> chain, Ssda903Return data)
    {
        var first = chain[0];
        if (first.Date("DECOM") >= data.YearStart && first["RNE"] is { Length: > 0 } rne && rne != "S")
            yield return Issue(first, "RNE", $"This is the child's first episode in the return and starts in the year, so it starts a period of care: RNE should be S, not {rne}. If an earlier episode was left out, add it.");
    }
}
