namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>Episode rules that look along one child's chain of episodes, in start order.</summary>
public abstract class EpisodeChainRule(RuleCode code, Severity severity, string description)
    : Rule903(code, severity, Ssda903Schema.Episodes, description)
{
    public sealed override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data.EpisodesByChild.Values.SelectMany(chain => CheckChain(chain, data));

    protected abstract IEnumerable<ValidationIssue> CheckChain(List<Record903> chain, Ssda903Return data);

    protected static IEnumerable<(Record903 Previous, Record903 Next)> Pairs(List<Record903> chain) =>
        chain.Zip(chain.Skip(1));
}
