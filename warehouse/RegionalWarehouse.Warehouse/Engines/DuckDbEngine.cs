using System.Data.Common;
using DbUp;
using DbUp.Builder;
using DuckDB.NET.Data;
using RegionalWarehouse.Warehouse.DbUpDuckDb;

namespace RegionalWarehouse.Warehouse.Engines;

/// <summary>The embedded default: one DuckDB file, owned for writing by one process.</summary>
/// <param name="memoryLimit">DuckDB's buffer pool cap (its default is 80% of RAM, which lets memory grow with the
/// warehouse); larger work spills to disk instead.</param>
public sealed class DuckDbEngine(string path, string memoryLimit = DuckDbEngine.DefaultMemoryLimit) : IWarehouseEngine
{
    public const string DefaultMemoryLimit = "128MB";

    public string FilePath { get; } = Path.GetFullPath(path);

    public WarehouseEngineKind Kind => WarehouseEngineKind.DuckDb;

    public string MigrationFolder => "DuckDb";

    public string ConnectionString => $"Data Source={FilePath};memory_limit={memoryLimit}";

    public string Describe() => $"DuckDB file {FilePath}";

    private readonly Lock _gate = new();
    private DbConnection? _instanceHolder;

    /// <summary>
    /// Keeps the database instance open until <see cref="ReleaseInstance"/>: opening a DuckDB file costs about
    /// 30 ms on a national warehouse, but while one connection to it is open DuckDB.NET hands every new connection
    /// the same instance at no cost. Long-running processes (the worker, the dashboard, the bench) hold it; a
    /// one-off command does not, so the file is free for the next process as soon as it exits.
    /// </summary>
    public void KeepInstanceOpen()
    {
        lock (_gate)
            _instanceHolder ??= Open();
    }

    public void ReleaseInstance()
    {
        lock (_gate)
        {
            _instanceHolder?.Dispose();
            _instanceHolder = null;
        }
    }

    public DbConnection Open()
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            var connection = new DuckDBConnection(ConnectionString);
            connection.Open();
            return connection;
        }
        catch (Exception ex) when (ex is DuckDBException or IOException or UnauthorizedAccessException)
        {
            throw new WarehouseUnavailableException(
                $"Cannot open the DuckDB warehouse {FilePath}: {ex.Message}. " +
                "Only one process may write a DuckDB file: stop any other worker or rw command using it, " +
                "or point Warehouse:DuckDbPath (RW__Warehouse__DuckDbPath) at a writable file.", ex);
        }
    }

    public UpgradeEngineBuilder MigrationBuilder()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        return DeployChanges.To.DuckDbDatabase(ConnectionString);
    }

    public string Parameter(string name) => "$" + name;

    public string NextValueSql(string sequence) => $"select nextval('{sequence}')";

    public IBulkWriter CreateBulkWriter(DbConnection connection, DbTransaction transaction) =>
        new DuckDbBulkWriter((DuckDBConnection)connection);
}
