namespace RegionalWarehouse.Etl.Validation;

/// <summary>
/// One rule mechanism for every return type: a rule is what it is (<see cref="RuleInfo"/>: code, severity,
/// the DfE's code where it has one, the collection years it applies to) and a check over the return's data.
/// The 903's rules read a <c>Ssda903Return</c>; a single-table return's rules read its rows with what
/// that return type knows. <see cref="RuleRunner"/> runs either kind the same way.
/// </summary>
public interface IRule<in TData>
{
    RuleInfo Info { get; }

    IEnumerable<ValidationIssue> Check(TData data);
}

public static class RuleRunner
{
    /// <summary>
    /// Runs every rule that applies in <paramref name="year"/> (every rule when it is null), listing each
    /// rule's findings up to <see cref="FindingLimit.PerRule"/>; every finding, listed or not, passes
    /// through <paramref name="seen"/> (to count the children with errors, say).
    /// </summary>
    public static void Run<TData>(List<ValidationIssue> issues, IEnumerable<IRule<TData>> rules, TData data, int? year,
        string? file = null, string? table = null, Action<ValidationIssue>? seen = null)
    {
        foreach (var rule in rules.Where(r => year is null || r.Info.AppliesIn(year.Value)))
            FindingLimit.AddCapped(issues, rule.Info, rule.Check(data), file, table ?? rule.Info.Table, seen);
    }
}
