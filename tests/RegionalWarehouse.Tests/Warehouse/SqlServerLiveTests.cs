using Microsoft.Extensions.Logging.Abstractions;
using RegionalWarehouse.Warehouse.Engines;
using RegionalWarehouse.Warehouse.Migrations;

namespace RegionalWarehouse.Tests.Warehouse;

/// <summary>
/// Runs only where RW_TEST_SQLSERVER holds a connection string to a database the tests may change;
/// elsewhere each test reports itself as skipped rather than passing silently.
/// </summary>
public class SqlServerLiveTests
{
    private static readonly string? ConnectionString = Environment.GetEnvironmentVariable("RW_TEST_SQLSERVER");

    [SkippableFact]
    public void Sql_server_migrations_apply_and_rerun_as_a_no_op()
    {
        Skip.If(string.IsNullOrWhiteSpace(ConnectionString), "RW_TEST_SQLSERVER is not set: live SQL Server tests skipped.");
        var migrator = new WarehouseMigrator(new SqlServerEngine(ConnectionString!), NullLogger<WarehouseMigrator>.Instance);

        migrator.Migrate();
        var second = migrator.Migrate();

        Assert.Empty(second.AppliedScripts);
        Assert.Equal("unchanged", second.Seed.ToString());
    }

    [SkippableFact]
    public void Sql_server_lists_the_eleven_platform_authorities()
    {
        Skip.If(string.IsNullOrWhiteSpace(ConnectionString), "RW_TEST_SQLSERVER is not set: live SQL Server tests skipped.");
        var engine = new SqlServerEngine(ConnectionString!);
        new WarehouseMigrator(engine, NullLogger<WarehouseMigrator>.Instance).Migrate();

        using var connection = engine.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "select count(*) from dw.dim_local_authority where is_platform_member = 1";

        Assert.Equal(11, Convert.ToInt32(command.ExecuteScalar()));
    }
}
