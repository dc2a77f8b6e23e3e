namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>UPN is a letter and 12 characters whose first letter checks the rest (DfE check-letter algorithm).</summary>
public sealed class UpnCheckLetterRule()
    : Rule903(new("HDR-05", Dfe: "168", Note: "DfE 168 checks the shape and UN1-UN5; the platform also checks the check letter"), Severity.Error, Ssda903Schema.Header, "UPN is blank, a reason code UN1–UN5, or 13 characters with a correct check letter.")
{
    private const string CheckLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";

    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => !r.IsBlank("UPN") && !IsValid(r["UPN"].ToUpperInvariant()))
            .Select(r => Issue(r, "UPN", "UPN is not a valid unique pupil number (13 characters with a correct check letter) or a reason code UN1–UN5. Check it against the school census record."));

    public static bool IsValid(string upn) => IsReasonCode(upn) || IsPupilNumber(upn);

    /// <summary>UN1–UN5: the reason a child has no UPN (the DfE's 168 allows no others).</summary>
    public static bool IsReasonCode(string upn) =>
        upn is "UN1" or "UN2" or "UN3" or "UN4" or "UN5";

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
