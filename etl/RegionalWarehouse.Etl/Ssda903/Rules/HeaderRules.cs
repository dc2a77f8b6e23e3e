using static RegionalWarehouse.Etl.Ssda903.Ssda903Schema;

namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>Every Header rule, in the order a report lists them.</summary>
public static class HeaderRules
{
    public static readonly IReadOnlyList<Rule903> All =
    [
        new RequiredValueRule("HDR-01", Header, "CHILD", "Every row needs the LA's child identifier."),
        new CodeListRule(new("HDR-02", Dfe: "101"), Header, "SEX", required: true),
        new DateRule(new("HDR-03", Dfe: "102"), Header, "DOB", required: true),
        new CodeListRule(new("HDR-04", Dfe: "103"), Header, "ETHNIC", required: true),
        new UpnCheckLetterRule(),
        new MotherIsFemaleRule(),
        new MotherChildDobRule(),
        new DuplicateKeyRule("HDR-08", Header),
        new ChildHasEpisodeRule(),
        new CodeListRule(new("HDR-10", Dfe: "165", Note: "DfE 165 also checks MOTHER against sex and age; here only its code"), Header, "MOTHER"),
        new DateRule(new("HDR-11", Dfe: "171"), Header, "MC_DOB", required: false),
        new RowRule(new("HDR-36", Dfe: "301"), Header, "DOB", "A child's date of birth is not after the collection year ended.",
            (r, d) => r.Date("DOB") is { } dob && dob > d.YearEnd,
            "The date of birth is after the end of the collection year. Check DOB."),
        new AgreesWithPreviousYearRule(new("HDR-12", Dfe: "202"), "SEX", "sex", (r, before, _) => before.Sex is { } was && SexCode.ToStored(r["SEX"]) != was, // a blank or invalid SEX differs too (DfE 202)
            "SEX differs from the sex last year's return recorded for this child. Correct whichever is wrong (last year's by resubmitting it)."),
        new AgreesWithPreviousYearRule(new("HDR-13", Dfe: "203", Note: "Compares the month of birth: the warehouse keeps no finer date"), "DOB", "month of birth",
            (r, before, _) => before.BirthMonth is { } was && (r.Date("DOB") is not { } dob || AgreesWithPreviousYearRule.Month(dob) != was),
            "DOB is in a different month from the date of birth last year's return recorded for this child. Correct whichever is wrong."),
        new AgreesWithPreviousYearRule(new("HDR-14", Dfe: "204"), "ETHNIC", "ethnicity", (r, before, _) => before.Ethnic is { } was && r["ETHNIC"] != was,
            "ETHNIC differs from the ethnicity last year's return recorded for this child. Correct whichever is wrong."),
        new AgreesWithPreviousYearRule(new("HDR-15", Dfe: "207"), "MOTHER", "mother status",
            (r, before, d) => before.IsMother == true && r["MOTHER"] != "1" && d.EpisodesByChild.ContainsKey(r.Child),
            "Last year's return recorded this young person as a mother; this year's does not. Enter MOTHER = 1 (and MC_DOB), or correct last year's."),
        new RowRule(new("HDR-17", Dfe: "393", Note: "Also covers DfE 607 (a girl who ceased to be looked after without MOTHER)"), Header, "MOTHER", "A looked-after girl (other than on short breaks) has MOTHER recorded.",
            (r, d) => SexCode.IsFemale(r["SEX"]) && r.IsBlank("MOTHER") && d.EpisodesByChild.TryGetValue(r.Child, out var chain) && chain.Any(e => e["LS"] is not ("V3" or "V4")),
            "Enter MOTHER (1 if she is a mother, 0 if not) for every girl looked after in the year."),
        new RowRule(new("HDR-18", Dfe: "620"), Header, "MOTHER", "A young person recorded as a mother was at least 11 at the start of the collection year.",
            (r, d) => r["MOTHER"] == "1" && r.Date("DOB") is { } dob && dob.AddYears(11) > d.YearStart,
            "MOTHER = 1 but the date of birth makes her under 11. Check MOTHER and DOB."),
        new RowRule(new("HDR-19", Dfe: "625", Note: "Follows the DfE's rule text (\"the date the child ceased to be looked after\"): compared with the end of care when the mother's latest episode has ended; the DfE's validator compares with her latest episode end even when another episode follows it"), Header, "MC_DOB", "A mother's child was born by the end of the collection year, and by the day the mother ceased to be looked after.",
            (r, d) => r.Date("MC_DOB") is { } born && (born > d.YearEnd
                      || (d.EpisodesByChild.TryGetValue(r.Child, out var chain) && chain[^1].Date("DEC") is { } ceased && born > ceased)),
            "The date of birth of the mother's child is after 31 March, or after the mother ceased to be looked after: correct MC_DOB (a child born after she left care is not recorded here)."),
        new RowRule(new("HDR-21", Dfe: "174"), Header, "MC_DOB", "A boy (SEX 1) has no mother's child date of birth.",
            (r, _) => SexCode.IsMale(r["SEX"]) && !r.IsBlank("MC_DOB"),
            "MC_DOB is the date of birth of a mother's child, but SEX says this child is a boy. Clear MC_DOB or correct SEX."),
        new RowRule(new("HDR-22", Dfe: "209"), Header, "UPN", "A child of school age (4 or over on 31 August before the collection year began) does not have UPN UN1.",
            (r, d) => r["UPN"] == "UN1" && r.Date("DOB") is { } dob && dob.AddYears(4) <= new DateOnly(d.CollectionYear - 2, 8, 31),
            "UN1 means the child is not yet of school age, but this child is. Enter the child's UPN, or the UN code that explains why there is none."),
        new RowRule(new("HDR-16", Dfe: "351"), Header, "DOB", "A child in the return was not over 25 at the start of the collection year.",
            (r, d) => r.Date("DOB") is { } dob && dob.AddYears(25) < d.YearStart,
            "This child was over 25 when the collection year began, too old for the 903. Check DOB, or remove the child from the return."),
        new RowRule(new("HDR-30", Dfe: "232", FirstYear: 2025), Header, "SEX", "A child's sex is recorded as known (U, unknown, is queried).",
            (r, _) => r["SEX"] == "U",
            "SEX is U (unknown): record the child's sex if it is known.", Severity.Warning),
        new RowRule(new("HDR-23", Dfe: "442"), Header, "UPN", "A child looked after in the year has a UPN, or a UN code saying why there is none.",
            (r, d) => r.IsBlank("UPN") && d.EpisodesByChild.ContainsKey(r.Child),
            "Enter the child's UPN, or the UN code that explains why there is none (e.g. UN1 for a child not yet of school age)."),
        new RowRule(new("HDR-24", Dfe: "607"), Header, "MOTHER", "A girl who ceased to be looked after in the year (other than from short breaks) has MOTHER recorded.",
            (r, d) => SexCode.IsFemale(r["SEX"]) && r.IsBlank("MOTHER") && d.EpisodesByChild.TryGetValue(r.Child, out var chain)
                      && chain.Any(e => e["REC"] is not ("" or "X1") && e["LS"] is not ("V3" or "V4") && e.Date("DEC") is { } end && end >= d.YearStart && end <= d.YearEnd),
            "She ceased to be looked after this year, so MOTHER is needed: 1 if she is a mother, 0 if not."),
        new RowRule(new("HDR-25", Dfe: "399", Note: "DfE 399 in the Header"), Header, "MOTHER", "A child looked after only on short breaks (every episode LS V3 or V4) has no MOTHER recorded.",
            (r, d) => !r.IsBlank("MOTHER") && d.OnlyShortBreaks(r.Child),
            "MOTHER is not collected for a child looked after only on short breaks (V3, V4): leave it blank, or check LS."),
        new AgreesWithPreviousYearRule(new("HDR-26", Dfe: "626"), "MC_DOB", "mother status",
            (r, before, d) => r["MOTHER"] == "1" && before.IsMother == false && r.Date("MC_DOB") < d.YearStart,
            "Her child's date of birth is before this collection year, but last year's return recorded her as not a mother. Correct MC_DOB, or last year's MOTHER."),
        new RowRule(new("HDR-27", Dfe: "628"), Header, "MOTHER", "A care leaver not looked after in the year (OC3 only) has no motherhood details.",
            (r, d) => (!r.IsBlank("MOTHER") || !r.IsBlank("MC_DOB")) && !d.EpisodesByChild.ContainsKey(r.Child)
                      && Oc3Rules.HasCareLeaverDetails(d, r.Child),
            "Motherhood details are collected only for young people looked after in the year: leave MOTHER and MC_DOB blank for this care leaver."),
        new RowRule(new("HDR-28", Dfe: "621"), Header, "MC_DOB", "A mother's child is born after the mother (MC_DOB after DOB).",
            (r, _) => r.Date("MC_DOB") is { } child && r.Date("DOB") is { } dob && child <= dob,
            "The date of birth of the young person's child is not after her own: check MC_DOB and DOB."),
        new AgreesWithPreviousYearRule(new("HDR-29", Dfe: "624", Note: "The warehouse keeps the month of birth of a mother's child, so the month is compared; only for a young person looked after this year (DfE 628)"), "MC_DOB", "mother's child's month of birth",
            (r, before, d) => before.MotherChildBirthMonth is { } was && d.EpisodesByChild.ContainsKey(r.Child)
                              && (r.Date("MC_DOB") is not { } now || AgreesWithPreviousYearRule.Month(now) != was),
            "MC_DOB differs from the date of birth of her child that last year's return recorded (the warehouse compares the month). Correct whichever is wrong."),
        new RowRule(new("HDR-31", Dfe: "105", Note: "Checked where the return is the XML form, whose Header carries the UASC item"), Header, "UASC", "The XML form's UASC item is 0 (not UASC at any time in the year) or 1 (UASC during the year).",
            (r, _) => r.Has("UASC") && r["UASC"] is not ("0" or "1"),
            "UASC is missing or not 0 or 1. Enter 1 if the child was an unaccompanied asylum-seeking child at any time in the year, otherwise 0."),
        new RowRule(new("HDR-32", Dfe: "231", FirstYear: 2025), Header, "DOB", "An unaccompanied asylum-seeking child is 11 or older at 31 March (younger ones are queried).",
            (r, d) => d.IsUasc(r.Child) && r.Date("DOB") is { } dob && dob > d.YearEnd.AddYears(-11),
            "Unaccompanied asylum-seeking children are generally older young people: check DOB. If it is right, explain it when the DfE asks.", Severity.Warning),
        new RowRule(new("HDR-33", Dfe: "205A", Note: "Checked for children looked after this year; a care leaver's UASC status is not recorded (UAS-04)"), Header, "CHILD", "A child UASC in last year's return and not this year's had that status cease last year.",
            (r, d) => d.EpisodesByChild.ContainsKey(r.Child) && !d.IsUasc(r.Child) && d.Previous.UascOf(r.Child) is { } was
                      && !(was.Ceased is { } ceased && ceased >= d.YearStart.AddYears(-1) && ceased <= d.YearEnd.AddYears(-1)),
            "Last year's return recorded this child as UASC without the status ceasing in that year, but this year's has no UASC record for them. Add the child's UASC record (DUC: the date the status ceased), or correct last year's return."),
        new RowRule(new("HDR-34", Dfe: "210", Note: "As the DfE's message states it: UN4 for a child looked after at 31 March whose period of care began more than a week before"), Header, "UPN", "A child looked after at 31 March for more than a week does not have UPN UN4 (newly looked after, UPN not yet obtained).",
            (r, d) => r["UPN"] == "UN4" && d.PeriodOfCareOn(r.Child, d.YearEnd) is { End: null } care && care.Start < d.YearEnd.AddDays(-7),
            "UN4 is for a child too newly looked after for the UPN to be known; this child has been looked after longer than a week. Obtain and enter the UPN, or the UN code that explains why there is none."),
        new AgreesWithPreviousYearRule(new("HDR-35", Dfe: "208", Note: "Against last year's return as the warehouse holds it: the UPN as a keyed pseudonym, or its UN code"), "UPN", "UPN", (r, before, d) => UpnHistory.Disagrees(r["UPN"], before, d.Previous.UpnKeyOf),
            "UPN differs from the one last year's return recorded for this child. A known UPN stays the same, and an UN code changes only to the UPN (or from UN1 to UN2-UN5): correct whichever year is wrong."),
    ];
}

