using System.Text.RegularExpressions;

namespace RegionalWarehouse.Etl.Lait;

/// <summary>
/// LAIT labels periods as their sources do: 2025 (a year ending 31 March, or a calendar year), 2024-25 or
/// 2024/25 (a financial or academic year), 2014-16 or 2013/14-15/16 (three-year spans), with notes such as
/// "(OT)" (outturn), "(Rev)", "(Final)" or "(prov)". The benchmarks line each up by the year it ends in.
/// </summary>
public static partial class LaitPeriod
{
    /// <summary>The year the period ends (2024-25 → 2025; 2014-16 → 2016; 2013/14-15/16 → 2016), or null when the label holds no year.</summary>
    public static int? EndYear(string years)
    {
        var label = Note().Replace(years, "").Trim();
        var first = FourDigits().Match(label);
        if (!first.Success)
            return null;
        var last = label.Split('-')[^1].Split('/')[^1].Trim();
        if (!int.TryParse(last, out var end))
            return null;
        var century = int.Parse(first.Value) / 100 * 100;
        var year = last.Length == 4 ? end : last.Length == 2 ? century + end : (int?)null;
        // A two-digit end that wraps past the century (1999-00) belongs to the next one.
        return year < int.Parse(first.Value) ? year + 100 : year;
    }

    [GeneratedRegex(@"\(.*?\)")]
    private static partial Regex Note();

    [GeneratedRegex(@"\d{4}")]
    private static partial Regex FourDigits();
}
