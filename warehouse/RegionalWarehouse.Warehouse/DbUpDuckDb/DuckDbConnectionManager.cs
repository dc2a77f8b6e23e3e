using DbUp.Engine.Transactions;
using DuckDB.NET.Data;

namespace RegionalWarehouse.Warehouse.DbUpDuckDb;

/// <summary>
/// Opens DuckDB connections for DbUp. DuckDB executes a multi-statement script in one call,
/// so a migration file is sent whole: splitting on ';' would break string literals that contain one.
/// </summary>
public sealed class DuckDbConnectionManager(string connectionString)
    : DatabaseConnectionManager(_ => new DuckDBConnection(connectionString))
{
    public override IEnumerable<string> SplitScriptIntoCommands(string scriptContents) =>
        string.IsNullOrWhiteSpace(scriptContents) ? [] : [scriptContents];
}
