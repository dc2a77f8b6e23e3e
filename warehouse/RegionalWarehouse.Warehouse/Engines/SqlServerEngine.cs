using System.Data.Common;
using DbUp;
using DbUp.Builder;
using Microsoft.Data.SqlClient;

namespace RegionalWarehouse.Warehouse.Engines;

/// <summary>Production: SQL Server or Azure SQL through Microsoft.Data.SqlClient.</summary>
public sealed class SqlServerEngine(string connectionString) : IWarehouseEngine
{
    private readonly SqlConnectionStringBuilder _builder = new(connectionString);

    public WarehouseEngineKind Kind => WarehouseEngineKind.SqlServer;

    public string MigrationFolder => "SqlServer";

    public string ConnectionString => _builder.ConnectionString;

    public string Describe() => $"SQL Server database '{_builder.InitialCatalog}' on '{_builder.DataSource}'";

    public DbConnection Open()
    {
        var connection = new SqlConnection(ConnectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch (SqlException ex)
        {
            connection.Dispose();
            throw new WarehouseUnavailableException(
                $"Cannot reach the {Describe()}: {ex.Message}. Check Warehouse:SqlServerConnectionString " +
                "(RW__Warehouse__SqlServerConnectionString), that the server is running and that its firewall admits this machine.", ex);
        }
    }

    public UpgradeEngineBuilder MigrationBuilder() => DeployChanges.To.SqlDatabase(ConnectionString);

    public string Parameter(string name) => "@" + name;

    public string NextValueSql(string sequence) => $"select next value for {sequence}";

    public IBulkWriter CreateBulkWriter(DbConnection connection, DbTransaction transaction) =>
        new SqlServerBulkWriter((SqlConnection)connection, (SqlTransaction)transaction);
}
