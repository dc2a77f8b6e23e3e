using RegionalWarehouse.Etl.Validation;

namespace RegionalWarehouse.Etl.Ssda903.Rules;

public sealed class NewPeriodStartsWithSRule()
    : EpisodeChainRule(new("EPI-17", Dfe: "357", Note: "The platform also checks every later period of care in the return"), Severity.Error, "The first episode of a period of care has RNE = S, and only the first does.")
{
    protected override IEnumerable<ValidationIssue> CheckChain(List<Record903> chain, Ssda903Return data)
    {
        var first = chain[0];
        if (first.Date("DECOM") >= data.YearStart && first["RNE"] is { Length: > 0 } rne && rne != "S")
            yield return Issue(first, "RNE", $"This is the child's first episode in the return and starts in the year, so it starts a period of care: RNE should be S, not {rne}.");
        foreach (var (previous, next) in Pairs(chain))
        {
            var continues = previous["REC"] == "X1";
            if (!continues && !next.IsBlank("RNE") && next["RNE"] != "S")
                yield return Issue(next, "RNE", $"The previous episode (row {previous.Row}) ended care, so this one starts a new period of care: RNE should be S.");
            else if (continues && next["RNE"] == "S")
                yield return Issue(next, "RNE", $"The previous episode (row {previous.Row}) ended with X1, so care continued: RNE cannot be S. Use L, P, T or U.");
        }
    }
}
