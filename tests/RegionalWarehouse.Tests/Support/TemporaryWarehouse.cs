using Microsoft.Extensions.Logging.Abstractions;
using RegionalWarehouse.Warehouse.Engines;
using RegionalWarehouse.Warehouse.Migrations;

namespace RegionalWarehouse.Tests.Support;

/// <summary>A fresh DuckDB warehouse file in its own temporary folder, deleted afterwards.</summary>
public sealed class TemporaryWarehouse : IDisposable
{
    public TemporaryWarehouse(bool migrate = true) : this(copyOf: null, migrate) { }

    private TemporaryWarehouse(TemporaryWarehouse? copyOf, bool migrate)
    {
        Folder = Directory.CreateTempSubdirectory("rw-test-").FullName;
        var file = Path.Combine(Folder, "warehouse.duckdb");
        if (copyOf is not null)
        {
            copyOf.Execute("checkpoint");
            File.Copy(copyOf.Engine.FilePath, file);
        }
        else if (migrate)
            File.Copy(MigratedTemplate.Value, file);
        Engine = new DuckDbEngine(file);
        Migrator = new WarehouseMigrator(Engine, NullLogger<WarehouseMigrator>.Instance);
    }

    /// <summary>
    /// One warehouse migrated per test run (every migration, view and reference row), copied for each test that wants a
    /// migrated one: the same file a migrate makes, in milliseconds instead of a second. Tests of migrating itself
    /// start from <c>migrate: false</c>.
    /// </summary>
    private static readonly Lazy<string> MigratedTemplate = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("rw-test-template-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { /* the temporary folder is the system's to clear */ }
        };
        var engine = new DuckDbEngine(Path.Combine(folder, "warehouse.duckdb"));
        new WarehouseMigrator(engine, NullLogger<WarehouseMigrator>.Instance).Migrate();
        using (var connection = engine.Open())
        using (var checkpoint = connection.CreateCommand())
        {
            checkpoint.CommandText = "checkpoint";
            checkpoint.ExecuteNonQuery();
        }
        return engine.FilePath;
    });

    /// <summary>
    /// A warehouse of its own holding what <paramref name="source"/> holds now: a fixture builds a history once
    /// and each test changes its own copy.
    /// </summary>
    public static TemporaryWarehouse CopyOf(TemporaryWarehouse source) => new(source, migrate: false);

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
