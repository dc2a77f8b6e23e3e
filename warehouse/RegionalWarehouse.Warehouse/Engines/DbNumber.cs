namespace RegionalWarehouse.Warehouse.Engines;

/// <summary>
/// Numbers as the engines return them: DuckDB sums integers into 128-bit HUGEINTs (BigInteger), SQL Server
/// into ints or decimals. One conversion for every reader of an aggregate.
/// </summary>
public static class DbNumber
{
    public static double? ToDouble(object value) => value switch
    {
        DBNull => null,
        System.Numerics.BigInteger big => (double)big,
        _ => Convert.ToDouble(value),
    };

    /// <summary>A whole number, with a database null read as 0 (a count over no rows).</summary>
    public static long ToInt64(object value) => value switch
    {
        DBNull => 0,
        System.Numerics.BigInteger big => (long)big,
        _ => Convert.ToInt64(value),
    };
}
