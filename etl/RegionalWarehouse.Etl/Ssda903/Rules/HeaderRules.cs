using RegionalWarehouse.Etl.Validation;
using static RegionalWarehouse.Etl.Ssda903.Ssda903Schema;

namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>Every Header rule, in the order a report lists them.</summary>
public static class HeaderRules
{
    public static readonly IReadOnlyList<Rule903> All =
    [
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
        new AgreesWithPreviousYearRule("HDR-12", "SEX", "sex", (r, before, _) => SexCode.ToStored(r["SEX"]) is { } sex && before.Sex is { } was && sex != was,
            "SEX differs from the sex last year's return recorded for this child. Correct whichever is wrong (last year's by resubmitting it)."),
        new AgreesWithPreviousYearRule("HDR-13", "DOB", "month of birth",
            (r, before, _) => r.Date("DOB") is { } dob && before.BirthMonth is { } was && AgreesWithPreviousYearRule.Month(dob) != was,
            "DOB is in a different month from the date of birth last year's return recorded for this child. Correct whichever is wrong."),
        new AgreesWithPreviousYearRule("HDR-14", "ETHNIC", "ethnicity", (r, before, _) => !r.IsBlank("ETHNIC") && before.Ethnic is { } was && r["ETHNIC"] != was,
            "ETHNIC differs from the ethnicity last year's return recorded for this child. Correct whichever is wrong."),
        new AgreesWithPreviousYearRule("HDR-15", "MOTHER", "mother status",
            (r, before, d) => before.IsMother == true && r["MOTHER"] != "1" && d.EpisodesByChild.ContainsKey(r.Child),
            "Last year's return recorded this young person as a mother; this year's does not. Enter MOTHER = 1 (and MC_DOB), or correct last year's."),
        new RowRule("HDR-17", Header, "MOTHER", "A looked-after girl (other than on short breaks) has MOTHER recorded.",
            (r, d) => SexCode.IsFemale(r["SEX"]) && r.IsBlank("MOTHER") && d.EpisodesByChild.TryGetValue(r.Child, out var chain) && chain.Any(e => e["LS"] is not ("V3" or "V4")),
            "Enter MOTHER (1 if she is a mother, 0 if not) for every girl looked after in the year."),
        new RowRule("HDR-18", Header, "MOTHER", "A young person recorded as a mother was at least 11 at the start of the collection year.",
            (r, d) => r["MOTHER"] == "1" && r.Date("DOB") is { } dob && dob.AddYears(11) > d.YearStart,
            "MOTHER = 1 but the date of birth makes her under 11. Check MOTHER and DOB."),
        new RowRule("HDR-19", Header, "MC_DOB", "A mother's child was born by the end of the collection year.",
            (r, d) => r.Date("MC_DOB") > d.YearEnd,
            "The date of birth of the mother's child is after 31 March: correct MC_DOB."),
        new RowRule("HDR-21", Header, "MC_DOB", "A boy (SEX 1) has no mother's child date of birth.",
            (r, _) => SexCode.IsMale(r["SEX"]) && !r.IsBlank("MC_DOB"),
            "MC_DOB is the date of birth of a mother's child, but SEX says this child is a boy. Clear MC_DOB or correct SEX."),
        new RowRule("HDR-22", Header, "UPN", "A child of school age (4 or over on 31 August before the collection year began) does not have UPN UN1.",
            (r, d) => r["UPN"] == "UN1" && r.Date("DOB") is { } dob && dob.AddYears(4) <= new DateOnly(d.CollectionYear - 2, 8, 31),
            "UN1 means the child is not yet of school age, but this child is. Enter the child's UPN, or the UN code that explains why there is none."),
        new RowRule("HDR-16", Header, "DOB", "A child in the return was not over 21 at the start of the collection year.",
            (r, d) => r.Date("DOB") is { } dob && dob.AddYears(21) < d.YearStart,
            "This child was over 21 when the collection year began, too old for the 903. Check DOB, or remove the child from the return."),
        new RowRule("HDR-30", Header, "SEX", "A child's sex is recorded as known (U, unknown, is queried).",
            (r, _) => r["SEX"] == "U",
            "SEX is U (unknown): record the child's sex if it is known.", Severity.Warning),
        new RowRule("HDR-23", Header, "UPN", "A child looked after in the year has a UPN, or a UN code saying why there is none.",
            (r, d) => r.IsBlank("UPN") && d.EpisodesByChild.ContainsKey(r.Child),
            "Enter the child's UPN, or the UN code that explains why there is none (e.g. UN1 for a child not yet of school age)."),
        new RowRule("HDR-24", Header, "MOTHER", "A girl who ceased to be looked after in the year (other than from short breaks) has MOTHER recorded.",
            (r, d) => SexCode.IsFemale(r["SEX"]) && r.IsBlank("MOTHER") && d.EpisodesByChild.TryGetValue(r.Child, out var chain)
                      && chain.Any(e => e["REC"] is not ("" or "X1") && e["LS"] is not ("V3" or "V4") && e.Date("DEC") is { } end && end >= d.YearStart && end <= d.YearEnd),
            "She ceased to be looked after this year, so MOTHER is needed: 1 if she is a mother, 0 if not."),
        new RowRule("HDR-25", Header, "MOTHER", "A child looked after only on short breaks (every episode LS V3 or V4) has no MOTHER recorded.",
            (r, d) => !r.IsBlank("MOTHER") && d.OnlyShortBreaks(r.Child),
            "MOTHER is not collected for a child looked after only on short breaks (V3, V4): leave it blank, or check LS."),
        new AgreesWithPreviousYearRule("HDR-26", "MC_DOB", "mother status",
            (r, before, d) => r["MOTHER"] == "1" && before.IsMother == false && r.Date("MC_DOB") < d.YearStart,
            "Her child's date of birth is before this collection year, but last year's return recorded her as not a mother. Correct MC_DOB, or last year's MOTHER."),
        new RowRule("HDR-27", Header, "MOTHER", "A care leaver not looked after in the year (OC3 only) has no motherhood details.",
            (r, d) => (!r.IsBlank("MOTHER") || !r.IsBlank("MC_DOB")) && !d.EpisodesByChild.ContainsKey(r.Child)
                      && Oc3Rules.HasCareLeaverDetails(d, r.Child),
            "Motherhood details are collected only for young people looked after in the year: leave MOTHER and MC_DOB blank for this care leaver."),
        new RowRule("HDR-28", Header, "MC_DOB", "A mother's child is born after the mother (MC_DOB after DOB).",
            (r, _) => r.Date("MC_DOB") is { } child && r.Date("DOB") is { } dob && child <= dob,
            "The date of birth of the young person's child is not after her own: check MC_DOB and DOB."),
        new AgreesWithPreviousYearRule("HDR-29", "MC_DOB", "mother's child's month of birth",
            (r, before, d) => before.MotherChildBirthMonth is { } was && d.EpisodesByChild.ContainsKey(r.Child)
                              && (r.Date("MC_DOB") is not { } now || AgreesWithPreviousYearRule.Month(now) != was),
            "MC_DOB differs from the date of birth of her child that last year's return recorded (the warehouse compares the month). Correct whichever is wrong."),
        new RowRule("HDR-31", Header, "UASC", "The XML form's UASC item is 0 (not UASC at any time in the year) or 1 (UASC during the year).",
            (r, _) => r.Has("UASC") && r["UASC"] is not ("0" or "1"),
            "UASC is missing or not 0 or 1. Enter 1 if the child was an unaccompanied asylum-seeking child at any time in the year, otherwise 0."),
        new RowRule("HDR-32", Header, "DOB", "An unaccompanied asylum-seeking child is 11 or older at 31 March (younger ones are queried).",
            (r, d) => d.IsUasc(r.Child) && r.Date("DOB") is { } dob && dob > d.YearEnd.AddYears(-11),
            "Unaccompanied asylum-seeking children are generally older young people: check DOB. If it is right, explain it when the DfE asks.", Severity.Warning),
        new RowRule("HDR-33", Header, "CHILD", "A child UASC in last year's return and not this year's had that status cease last year.",
            (r, d) => d.EpisodesByChild.ContainsKey(r.Child) && !d.IsUasc(r.Child) && d.Previous.UascOf(r.Child) is { } was
                      && !(was.Ceased is { } ceased && ceased >= d.YearStart.AddYears(-1) && ceased <= d.YearEnd.AddYears(-1)),
            "Last year's return recorded this child as UASC without the status ceasing in that year, but this year's has no UASC record for them. Add the child's UASC record (DUC: the date the status ceased), or correct last year's return."),
        new RowRule("HDR-34", Header, "UPN", "A child looked after at 31 March for more than a week does not have UPN UN4 (newly looked after, UPN not yet obtained).",
            (r, d) => r["UPN"] == "UN4" && d.PeriodOfCareOn(r.Child, d.YearEnd) is { End: null } care && care.Start < d.YearEnd.AddDays(-7),
            "UN4 is for a child too newly looked after for the UPN to be known; this child has been looked after longer than a week. Obtain and enter the UPN, or the UN code that explains why there is none."),
        new AgreesWithPreviousYearRule("HDR-35", "UPN", "UPN", (r, before, d) => UpnHistory.Disagrees(r["UPN"], before, d.Previous.UpnKeyOf),
            "UPN differs from the one last year's return recorded for this child. A known UPN stays the same, and an UN code changes only to the UPN (or from UN1 to UN2-UN5): correct whichever year is wrong."),
    ];
}


