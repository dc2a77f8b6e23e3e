using System.Data.Common;
using Microsoft.Extensions.Logging.Abstractions;
using RegionalWarehouse.Warehouse.Engines;
using RegionalWarehouse.Warehouse.Migrations;

namespace RegionalWarehouse.Tests.Support;

/// <summary>A fresh DuckDB warehouse file in its own temporary folder, deleted afterwards.</summary>
public sealed class TemporaryWarehouse : IDisposable
{
    public TemporaryWarehouse(bool migrate = true)
    {
        Folder = Directory.CreateTempSubdirectory("rw-test-").FullName;
        Engine = new DuckDbEngine(Path.Combine(Folder, "warehouse.duckdb"));
        Migrator = new WarehouseMigrator(Engine, NullLogger<WarehouseMigrator>.Instance);
        if (migrate)
            Migrator.Migrate();
    }

    public string Folder { get; }

    public DuckDbEngine Engine { get; }

    public WarehouseMigrator Migrator { get; }

    public T Scalar<T>(string sql)
    {
        using var connection = Engine.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T));
    }

    public List<object?[]> Rows(string sql)
    {
        using var connection = Engine.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            rows.Add(row.Select(v => v is DBNull ? null : v).ToArray());
        }
        return rows;
    }

    public void Execute(string sql)
    {
        using var connection = Engine.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* a leaked handle must not fail the test that already passed */ }
    }
}
