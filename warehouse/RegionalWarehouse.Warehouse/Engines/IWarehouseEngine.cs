using System.Data.Common;
using DbUp.Builder;

namespace RegionalWarehouse.Warehouse.Engines;

/// <summary>
/// The one seam between the platform and a warehouse engine. Everything dialect-specific
/// (connections, migrations, bulk loading, parameter syntax) is answered here; SQL text itself lives
/// in the engine's migration folder and named views.
/// </summary>
public interface IWarehouseEngine
{
    WarehouseEngineKind Kind { get; }

    /// <summary>Where the warehouse is, for logs and messages; never includes credentials.</summary>
    string Describe();

    /// <summary>An open connection, or <see cref="WarehouseUnavailableException"/> saying what to fix.</summary>
    DbConnection Open();

    /// <summary>A DbUp builder targeting this engine, before scripts are added.</summary>
    UpgradeEngineBuilder MigrationBuilder();

    /// <summary>The folder under Migrations/ holding this engine's scripts.</summary>
    string MigrationFolder { get; }

    /// <summary>How a named parameter is written in SQL text on this engine ("@name" or "$name").</summary>
    string Parameter(string name);

    /// <summary>A query returning the next value of a sequence created by the migrations.</summary>
    string NextValueSql(string sequence);

    /// <summary>A bulk writer enlisted in the caller's transaction (DuckDB appender, SqlBulkCopy).</summary>
    IBulkWriter CreateBulkWriter(DbConnection connection, DbTransaction transaction);
}

/// <summary>The warehouse could not be reached or opened; the message says what to check.</summary>
public sealed class WarehouseUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
