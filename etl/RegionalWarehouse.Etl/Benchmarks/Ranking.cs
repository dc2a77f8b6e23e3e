namespace RegionalWarehouse.Etl.Benchmarks;

/// <summary>
/// How the platform ranks LAs on a metric, in the marts, on the map and in the reports alike: rank 1 is best by
/// the metric's polarity (highest first when it has none), ties share a rank, and quartile 1 (band A) holds the
/// best quarter.
/// </summary>
public static class Ranking
{
    public static int RankOf(double value, IReadOnlyCollection<double> values, Polarity polarity) =>
        1 + values.Count(other => polarity == Polarity.LowerIsBetter ? other < value : other > value);

    public static int Quartile(int rank, int count) => (rank - 1) * 4 / count + 1;

    /// <summary>Quartile 1..4 as the DfE's LAIT bands them: A (best) to D.</summary>
    public static char Band(int quartile) => (char)('A' + quartile - 1);
}
