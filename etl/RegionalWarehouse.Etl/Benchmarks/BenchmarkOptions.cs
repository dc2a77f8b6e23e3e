namespace RegionalWarehouse.Etl.Benchmarks;

/// <summary>Bound from "Benchmarks".</summary>
public sealed class BenchmarkOptions
{
    public const string Section = "Benchmarks";

    /// <summary>Counts from 1 to this value (and rates, percentages and means built on them) are suppressed in cross-LA outputs.</summary>
    public int SuppressCountsUpTo { get; set; } = 5;
}