/// <summary>The DfE's 208: how a child's UPN may change from one year's return to the next.</summary>
public static class UpnHistory
{
    private static readonly string[] NoLongerNotOfSchoolAge = ["UN2", "UN3", "UN4", "UN5"];

    /// <summary>
    /// A known UPN stays the same; a reason code (or a blank) may become the UPN; UN1 (or a blank) may become
    /// UN2-UN5, and a blank UN1; any other change disagrees, a UPN of the wrong form included when last year's
    /// return had one (its form is HDR-05's too).
    /// </summary>
    public static bool Disagrees(string upn, PreviousChild before, Func<string, long> keyOf)
    {
        if (upn.Length > 0 && !UpnCheckLetterRule.IsValid(upn))
            return before.UpnKey is not null || before.UpnReason is not null; // last year had one: this is no longer it (DfE 208)
        if (before.UpnKey is { } known)
            return !UpnCheckLetterRule.IsPupilNumber(upn) || keyOf(upn) != known;
        if (UpnCheckLetterRule.IsPupilNumber(upn))
            return false;
        if (before.UpnReason is not { } reason)
            return upn.Length > 0 && upn != "UN1" && !NoLongerNotOfSchoolAge.Contains(upn);
        return upn != reason && !(reason == "UN1" && NoLongerNotOfSchoolAge.Contains(upn));
    }
}
