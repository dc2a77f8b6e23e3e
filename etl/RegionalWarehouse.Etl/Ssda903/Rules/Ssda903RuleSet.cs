namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>
/// Every 903 rule, each with a stable code. Codes are never reused: retire a rule by removing it,
/// and give a changed meaning a new code, so LA reports stay comparable over time.
/// </summary>
public static class Ssda903RuleSet
{
    public static readonly IReadOnlyList<Rule903> Rules =
    [
        .. HeaderRules.All,
        .. EpisodeRules.All,
        .. ReviewRules.All,
        .. MissingRules.All,
        .. Oc2Rules.All,
        .. Oc3Rules.All,
        .. AdoptionRules.All,
        .. PlacedForAdoptionRules.All,
        .. UascRules.All,
        .. PreviousPermanenceRules.All,
        .. SocialWorkerEpisodeRules.All,
    ];

    /// <summary>The rules' descriptions, file rules first, for `rw rules` and the docs.</summary>
    public static IEnumerable<RuleInfo> Catalogue => FileRules.All.Concat(Rules.Select(r => r.Info));

    public static List<ValidationIssue> Validate(Ssda903Return data, CodeLists codes) => ValidateCounting(data, codes).Issues;

    /// <summary>
    /// The findings (capped per rule) and how many children have record-level errors, counted over every
    /// finding before the cap, so the tolerance threshold sees them all.
    /// </summary>
    public static (List<ValidationIssue> Issues, int ChildrenWithErrors) ValidateCounting(Ssda903Return data, CodeLists codes)
    {
        var issues = new List<ValidationIssue>(data.FileIssues);
        if (issues.Any(i => i.Severity == Severity.Error && i.RuleCode is "FILE-02" or "FILE-04"))
            return (issues, 0); // row rules would only repeat what a missing table or column already explains
        var childrenWithErrors = new HashSet<string>();
        data.Codes = codes;
        RuleRunner.Run(issues, Rules, data, data.CollectionYear, seen: issue =>
        {
            if (issue.Severity == Severity.Error)
                childrenWithErrors.Add(issue.Child ?? $"{issue.File}:{issue.Row}");
        });
        return (issues, childrenWithErrors.Count);
    }
}
