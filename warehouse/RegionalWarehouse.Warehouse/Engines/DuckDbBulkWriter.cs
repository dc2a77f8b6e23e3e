using DuckDB.NET.Data;

namespace RegionalWarehouse.Warehouse.Engines;

/// <summary>
/// DuckDB's appender: rows go straight into the table's storage, inside the connection's open
/// transaction, so a rollback discards them. Columns must be given in table order.
/// </summary>
public sealed class DuckDbBulkWriter(DuckDBConnection connection) : IBulkWriter
{
    public ITableWriter Open(string schema, string table, IReadOnlyList<string> columns) =>
        new Appender(connection.CreateAppender(schema, table));

    public void Dispose() { }

    private sealed class Appender(DuckDBAppender appender) : ITableWriter
    {
        public long Count { get; private set; }

        public void Add(params object?[] values)
        {
            var row = appender.CreateRow();
            foreach (var value in values)
            {
                row = value switch
                {
                    null => row.AppendNullValue(),
                    string s => row.AppendValue(s),
                    int i => row.AppendValue(i),
                    long l => row.AppendValue(l),
                    short s => row.AppendValue(s),
                    bool b => row.AppendValue(b),
                    DateOnly d => row.AppendValue(d),
                    DateTime t => row.AppendValue(t),
                    double d => row.AppendValue(d),
                    decimal m => row.AppendValue(m),
                    _ => throw new ArgumentException($"No appender mapping for {value.GetType().Name}"),
                };
            }
            row.EndRow();
            Count++;
        }

        public void Dispose() => appender.Dispose();
    }
}
