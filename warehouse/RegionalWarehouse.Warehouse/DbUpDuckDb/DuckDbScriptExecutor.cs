using DbUp.Engine;
using DbUp.Engine.Output;
using DbUp.Engine.Transactions;
using DbUp.Support;
using DuckDB.NET.Data;

namespace RegionalWarehouse.Warehouse.DbUpDuckDb;

/// <summary>Runs migration scripts against DuckDB and reports failures with the script's name.</summary>
public sealed class DuckDbScriptExecutor(
    Func<IConnectionManager> connectionManager,
    Func<IUpgradeLog> log,
    Func<bool> variablesEnabled,
    IEnumerable<IScriptPreprocessor> preprocessors,
    Func<IJournal> journal)
    : ScriptExecutor(connectionManager, new DuckDbObjectParser(), log, null, variablesEnabled, preprocessors, journal)
{
    protected override string GetVerifySchemaSql(string schema) => $"create schema if not exists \"{schema}\"";

    protected override void ExecuteCommandsWithinExceptionHandler(int index, SqlScript script, Action executeCommand)
    {
        try
        {
            executeCommand();
        }
        catch (DuckDBException exception)
        {
            Log().LogError("DuckDB migration {0} failed at block {1}: {2}", script.Name, index, exception.Message);
            throw;
        }
    }
}
