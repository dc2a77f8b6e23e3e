namespace RegionalWarehouse.Etl.Validation;

/// <summary>
/// How many findings of one rule a report lists: beyond the limit one finding says how many more there
/// are, so a broken file (50 MB of garbage under a valid header) makes a short report, not a gigabyte.
/// </summary>
public static class FindingLimit
{
    public const int PerRule = 1_000;

    /// <summary>
    /// Adds <paramref name="found"/> to <paramref name="issues"/> up to the limit, then one finding counting
    /// the rest. Every finding, listed or not, passes through <paramref name="seen"/> (e.g. to count children).
    /// </summary>
    public static void AddCapped(List<ValidationIssue> issues, RuleInfo rule, IEnumerable<ValidationIssue> found, string? file, string? table,
        Action<ValidationIssue>? seen = null)
    {
        var listed = 0;
        var more = 0;
        foreach (var issue in found)
        {
            seen?.Invoke(issue);
            if (listed++ < PerRule)
                issues.Add(issue);
            else
                more++;
        }
        if (more > 0)
            issues.Add(new ValidationIssue(rule.Code, rule.Severity, file, table, null, null, null,
                $"…and {more:N0} more findings of this rule, not listed. Fix the ones above (they usually share a cause) and submit again."));
    }
}
