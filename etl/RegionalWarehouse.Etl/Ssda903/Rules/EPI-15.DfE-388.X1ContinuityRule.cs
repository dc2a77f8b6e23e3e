namespace RegionalWarehouse.Etl.Ssda903.Rules;

public sealed class X1ContinuityRule()
    : EpisodeChainRule(new("EPI-15", Dfe: "388", Note: "The DfE 388 case of an X1 episode with no episode starting that day"), Severity.Error, "An episode ending with REC = X1 is followed by an episode starting the same day.")
{
    protected override IEnumerable<ValidationIssue> CheckChain(List<Record903> chain, Ssda903Return data)
    {
        for (var i = 0; i < chain.Count; i++)
        {
            var r = chain[i];
            if (r["REC"] != "X1" || r.Date("DEC") is not { } end)
                continue;
            if (i == chain.Count - 1 || chain[i + 1].Date("DECOM") != end)
                yield return Issue(r, "REC", "REC is X1 (a new episode starts the same day) but no episode starts on this episode's DEC. Add the next episode or correct REC.");
        }
    }
}
