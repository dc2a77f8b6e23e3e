using DbUp.Engine.Output;
using DbUp.Engine.Transactions;
using DbUp.Support;

namespace RegionalWarehouse.Warehouse.DbUpDuckDb;

/// <summary>
/// Records applied scripts in a SchemaVersions table with the same columns dbup-sqlserver uses
/// (Id, ScriptName, Applied), so operators read the migration history the same way on both engines.
/// </summary>
public sealed class DuckDbTableJournal(Func<IConnectionManager> connectionManager, Func<IUpgradeLog> logger, string? schema, string table)
    : TableJournal(connectionManager, logger, new DuckDbObjectParser(), schema, table)
{
    private string SequenceName => SchemaTableSchema is null
        ? $"\"{UnquotedSchemaTableName}_id_seq\""
        : $"\"{SchemaTableSchema}\".\"{UnquotedSchemaTableName}_id_seq\"";

    protected override string GetInsertJournalEntrySql(string scriptName, string applied) =>
        $"insert into {FqSchemaTableName} (ScriptName, Applied) values ($scriptName, $applied)";

    protected override string GetJournalEntriesSql() =>
        $"select ScriptName from {FqSchemaTableName} order by ScriptName";

    protected override string CreateSchemaTableSql(string quotedPrimaryKeyName) =>
        $"""
        create sequence if not exists {SequenceName};
        create table {FqSchemaTableName} (
            Id integer not null default nextval('{SequenceName.Replace("\"", "")}') constraint {quotedPrimaryKeyName} primary key,
            ScriptName varchar(255) not null,
            Applied timestamp not null
        );
        """;

    protected override string DoesTableExistSql() =>
        SchemaTableSchema is null
            ? $"select count(*) from information_schema.tables where table_name = '{UnquotedSchemaTableName}'"
            : $"select count(*) from information_schema.tables where table_schema = '{SchemaTableSchema}' and table_name = '{UnquotedSchemaTableName}'";
}
