using System.Globalization;

namespace RegionalWarehouse.Etl.Submissions;

/// <summary>
/// Reads a period's year the one way the platform writes it, so each return type can refuse (SUB-02) any other
/// spelling of the same period: an identity (LA, return, period) then has one text, and one current submission.
/// </summary>
public static class PeriodText
{
    /// <summary>The year a period names (digits only, from <paramref name="earliest"/> to 2100), or null.</summary>
    public static int? Year(string period, int earliest) =>
        int.TryParse(period, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= earliest && year <= 2100 ? year : null;
}
