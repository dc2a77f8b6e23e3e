using System.Data;
using Microsoft.Data.SqlClient;

namespace RegionalWarehouse.Warehouse.Engines;

/// <summary>SqlBulkCopy in batches of <see cref="BatchSize"/> rows, enlisted in the load's transaction.</summary>
public sealed class SqlServerBulkWriter(SqlConnection connection, SqlTransaction transaction) : IBulkWriter
{
    public const int BatchSize = 10_000;

    public ITableWriter Open(string schema, string table, IReadOnlyList<string> columns) =>
        new Batcher(connection, transaction, $"{schema}.{table}", columns);

    public void Dispose() { }

    private sealed class Batcher : ITableWriter
    {
        private readonly SqlBulkCopy _copy;
        private readonly DataTable _buffer = new();

        public Batcher(SqlConnection connection, SqlTransaction transaction, string table, IReadOnlyList<string> columns)
        {
            _copy = new SqlBulkCopy(connection, SqlBulkCopyOptions.CheckConstraints, transaction)
            {
                DestinationTableName = table,
                BatchSize = BatchSize,
                BulkCopyTimeout = 0,
            };
            foreach (var column in columns)
            {
                _buffer.Columns.Add(column, typeof(object));
                _copy.ColumnMappings.Add(column, column);
            }
        }

        public long Count { get; private set; }

        public void Add(params object?[] values)
        {
            _buffer.Rows.Add(values.Select(v => v switch
            {
                null => DBNull.Value,
                DateOnly d => d.ToDateTime(TimeOnly.MinValue),
                _ => v,
            }).ToArray());
            Count++;
            if (_buffer.Rows.Count >= BatchSize)
                Flush();
        }

        private void Flush()
        {
            if (_buffer.Rows.Count == 0)
                return;
            _copy.WriteToServer(_buffer);
            _buffer.Clear();
        }

        public void Dispose()
        {
            Flush();
            ((IDisposable)_copy).Dispose();
        }
    }
}
