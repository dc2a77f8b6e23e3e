using RegionalWarehouse.Etl.Validation;

namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>UPN is a letter and 12 characters whose first letter checks the rest (DfE check-letter algorithm).</summary>
public sealed class UpnCheckLetterRule()
    : Rule903("HDR-05", Severity.Error, Ssda903Schema.Header, "UPN is blank, an UN1–UN10 reason code, or 13 characters with a correct check letter.")
{
    private const string CheckLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";

    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => !r.IsBlank("UPN") && !IsValid(r["UPN"].ToUpperInvariant()))
            .Select(r => Issue(r, "UPN", "UPN is not a valid unique pupil number (13 characters with a correct check letter) or UN1–UN10. Check it against the school census record."));

    public static bool IsValid(string upn)
    {
        if (upn.Length is 3 or 4 && upn.StartsWith("UN", StringComparison.Ordinal) && int.TryParse(upn[2..], out var n) && n is >= 1 and <= 10)
            return true;
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
        data[Table].Where(r => r["MOTHER"] == "1" && r["SEX"] == "1")
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