/// <summary>The DfE's 208: how a child's UPN may change from one year's return to the next.</summary>
public static class UpnHistory
{
    private static readonly string[] NoLongerNotOfSchoolAge = ["UN2", "UN3", "UN4", "UN5"];

    /// <summary>
    /// A known UPN stays the same; a reason code (or a blank) may become the UPN; UN1 (or a blank) may become
    /// UN2-UN5, and a blank UN1; any other change disagrees. A UPN of the wrong form is HDR-05's, not compared.
    /// </summary>
    public static bool Disagrees(string upn, PreviousChild before, Func<string, long> keyOf)
    {
        if (upn.Length > 0 && !UpnCheckLetterRule.IsValid(upn))
            return false;
        if (before.UpnKey is { } known)
            return !UpnCheckLetterRule.IsPupilNumber(upn) || keyOf(upn) != known;
        if (UpnCheckLetterRule.IsPupilNumber(upn))
            return false;
        if (before.UpnReason is not { } reason)
            return upn.Length > 0 && upn != "UN1" && !NoLongerNotOfSchoolAge.Contains(upn);
        return upn != reason && !(reason == "UN1" && NoLongerNotOfSchoolAge.Contains(upn));
    }
}
/// <summary>UPN is a letter and 12 characters whose first letter checks the rest (DfE check-letter algorithm).</summary>
public sealed class UpnCheckLetterRule()
    : Rule903("HDR-05", Severity.Error, Ssda903Schema.Header, "UPN is blank, an UN1–UN10 reason code, or 13 characters with a correct check letter.")
{
    private const string CheckLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";

    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => !r.IsBlank("UPN") && !IsValid(r["UPN"].ToUpperInvariant()))
            .Select(r => Issue(r, "UPN", "UPN is not a valid unique pupil number (13 characters with a correct check letter) or UN1–UN10. Check it against the school census record."));

    public static bool IsValid(string upn) => IsReasonCode(upn) || IsPupilNumber(upn);

    /// <summary>UN1–UN10: the reason a child has no UPN.</summary>
    public static bool IsReasonCode(string upn) =>
        upn.Length is 3 or 4 && upn.StartsWith("UN", StringComparison.Ordinal) && int.TryParse(upn[2..], out var n) && n is >= 1 and <= 10;

    /// <summary>A unique pupil number: 13 characters whose first is the check letter of the rest.</summary>
    public static bool IsPupilNumber(string upn)
    {
        if (upn.Length != 13 || !CheckLetters.Contains(upn[0]) || !upn[1..12].All(char.IsAsciiDigit))
            return false;
        var last = upn[12];
        var lastValue = char.IsAsciiDigit(last) ? last - '0' : CheckLetters.IndexOf(last);
        if (lastValue < 0)
            return false;
        var sum = 0;
        for (var i = 1; i < 12; i++)
            sum += (upn[i] - '0') * (i + 1);
        sum += lastValue * 13;
        return CheckLetters[sum % 23] == upn[0];
    }

    /// <summary>A valid UPN for twelve characters; the synthetic data generator uses it.</summary>
    public static string WithCheckLetter(string twelveDigits)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++)
            sum += (twelveDigits[i] - '0') * (i + 2);
        return CheckLetters[sum % 23] + twelveDigits;
    }
}

