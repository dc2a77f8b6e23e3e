namespace RegionalWarehouse.Etl.SupportingFamilies;

/// <summary>One of the ten headline areas of the Supporting Families National Outcomes Framework.</summary>
public sealed record Headline(int Number, string Code, string Name)
{
    public string NeedColumn => $"NEED_{Code}";

    public string OutcomeColumn => $"OUTCOME_{Code}";

    public string OutcomeDateColumn => $"OUTCOME_{Code}_DATE";
}

/// <summary>
/// The family-level Supporting Families template this platform defines (there is no national exchange
/// format): one row per family worked with in the quarter. docs/supporting-families.md is its data dictionary.
/// </summary>
public static class SfSchema
{
    public const string ReturnType = "SF";

    public static readonly IReadOnlyList<Headline> Headlines =
    [
        new(1, "EDUCATION", "Getting a good education"),
        new(2, "EARLY_YEARS", "Good early years development"),
        new(3, "HEALTH", "Improved mental and physical health"),
        new(4, "SUBSTANCE_USE", "Promoting recovery and reducing harm from substance use"),
        new(5, "FAMILY_RELATIONSHIPS", "Improved family relationships"),
        new(6, "SAFE_FROM_ABUSE", "Children safe from abuse and exploitation"),
        new(7, "CRIME", "Crime prevention and tackling crime"),
        new(8, "DOMESTIC_ABUSE", "Safe from domestic abuse"),
        new(9, "HOUSING", "Secure housing"),
        new(10, "WORK_FINANCE", "Adults in work / financial stability"),
    ];

    public static readonly IReadOnlyList<string> Columns =
    [
        "FAMILY_ID", "LA_CODE", "ATTACHED_DATE", "LEAD_PRACTITIONER_SERVICE", "FAMILY_SIZE_CHILDREN", "FAMILY_SIZE_ADULTS",
        .. Headlines.Select(h => h.NeedColumn),
        .. Headlines.SelectMany(h => new[] { h.OutcomeColumn, h.OutcomeDateColumn }),
        "CLAIM_TYPE", "CLAIM_DATE", "CLOSED_DATE", "CLOSURE_REASON",
    ];

    public static readonly TableLayout Layout = new("Supporting Families", Columns, new HashSet<string> { "FAMILY_ID" });

    /// <summary>What each column holds, for the data dictionary and the template's guide sheet.</summary>
    public static IEnumerable<(string Column, string Meaning)> Dictionary()
    {
        yield return ("FAMILY_ID", "The LA's own identifier for the family (required, unique in the file). Replaced by a keyed pseudonym on load; never stored.");
        yield return ("LA_CODE", "The LA's 3-digit DfE code, e.g. 919. Must match the LA folder the file was dropped in.");
        yield return ("ATTACHED_DATE", "When work with the family started and its needs were assessed (dd/mm/yyyy). Not after the quarter's end.");
        yield return ("LEAD_PRACTITIONER_SERVICE", "The lead practitioner's service: EARLY_HELP, SOCIAL_CARE, SCHOOL, HEALTH, POLICE, HOUSING, VCS or OTHER.");
        yield return ("FAMILY_SIZE_CHILDREN", "Children (0–17) in the family: a whole number 0–20.");
        yield return ("FAMILY_SIZE_ADULTS", "Adults in the family: a whole number 0–20. Children + adults is at least 1.");
        foreach (var h in Headlines)
            yield return (h.NeedColumn, $"Y if the family's assessment identified a need under headline {h.Number} ({h.Name}), else N. At least one need is Y.");
        foreach (var h in Headlines)
        {
            yield return (h.OutcomeColumn, $"Y when the family has achieved the outcome for headline {h.Number}; N or blank otherwise. Only where {h.NeedColumn} is Y.");
            yield return (h.OutcomeDateColumn, $"When the headline {h.Number} outcome was achieved (dd/mm/yyyy): required when {h.OutcomeColumn} is Y, blank otherwise.");
        }
        yield return ("CLAIM_TYPE", "Blank, SSP (significant and sustained progress: every identified need has its outcome) or EMP (an adult moved into continuous employment).");
        yield return ("CLAIM_DATE", "When the payment-by-results claim was made (dd/mm/yyyy): required with CLAIM_TYPE, blank without.");
        yield return ("CLOSED_DATE", "When work with the family ended (dd/mm/yyyy), blank while open.");
        yield return ("CLOSURE_REASON", "Why it ended, required with CLOSED_DATE: NEEDS_MET, STEP_UP, DISENGAGED, MOVED, TRANSFERRED or OTHER.");
    }
}

/// <summary>
/// A Supporting Families reporting period: a financial quarter written 2024-Q3 (Q1 April–June …
/// Q4 January–March). Its collection year is the financial year's end, as for the 903: 2024-Q3 is in 2025.
/// </summary>
public sealed record SfPeriod(int StartYear, int Quarter)
{
    public int CollectionYear => StartYear + 1;

    public DateOnly Start => new DateOnly(StartYear, 4, 1).AddMonths(3 * (Quarter - 1));

    public DateOnly End => Start.AddMonths(3).AddDays(-1);

    public override string ToString() => $"{StartYear}-Q{Quarter}";

    public static SfPeriod? Parse(string text) =>
        text.Length == 7 && int.TryParse(text[..4], out var year) && year is >= 2000 and <= 2100
        && text[4] == '-' && char.ToUpperInvariant(text[5]) == 'Q' && text[6] is >= '1' and <= '4'
            ? new SfPeriod(year, text[6] - '0')
            : null;
}
