using System.Globalization;

namespace RegionalWarehouse.Etl.Csv;

/// <summary>Dates as the returns write them: dd/mm/yyyy, or yyyy-mm-dd from some exports. Nothing else.</summary>
public static class DateValue
{
    private static readonly string[] Formats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static DateOnly? Parse(string? text) => TryParse(text, out var d) ? d : null;

    public static string Format(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