/// <summary>Only a female child can be recorded as a mother.</summary>
public sealed class MotherIsFemaleRule()
    : Rule903("HDR-06", Severity.Error, Ssda903Schema.Header, "MOTHER = 1 only where SEX = 2 (female).")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => r["MOTHER"] == "1" && SexCode.IsMale(r["SEX"]))
            .Select(r => Issue(r, "MOTHER", "MOTHER is 1 but SEX is 1 (male). Correct SEX or MOTHER."));
}

/// <summary>A mother's child's date of birth is given exactly when MOTHER = 1.</summary>
public sealed class MotherChildDobRule()
    : Rule903("HDR-07", Severity.Error, Ssda903Schema.Header, "MC_DOB is present when MOTHER = 1 and blank otherwise.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes)
    {
        foreach (var r in data[Table])
        {
            if (r["MOTHER"] == "1" && r.IsBlank("MC_DOB"))
                yield return Issue(r, "MC_DOB", "MOTHER is 1 but MC_DOB is blank. Enter the date of birth of the young person's child.");
            else if (r["MOTHER"] != "1" && !r.IsBlank("MC_DOB"))
                yield return Issue(r, "MC_DOB", "MC_DOB is filled in but MOTHER is not 1. Set MOTHER to 1 or clear MC_DOB.");
        }
    }
}

/// <summary>A child in the return was looked after in the year or is a care leaver with an OC3 record.</summary>
public sealed class ChildHasEpisodeRule()
    : Rule903("HDR-09", Severity.Error, Ssda903Schema.Header, "Every child in the Header table has an episode in the year or an OC3 (care leaver) record.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes)
    {
        var accounted = data[Ssda903Schema.Episodes].Concat(data[Ssda903Schema.Oc3]).Select(r => r.Child).ToHashSet();
        return data.HeaderByChild.Values.Where(h => !accounted.Contains(h.Child))
            .Select(h => Issue(h, "CHILD", "This child has no episodes and no OC3 record, so does not belong in this return. Add the child's episodes or remove the Header row."));
    }
}
