using System.Globalization;

namespace RegionalWarehouse.Etl.Csv;

/// <summary>
/// Dates as the returns write them: dd/mm/yyyy, or yyyy-mm-dd from some exports, from 1900 to 2100. Nothing else:
/// a date far outside that range (31/12/9999) is no date a rule can compute with (adding years to it overflows),
/// so every rule reads it as missing and the date rules report it.
/// </summary>
public static class DateValue
{
    private static readonly string[] Formats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

    public const int FirstYear = 1900;
    public const int LastYear = 2100;

    public static bool TryParse(string? text, out DateOnly date) =>
        TryParseAnyYear(text, out date) && date.Year is >= FirstYear and <= LastYear;

    /// <summary>A date in a return's form whatever its year: only for saying why a date is refused.</summary>
    public static bool TryParseAnyYear(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static DateOnly? Parse(string? text) => TryParse(text, out var d) ? d : null;

    public static string Format(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
