namespace RegionalWarehouse.Etl.Validation;

/// <summary>
/// How many findings of one rule a report lists: beyond the limit one finding says how many more there
/// are, so a broken file (50 MB of garbage under a valid header) makes a short report, not a gigabyte.
/// </summary>
public static class FindingLimit
{
    public const int PerRule = 1_000;

    /// <summary>Findings one report lists in all: with ~80 rules each at its own cap a report could still run to tens of MB.</summary>
    public const int PerSubmission = 5_000;

    /// <summary>Characters of a submitted value (or of a message quoting one) a finding keeps.</summary>
    public const int QuotedCharacters = 200;

    /// <summary>
    /// The findings a report lists: errors before warnings, and findings about a whole submission or file (why
    /// it was rejected, how many more a rule found) before those about one row; at most <see cref="PerSubmission"/>, each value and
    /// message clipped, then one finding saying how many were left out. The counts the ledger keeps are the full ones.
    /// </summary>
    public static List<ValidationIssue> ForReport(IReadOnlyList<ValidationIssue> issues)
    {
        var listed = issues.OrderBy(i => i.Severity).ThenBy(i => i.Row is null ? 0 : 1).Take(PerSubmission).Select(Clipped).ToList();
        var omitted = issues.Count - listed.Count;
        if (omitted > 0)
            listed.Add(new ValidationIssue(Submissions.SubmissionRules.FindingsNotListed.Code, Severity.Warning, null, null, null, null, null,
                $"…and {omitted:N0} more findings, not listed: a report lists at most {PerSubmission:N0}. Fix the errors above (most share a cause) and submit again to see the rest."));
        return listed;
    }

    private static ValidationIssue Clipped(ValidationIssue issue) =>
        issue.Value?.Length > QuotedCharacters || issue.Message.Length > 5 * QuotedCharacters
            ? issue with { Value = Clip(issue.Value, QuotedCharacters), Message = Clip(issue.Message, 5 * QuotedCharacters)! }
            : issue;

    private static string? Clip(string? text, int length) =>
        text is null || text.Length <= length ? text : $"{text[..length]}… ({text.Length:N0} characters)";

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
