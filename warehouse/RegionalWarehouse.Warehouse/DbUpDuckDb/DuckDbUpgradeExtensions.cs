using DbUp.Builder;

namespace RegionalWarehouse.Warehouse.DbUpDuckDb;

/// <summary>DbUp has no DuckDB provider; this plugs ours into DbUp's fluent builder like dbup-sqlite does.</summary>
public static class DuckDbUpgradeExtensions
{
    public const string JournalTable = "SchemaVersions";

    public static UpgradeEngineBuilder DuckDbDatabase(this SupportedDatabases _, string connectionString)
    {
        var builder = new UpgradeEngineBuilder();
        builder.Configure(c => c.ConnectionManager = new DuckDbConnectionManager(connectionString));
        builder.Configure(c => c.Journal = new DuckDbTableJournal(() => c.ConnectionManager, () => c.Log, null, JournalTable));
        builder.Configure(c => c.ScriptExecutor = new DuckDbScriptExecutor(
            () => c.ConnectionManager, () => c.Log, () => c.VariablesEnabled, c.ScriptPreprocessors, () => c.Journal));
        return builder;
    }
}
