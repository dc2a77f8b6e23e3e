namespace RegionalWarehouse.Etl.Submissions;

/// <summary>Rules about the submission as a whole, checked before its files are read.</summary>
public static class SubmissionRules
{
    public static readonly RuleInfo UnknownLa = new("SUB-01", Severity.Error, "(submission)", "The submitting LA is a local authority that is a member of the platform.");
    public static readonly RuleInfo BadPeriod = new("SUB-02", Severity.Error, "(submission)", "The period is in the form the return type uses (a collection year such as 2024 for the 903, a quarter such as 2024-Q3 for Supporting Families).");

    public static readonly RuleInfo NotRegionWide = new("SUB-03", Severity.Error, "(submission)", "Only the contextual returns (population, deprivation, indicators, published statistics) may be submitted region-wide.");

    public static readonly RuleInfo TooManyChildrenWithErrors = new("SUB-04", Severity.Error, "(submission)",
        "Record-level errors load flagged only while the share of children with errors is within Validation:MaxShareOfChildrenWithErrors (5% by default).");

    public static readonly RuleInfo UnknownReturnType = new("SUB-05", Severity.Error, "(submission)",
        "The landing folder names a return type the platform knows (e.g. 919/SSDA903/2024/…); anything else is quarantined with a report.");

    public static readonly RuleInfo TooLarge = new("SUB-06", Severity.Error, "(submission)",
        "Every file of a submission holds (or, zipped, expands to) at most 64 MB, at a plausible compression ratio; anything else is refused unread.");

    public static readonly RuleInfo Shrinking = new("SUB-07", Severity.Error, "(submission)",
        "An LA's return replacing a loaded one keeps at least half its children (or, where a return type does not count children, its rows: a Supporting Families quarter's families), or says why in REPLACEMENT_REASON.txt (then a warning quoting it).");

    public static readonly RuleInfo FindingsNotListed = new("SUB-08", Severity.Warning, "(submission)",
        "A report lists at most 5,000 findings (errors first) and clips quoted values to 200 characters, so a broken file makes a readable report; the counts are complete.");

    public static readonly RuleInfo NoAgreement = new("SUB-09", Severity.Error, "(submission)",
        "An LA's return is taken only under a data-sharing agreement for that return type in force on the day it is processed (ref.data_sharing_agreement).");

    public static readonly RuleInfo FieldsWithheld = new("SUB-10", Severity.Warning, "(submission)",
        "Fields the LA's data-sharing agreements withhold are checked but not loaded, and the report lists them.");

    public static readonly RuleInfo Unreadable = new("SUB-11", Severity.Error, "(submission)",
        "Every file of a submission can be opened as what it is: a .zip is a whole, undamaged zip archive; anything else is refused unread.");

    public static readonly IReadOnlyList<RuleInfo> All =
        [UnknownLa, BadPeriod, NotRegionWide, TooManyChildrenWithErrors, UnknownReturnType, TooLarge, Shrinking, FindingsNotListed, NoAgreement, FieldsWithheld, Unreadable];
}
