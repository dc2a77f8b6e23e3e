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

    /// <summary>
    /// Why a period is not a year as the platform writes it (null when it is): another spelling of a year names the
    /// one to use; anything else gets <paramref name="notAYear"/>.
    /// </summary>
    public static string? YearProblem(string period, int earliest, string kind, string notAYear) => Year(period, earliest) switch
    {
        { } year when year.ToString(CultureInfo.InvariantCulture) == period => null,
        { } year => $"'{period}' is not how the platform writes {kind}: use {year}.",
        null => notAYear,
    };
}
