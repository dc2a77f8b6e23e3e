using System.Text.RegularExpressions;

namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>
/// The shapes of the 903's identifier fields. The same test decides whether a rule reports a value and
/// whether the loader keeps it, so nothing the rules call malformed (a carer's name typed into URN) is stored.
/// </summary>
public static partial class Formats
{
    /// <summary>"XXXXXXX" is what the DfE asks for when a placement has no Ofsted URN.</summary>
    public const string NoUrn = "XXXXXXX";

    /// <summary>An Ofsted unique reference number: six or seven digits, or SC and six digits for a children's home.</summary>
    public static bool IsUrn(string value) =>
        value.Length is > 0 and <= 8 && (value.Equals(NoUrn, StringComparison.OrdinalIgnoreCase) || UrnShape().IsMatch(value));

    /// <summary>Where a permanence order was made outside England: Wales, Scotland, Northern Ireland, outside the UK.</summary>
    public static readonly IReadOnlySet<string> OutsideEngland = new HashSet<string>(["WAL", "SCO", "NIR", "NUK"], StringComparer.OrdinalIgnoreCase);

    /// <summary>A DfE local authority code (three digits), or one of the <see cref="OutsideEngland"/> codes.</summary>
    public static bool IsLaCode(string value) => value.Length == 3 && (value.All(char.IsAsciiDigit) || OutsideEngland.Contains(value));

    [GeneratedRegex("^(?:[Ss][Cc][0-9]{6}|[0-9]{6,7})$")]
    private static partial Regex UrnShape();
}

/// <summary>A date the DfE lets an LA give in part (a previous permanence order's, a social worker episode's start): ZZ for an unknown day or month, ZZZZ for an unknown year.</summary>
public static partial class PartialDate
{
    public static bool IsValid(string value)
    {
        var match = Shape().Match(value);
        if (!match.Success)
            return false;
        var (day, month, year) = (match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value);
        if (day != "ZZ" && month != "ZZ" && year != "ZZZZ")
            return Csv.DateValue.TryParse(value, out _);
        return (month == "ZZ" || int.Parse(month) is >= 1 and <= 12) && (day == "ZZ" || int.Parse(day) is >= 1 and <= 31);
    }

    [GeneratedRegex("^([0-9]{2}|ZZ)/([0-9]{2}|ZZ)/([0-9]{4}|ZZZZ)$")]
    private static partial Regex Shape();
}

/// <summary>
/// The 903's SEX codes: 1 (male) and 2 (female) until 2023/24, M, F and U (unknown) from 2024/25 (the
/// code list gives each its years). The warehouse keeps 1 and 2, so a child links across the change.
/// </summary>
public static class SexCode
{
    public static bool IsMale(string value) => value is "1" or "M";

    public static bool IsFemale(string value) => value is "2" or "F";

    public static short? ToStored(string value) => IsMale(value) ? (short)1 : IsFemale(value) ? (short)2 : null;
}

/// <summary>Kinds of placement (PLACE) the 903's rules treat alike.</summary>
public static class PlacementType
{
    /// <summary>Whether two episodes record the same placement, as the DfE's 434, 435 and 436 compare them: type, postcode, URN and provider.</summary>
    public static bool Unchanged(Record903 before, Record903 episode) =>
        before["PLACE"] == episode["PLACE"] && before["PL_POST"] == episode["PL_POST"] && before["URN"] == episode["URN"] && before["PLACE_PROVIDER"] == episode["PLACE_PROVIDER"];

    /// <summary>Temporary placements (T0-T4): not a change of the child's usual placement.</summary>
    public static bool IsTemporary(string place) => place is "T0" or "T1" or "T2" or "T3" or "T4";

    /// <summary>Placements the DfE exempts from an Ofsted URN (with parents, residential employment, health, custody, temporary, other; DfE 218).</summary>
    public static bool IsExemptFromUrn(string place) =>
        place is "P1" or "P3" or "R1" or "R2" or "R5" or "Z1" || IsTemporary(place);

    /// <summary>Placements for adoption (A3-A6).</summary>
    public static bool IsForAdoption(string place) => place is "A3" or "A4" or "A5" or "A6";
}
