namespace RegionalWarehouse.Etl.Benchmarks;

/// <summary>
/// How the DfE's Local Authority Interactive Tool ranks and bands LAs, used for every rank and band the platform
/// shows (marts, CLI, dashboard, map, Power BI, exports). From LAIT's R/fn_analysis.R (calculate_rank,
/// calculate_quartile_band) and R/lait_modules/mod_la_lvl_table.R:
/// <list type="bullet">
/// <item>rank: R's <c>rank(ties.method = "min")</c>, descending for polarity High, ascending for Low; no rank for
/// a metric with neither (LAIT shows "-");</item>
/// <item>band: the value against R's default <c>quantile()</c> (type 7) of the set's values, cut-offs inclusive
/// (Low: A when v ≤ Q25, B when ≤ Q50, C when ≤ Q75, else D; High the mirror); no band without a polarity.</item>
/// </list>
/// The set is whatever is being compared: every English LA with a value (England), or the region's LAs.
/// </summary>
public static class Ranking
{
    public static int? RankOf(double value, IReadOnlyCollection<double> values, Polarity polarity) => polarity switch
    {
        Polarity.HigherIsBetter => 1 + values.Count(other => other > value),
        Polarity.LowerIsBetter => 1 + values.Count(other => other < value),
        _ => null,
    };

    /// <summary>The 25th, 50th and 75th percentiles as R's quantile(type = 7) gives them: h = (n − 1)p, interpolated.</summary>
    public static QuartileCutOffs CutOffs(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
            throw new ArgumentException("Quartile cut-offs need at least one value.", nameof(values));
        return new QuartileCutOffs(Type7(sorted, 0.25), Type7(sorted, 0.5), Type7(sorted, 0.75));
    }

    /// <summary>The band 1 (A, best) to 4 (D) of a value among the values the cut-offs came from; null without a polarity.</summary>
    public static int? Quartile(double value, QuartileCutOffs cutOffs, Polarity polarity)
    {
        var fromLowest = value <= cutOffs.Q25 ? 1 : value <= cutOffs.Q50 ? 2 : value <= cutOffs.Q75 ? 3 : 4;
        return polarity switch
        {
            Polarity.LowerIsBetter => fromLowest,
            Polarity.HigherIsBetter => 5 - fromLowest,
            _ => null,
        };
    }

    /// <summary>Quartile 1..4 as LAIT letters it: A (best) to D.</summary>
    public static char Band(int quartile) => (char)('A' + quartile - 1);

    private static double Type7(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var below = (int)Math.Floor(h);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }
}

/// <summary>The quartile cut-offs of a set of values (R's quantile type 7).</summary>
public readonly record struct QuartileCutOffs(double Q25, double Q50, double Q75);
