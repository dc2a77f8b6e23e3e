using System.Text.RegularExpressions;

namespace RegionalWarehouse.Etl.Privacy;

/// <summary>The data-minimising reductions applied before anything is stored.</summary>
public static partial class Degrade
{
    /// <summary>A date of birth becomes the first day of its month.</summary>
    public static DateOnly? ToMonth(DateOnly? date) => date is { } d ? new DateOnly(d.Year, d.Month, 1) : null;

    /// <summary>
    /// A full postcode becomes its outward code (district), e.g. "SG13 8DQ" → "SG13". Anything that is
    /// not a UK postcode is dropped rather than stored.
    /// </summary>
    public static string? ToDistrict(string? postcode)
    {
        if (string.IsNullOrWhiteSpace(postcode))
            return null;
        var compact = postcode.Replace(" ", "").ToUpperInvariant();
        if (FullPostcode().IsMatch(compact))
            return compact[..^3];
        return OutwardOnly().IsMatch(compact) ? compact : null;
    }

    /// <summary>Whole years between two dates, as a birthday count.</summary>
    public static int AgeOn(DateOnly birth, DateOnly on) =>
        on.Year - birth.Year - (on < birth.AddYears(on.Year - birth.Year) ? 1 : 0);

    [GeneratedRegex("^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$")]
    private static partial Regex FullPostcode();

    [GeneratedRegex("^[A-Z]{1,2}[0-9][A-Z0-9]?$")]
    private static partial Regex OutwardOnly();
}
