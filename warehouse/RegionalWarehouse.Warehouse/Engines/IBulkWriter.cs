namespace RegionalWarehouse.Warehouse.Engines;

/// <summary>
/// Streams rows into one table at a time through the engine's bulk path. Values are CLR values
/// (string, int, long, short, bool, DateOnly, DateTime, double, decimal) or null, in the order of
/// the columns given to <see cref="Open"/>.
/// </summary>
public interface IBulkWriter : IDisposable
{
    ITableWriter Open(string schema, string table, IReadOnlyList<string> columns);
}

public interface ITableWriter : IDisposable
{
    void Add(params object?[] values);

    /// <summary>Rows written so far.</summary>
    long Count { get; }
}
