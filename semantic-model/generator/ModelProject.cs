using Microsoft.Extensions.Logging.Abstractions;
using RegionalWarehouse.Warehouse.Engines;
using RegionalWarehouse.Warehouse.Migrations;

namespace RegionalWarehouse.SemanticModel;

/// <summary>Generating, writing and reading the semantic-model/ folder.</summary>
public static class ModelProject
{
    /// <summary>The column types of the bi views the model imports, as a warehouse reports them.</summary>
    public static Dictionary<(string View, string Column), string> WarehouseTypes(IWarehouseEngine engine)
    {
        using var connection = engine.Open();
        using var command = connection.Command(null,
            "select table_schema, table_name, column_name, data_type from information_schema.columns where table_schema = 'bi'");
        using var reader = command.ExecuteReader();
        var types = new Dictionary<(string, string), string>();
        while (reader.Read())
            types[($"{reader.GetString(0)}.{reader.GetString(1)}", reader.GetString(2))] = reader.GetString(3);
        return types;
    }

    /// <summary>
    /// The project's files, generated from the migrations (applied to a throwaway DuckDB warehouse, so the
    /// result never depends on what a live warehouse holds) and the metric catalogue.
    /// </summary>
    public static SortedDictionary<string, string> Generate(ModelSource source = ModelSource.SqlServer)
    {
        var folder = Directory.CreateTempSubdirectory("rw-model-").FullName;
        try
        {
            var engine = new DuckDbEngine(Path.Combine(folder, "schema.duckdb"));
            new WarehouseMigrator(engine, NullLogger<WarehouseMigrator>.Instance).Migrate();
            return new ModelWriter(WarehouseTypes(engine), source).Files();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Writes the files, removing generated files that are no longer produced; returns the paths that changed.</summary>
    public static IReadOnlyList<string> Write(string root, IReadOnlyDictionary<string, string> files)
    {
        var changed = new List<string>();
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(root, path);
            if (File.Exists(full) && File.ReadAllText(full) == content)
                continue;
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
            changed.Add(path);
        }
        foreach (var stale in Read(root).Keys.Where(p => !files.ContainsKey(p)))
        {
            File.Delete(Path.Combine(root, stale));
            changed.Add(stale);
        }
        return changed;
    }

    /// <summary>
    /// The files under a semantic-model/ folder that generation owns: the .pbip, its .gitignore and everything in the
    /// model and report folders, but never Desktop's local .pbi/ settings, nor the generator's own code and notices
    /// that live beside them (generator/, geo/, README.md).
    /// </summary>
    public static SortedDictionary<string, string> Read(string root)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(root))
            return files;
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.Contains("/.pbi/", StringComparison.Ordinal) || !Owned(relative))
                continue;
            files[relative] = File.ReadAllText(file);
        }
        return files;
    }

    private static bool Owned(string relative) =>
        relative is $"{ModelWriter.ProjectName}.pbip" or ".gitignore"
        || relative.StartsWith($"{ModelWriter.ModelFolder}/", StringComparison.Ordinal)
        || relative.StartsWith($"{ModelWriter.ReportFolder}/", StringComparison.Ordinal);
}
