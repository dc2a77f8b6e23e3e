using RegionalWarehouse.Etl.Privacy;
using RegionalWarehouse.Etl.Validation;
using static RegionalWarehouse.Etl.Ssda903.Ssda903Schema;

namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>
/// Every 903 rule, each with a stable code. Codes are never reused: retire a rule by removing it,
/// and give a changed meaning a new code, so LA reports stay comparable over time.
/// </summary>
public static class Ssda903RuleSet
{
    public static readonly IReadOnlyList<Rule903> Rules =
    [
        // Header
        new RequiredValueRule("HDR-01", Header, "CHILD", "Every row needs the LA's child identifier."),
        new CodeListRule("HDR-02", Header, "SEX", required: true),
        new DateRule("HDR-03", Header, "DOB", required: true),
        new CodeListRule("HDR-04", Header, "ETHNIC", required: true),
        new UpnCheckLetterRule(),
        new MotherIsFemaleRule(),
        new MotherChildDobRule(),
        new DuplicateKeyRule("HDR-08", Header),
        new ChildHasEpisodeRule(),
        new CodeListRule("HDR-10", Header, "MOTHER"),
        new DateRule("HDR-11", Header, "MC_DOB", required: false),
        new AgreesWithPreviousYearRule("HDR-12", "SEX", "sex", (r, before, _) => short.TryParse(r["SEX"], out var sex) && before.Sex is { } was && sex != was,
            "SEX differs from the sex last year's return recorded for this child. Correct whichever is wrong (last year's by resubmitting it)."),
        new AgreesWithPreviousYearRule("HDR-13", "DOB", "month of birth",
            (r, before, _) => r.Date("DOB") is { } dob && before.BirthMonth is { } was && AgreesWithPreviousYearRule.Month(dob) != was,
            "DOB is in a different month from the date of birth last year's return recorded for this child. Correct whichever is wrong."),
        new AgreesWithPreviousYearRule("HDR-14", "ETHNIC", "ethnicity", (r, before, _) => !r.IsBlank("ETHNIC") && before.Ethnic is { } was && r["ETHNIC"] != was,
            "ETHNIC differs from the ethnicity last year's return recorded for this child. Correct whichever is wrong."),
        new AgreesWithPreviousYearRule("HDR-15", "MOTHER", "mother status",
            (r, before, d) => before.IsMother == true && r["MOTHER"] != "1" && d.EpisodesByChild.ContainsKey(r.Child),
            "Last year's return recorded this young person as a mother; this year's does not. Enter MOTHER = 1 (and MC_DOB), or correct last year's."),

        // Episodes
        new RequiredValueRule("EPI-01", Episodes, "CHILD", "Every episode needs the child's identifier."),
        new DateRule("EPI-02", Episodes, "DECOM", required: true),
        new CodeListRule("EPI-03", Episodes, "RNE", required: true),
        new CodeListRule("EPI-04", Episodes, "LS", required: true),
        new CodeListRule("EPI-05", Episodes, "CIN", required: true),
        new CodeListRule("EPI-06", Episodes, "PLACE", required: true),
        new CodeListRule("EPI-07", Episodes, "PLACE_PROVIDER"),
        new DateRule("EPI-08", Episodes, "DEC", required: false),
        new DateOrderRule("EPI-09", Episodes, "DECOM", "DEC"),
        new ReasonWithEndDateRule("EPI-10", Episodes, "DEC", "REC", "REC is present when DEC is, and blank when the episode is open.",
            "The episode has an end date (DEC) but no reason it ended (REC). Enter REC.",
            "REC is filled in but the episode has no end date (DEC). Enter DEC or clear REC."),
        new DuplicateKeyRule("EPI-11", Episodes),
        new ChildInHeaderRule("EPI-12", Episodes),
        new EpisodesDoNotOverlapRule(),
        new OnlyLatestEpisodeOpenRule(),
        new X1ContinuityRule(),
        new GapAfterCeasedCareRule(),
        new NewPeriodStartsWithSRule(),
        new LegalStatusOnlyChangeRule(),
        new BornBeforeEpisodeRule(),
        new UnderEighteenAtStartRule(),
        new EpisodeInCollectionYearRule(),
        new CodeListRule("EPI-22", Episodes, "REC"),
        new PlacementOnlyChangeRule(),
        new EndNotAfterYearRule(),
        new CodeListRule("EPI-25", Episodes, "REASON_PLACE_CHANGE"),
        new PostcodeFormatRule("EPI-26", "HOME_POST"),
        new PostcodeFormatRule("EPI-27", "PL_POST"),
        new BlankForPlacementRule("EPI-29", "PLACE_PROVIDER", ["T0", "T1", "T2", "T3", "T4"],
            "A temporary placement (T0-T4) has no placement provider: leave PLACE_PROVIDER blank."),
        new PlacementNoLongerValidRule("EPI-30", "P2", new DateOnly(2023, 10, 28)),
        new RowRule("EPI-31", Episodes, "PL_POST", "A short break (LS V3 or V4) has no placement postcode or URN.",
            (r, _) => r["LS"] is "V3" or "V4" && (!r.IsBlank("PL_POST") || !r.IsBlank("URN")),
            "Short breaks (V3, V4) carry no placement location: leave PL_POST and URN blank."),
        new FormatRule("EPI-28", Episodes, "URN", Formats.IsUrn, "an Ofsted URN (six or seven digits, or SC and six digits) or XXXXXXX",
            $"Enter the placement's Ofsted URN (e.g. 123456 or SC123456), or {Formats.NoUrn} if it has none."),

        // Reviews
        new DateRule("REV-01", Reviews, "REVIEW", required: true),
        new CodeListRule("REV-02", Reviews, "REVIEW_CODE", required: true),
        new DobMatchesHeaderRule("REV-03", Reviews),
        new ChildInHeaderRule("REV-04", Reviews),
        new DuplicateKeyRule("REV-05", Reviews),

        // Missing
        new CodeListRule("MIS-01", Missing, "MISSING", required: true),
        new DateRule("MIS-02", Missing, "MIS_START", required: true),
        new DateOrderRule("MIS-03", Missing, "MIS_START", "MIS_END"),
        new ChildInHeaderRule("MIS-04", Missing),
        new DateRule("MIS-05", Missing, "MIS_END", required: false),

        // OC2
        new Oc2TwelveMonthsRule(),
        new FlagRule("OC2-02", Oc2, "HEALTH_CHECK"),
        new SdqScoreRule(),
        new ChildInHeaderRule("OC2-04", Oc2),
        new CodeListRule("OC2-05", Oc2, "SDQ_REASON"),
        new FlagRule("OC2-06", Oc2, "IMMUNISATIONS"),
        new FlagRule("OC2-07", Oc2, "TEETH_CHECK"),
        new FlagRule("OC2-08", Oc2, "CONVICTED"),
        new FlagRule("OC2-09", Oc2, "SUBSTANCE_MISUSE"),
        new FlagRule("OC2-10", Oc2, "HEALTH_ASSESSMENT"),
        new FlagRule("OC2-11", Oc2, "INTERVENTION_RECEIVED"),
        new FlagRule("OC2-12", Oc2, "INTERVENTION_OFFERED"),
        new RowRule("OC2-13", Oc2, "INTERVENTION_OFFERED", "INTERVENTION_OFFERED is blank when INTERVENTION_RECEIVED is 1.",
            (r, _) => r["INTERVENTION_RECEIVED"] == "1" && !r.IsBlank("INTERVENTION_OFFERED"),
            "An intervention was received, so whether one was offered is not asked: leave INTERVENTION_OFFERED blank."),
        new RowRule("OC2-14", Oc2, "INTERVENTION_OFFERED", "INTERVENTION_OFFERED is given when SUBSTANCE_MISUSE is 1 and INTERVENTION_RECEIVED is 0.",
            (r, _) => r["SUBSTANCE_MISUSE"] == "1" && r["INTERVENTION_RECEIVED"] == "0" && r.IsBlank("INTERVENTION_OFFERED"),
            "No intervention was received for the substance misuse problem: say whether one was offered (INTERVENTION_OFFERED 0 or 1)."),
        new RowRule("OC2-15", Oc2, "INTERVENTION_RECEIVED", "INTERVENTION_RECEIVED is given when SUBSTANCE_MISUSE is 1.",
            (r, _) => r["SUBSTANCE_MISUSE"] == "1" && r.IsBlank("INTERVENTION_RECEIVED"),
            "The child has a substance misuse problem: say whether an intervention was received (INTERVENTION_RECEIVED 0 or 1)."),
        new RowRule("OC2-16", Oc2, "SDQ_REASON", "SDQ_REASON is blank when SDQ_SCORE is given.",
            (r, _) => !r.IsBlank("SDQ_SCORE") && !r.IsBlank("SDQ_REASON"),
            "There is an SDQ score, so no reason for a missing one is needed: clear SDQ_REASON."),
        new RowRule("OC2-17", Oc2, "SDQ_SCORE", "A child under 4 at 31 March has no SDQ score or reason.",
            (r, d) => r.Date("DOB") is { } dob && Degrade.AgeOn(dob, d.YearEnd) < 4 && (!r.IsBlank("SDQ_SCORE") || !r.IsBlank("SDQ_REASON")),
            "The child is under 4 at 31 March, so the SDQ does not apply: leave SDQ_SCORE and SDQ_REASON blank (or check DOB)."),
        new RowRule("OC2-18", Oc2, "SDQ_SCORE", "A child 17 or over at 1 April has no SDQ score or reason.",
            (r, d) => r.Date("DOB") is { } dob && Degrade.AgeOn(dob, d.YearStart) >= 17 && (!r.IsBlank("SDQ_SCORE") || !r.IsBlank("SDQ_REASON")),
            "The young person was 17 or over at 1 April, so the SDQ does not apply: leave SDQ_SCORE and SDQ_REASON blank (or check DOB)."),

        // OC3
        new CodeListRule("OC3-01", Oc3, "IN_TOUCH", required: true),
        new CodeListRule("OC3-02", Oc3, "ACTIV"),
        new CodeListRule("OC3-03", Oc3, "ACCOM"),
        new Oc3AgeRule(),
        new ChildInHeaderRule("OC3-05", Oc3),

        // Adoption
        new DateRule("AD1-01", Ad1, "DATE_INT", required: true),
        new DateOrderRule("AD1-02", Ad1, "DATE_INT", "DATE_MATCH"),
        new CodeListRule("AD1-03", Ad1, "NB_ADOPTR"),
        new CodeListRule("AD1-04", Ad1, "SEX_ADOPTR"),
        new ChildInHeaderRule("AD1-05", Ad1),
        new DateRule("AD1-08", Ad1, "DATE_MATCH", required: false),
        new CodeListRule("AD1-06", Ad1, "LS_ADOPTR"),
        new FlagRule("AD1-07", Ad1, "FOSTER_CARE"),
        new DateRule("PAD-01", PlacedAdoption, "DATE_PLACED", required: true),
        new ReasonWithEndDateRule("PAD-02", PlacedAdoption, "DATE_PLACED_CEASED", "REASON_PLACED_CEASED", "REASON_PLACED_CEASED is present exactly when DATE_PLACED_CEASED is.",
            "The placement for adoption ended but no reason is given. Enter REASON_PLACED_CEASED.",
            "A reason is given but DATE_PLACED_CEASED is blank. Enter the date or clear the reason."),
        new DateOrderRule("PAD-03", PlacedAdoption, "DATE_PLACED", "DATE_PLACED_CEASED"),
        new CodeListRule("PAD-04", PlacedAdoption, "REASON_PLACED_CEASED"),
        new DateRule("PAD-05", PlacedAdoption, "DATE_PLACED_CEASED", required: false),
        new RowRule("PAD-06", PlacedAdoption, "DATE_PLACED", "DATE_PLACED is not before the child's date of birth.",
            (r, d) => r.Date("DATE_PLACED") is { } placed && d.DateOfBirth(r.Child) is { } dob && placed < dob,
            "The decision that the child should be placed for adoption is dated before the child was born: correct DATE_PLACED (or the Header DOB)."),
        new RowRule("PAD-07", PlacedAdoption, "DATE_PLACED", "DATE_PLACED and DATE_PLACED_CEASED are not after 31 March of the collection year.",
            (r, d) => r.Date("DATE_PLACED") > d.YearEnd || r.Date("DATE_PLACED_CEASED") > d.YearEnd,
            "A decision dated after 31 March belongs in next year's return: correct the date or leave it for next year."),
        new RowRule("PAD-08", PlacedAdoption, "DATE_PLACED_CEASED", "DATE_PLACED_CEASED is not before 1 April of the collection year.",
            (r, d) => r.Date("DATE_PLACED_CEASED") < d.YearStart,
            "A decision reversed before this collection year belongs in an earlier return: correct DATE_PLACED_CEASED or remove it."),

        // UASC and previous permanence
        new UascCeasedAfterBirthRule(),
        new ChildInHeaderRule("UAS-02", Uasc),
        new DateRule("UAS-03", Uasc, "DUC", required: false),
        new CodeListRule("PPM-01", PrevPerm, "PREV_PERM"),
        new ChildInHeaderRule("PPM-02", PrevPerm),
        new FormatRule("PPM-03", PrevPerm, "LA_PERM", Formats.IsLaCode, "a three-digit DfE LA code or WAL, SCO, NIR or NUK",
            "Enter the DfE code of the LA where the permanence order was made (e.g. 919), or WAL, SCO, NIR or NUK outside England."),
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
        foreach (var rule in Rules.Where(r => r.Info.AppliesIn(data.CollectionYear)))
            FindingLimit.AddCapped(issues, rule.Info, rule.Check(data, codes), null, rule.Info.Table, issue =>
            {
                if (issue.Severity == Severity.Error)
                    childrenWithErrors.Add(issue.Child ?? $"{issue.File}:{issue.Row}");
            });
        return (issues, childrenWithErrors.Count);
    }
}
