using DuckDB.NET.Data;

namespace RegionalWarehouse.Warehouse.Engines;

/// <summary>
/// DuckDB's appender: rows go straight into the table's storage, inside the connection's open
/// transaction, so a rollback discards them. The appender fills every column in table order, so the
/// columns given must be exactly those: a table that gained a column fails here, not with shifted values.
/// </summary>
public sealed class DuckDbBulkWriter(DuckDBConnection connection) : IBulkWriter
{
    public ITableWriter Open(string schema, string table, IReadOnlyList<string> columns)
    {
        var actual = TableColumns(schema, table);
        if (!actual.SequenceEqual(columns, StringComparer.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                $"{schema}.{table} has columns ({string.Join(", ", actual)}); the writer was given ({string.Join(", ", columns)}). DuckDB's appender needs all of them, in order.");
        return new Appender(connection.CreateAppender(schema, table));
    }

    private List<string> TableColumns(string schema, string table)
    {
        // An empty select names the columns in table order at almost no cost (information_schema is slow
        // enough to matter when every one of a thousand loads opens ten writers).
        using var command = connection.CreateCommand();
        command.CommandText = $"select * from {schema}.{table} limit 0";
        using var reader = command.ExecuteReader();
        return Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
    }

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
