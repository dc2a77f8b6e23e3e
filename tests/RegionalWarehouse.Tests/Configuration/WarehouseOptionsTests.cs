using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RegionalWarehouse.Etl.Hosting;
using RegionalWarehouse.Warehouse;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Tests.Configuration;

public class WarehouseOptionsTests
{
    private static IWarehouseEngine Resolve(Dictionary<string, string?> settings)
    {
        using var host = PlatformHost.CreateBuilder([], settings).Build();
        return host.Services.GetRequiredService<IWarehouseEngine>();
    }

    [Fact]
    public void An_unknown_engine_name_is_refused_with_the_settings_to_change()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Warehouse:Engine"] = "Postgres" }));

        Assert.Contains("'Postgres'", error.Message);
        Assert.Contains("RW__Warehouse__Engine", error.Message);
    }

    [Fact]
    public void Sql_server_without_a_connection_string_is_refused()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Warehouse:Engine"] = "SqlServer" }));

        Assert.Contains("SqlServerConnectionString", error.Message);
    }

    [Fact]
    public void The_engine_name_is_case_insensitive_and_duckdb_uses_the_configured_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "rw-options-test.duckdb");

        var engine = Resolve(new() { ["Warehouse:Engine"] = "duckdb", ["Warehouse:DuckDbPath"] = path });

        Assert.Equal(WarehouseEngineKind.DuckDb, engine.Kind);
        Assert.Contains(path, engine.Describe());
    }

    [Fact]
    public void An_unreachable_sql_server_gives_a_clear_error_naming_the_setting()
    {
        var engine = new SqlServerEngine("Server=127.0.0.1,9;Database=rw;Connect Timeout=2;TrustServerCertificate=true");

        var error = Assert.Throws<WarehouseUnavailableException>(() => engine.Open().Dispose());

        Assert.Contains("RW__Warehouse__SqlServerConnectionString", error.Message);
        Assert.Contains("'rw'", error.Message);
    }
}
