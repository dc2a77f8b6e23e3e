using System.Text.Json;
using System.Text.Json.Nodes;
using RegionalWarehouse.Etl.Benchmarks;

namespace RegionalWarehouse.SemanticModel;

/// <summary>Which warehouse copy a generated model reads: one per model, never both (see <see cref="ModelWriter"/>).</summary>
public enum ModelSource
{
    SqlServer,
    Parquet,
}

/// <summary>
/// Generates the PBIP project under semantic-model/ from <see cref="ModelDesign"/>, the metric catalogue
/// and the warehouse's own column types (read from a migrated warehouse). The same inputs always give
/// the same bytes: lineage tags are derived from object paths and every list has a fixed order.
/// </summary>
public sealed class ModelWriter(IReadOnlyDictionary<(string View, string Column), string> warehouseTypes, ModelSource source = ModelSource.SqlServer)
{
    public const string ProjectName = "RegionalBenchmarking";
    public const string ModelFolder = ProjectName + ".SemanticModel";
    public const string ReportFolder = ProjectName + ".Report";

    /// <summary>Every file of the project, by path relative to semantic-model/.</summary>
    public SortedDictionary<string, string> Files()
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [".gitignore"] = "**/.pbi/localSettings.json\n**/.pbi/cache.abf\n",
            [$"{ProjectName}.pbip"] = Json(new JsonObject
            {
                ["$schema"] = "https://developer.microsoft.com/json-schemas/fabric/pbip/pbipProperties/1.0.0/schema.json",
                ["version"] = "1.0",
                ["artifacts"] = new JsonArray(new JsonObject { ["report"] = new JsonObject { ["path"] = ReportFolder } }),
                ["settings"] = new JsonObject { ["enableAutoRecovery"] = true },
            }),
            [$"{ModelFolder}/definition.pbism"] = Json(new JsonObject
            {
                ["$schema"] = "https://developer.microsoft.com/json-schemas/fabric/item/semanticModel/definitionProperties/1.0.0/schema.json",
                ["version"] = "4.0",
                ["settings"] = new JsonObject(),
            }),
            [$"{ModelFolder}/.platform"] = Platform("SemanticModel", "Regional Benchmarking", "SemanticModel"),
            [$"{ModelFolder}/definition/database.tmdl"] = Tmdl.Serialize([new TmdlObject("database", null).With("compatibilityLevel", "1567")]),
            [$"{ModelFolder}/definition/model.tmdl"] = Tmdl.Serialize(Model()),
            [$"{ModelFolder}/definition/expressions.tmdl"] = Tmdl.Serialize(Expressions()),
            [$"{ModelFolder}/definition/relationships.tmdl"] = Tmdl.Serialize(ModelDesign.Relationships.Select(Relationship)),
        };
        foreach (var table in ModelDesign.Tables)
            files[$"{ModelFolder}/definition/tables/{table.Name}.tmdl"] = Tmdl.Serialize([Table(table)]);
        foreach (var role in ModelDesign.Roles)
            files[$"{ModelFolder}/definition/roles/{role.Name}.tmdl"] = Tmdl.Serialize([Role(role)]);
        foreach (var (path, content) in new ReportWriter(ModelDesign.Benchmark).Files())
            files[$"{ReportFolder}/{path}"] = content;
        files[$"{ReportFolder}/.platform"] = Platform("Report", "Regional Benchmarking", "Report");
        return files;
    }

    public static string Json(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).Replace("\r\n", "\n") + "\n";

    private static string Platform(string type, string name, string salt) => Json(new JsonObject
    {
        ["$schema"] = "https://developer.microsoft.com/json-schemas/fabric/gitIntegration/platformProperties/2.0.0/schema.json",
        ["metadata"] = new JsonObject { ["type"] = type, ["displayName"] = name },
        ["config"] = new JsonObject { ["version"] = "2.0", ["logicalId"] = Tmdl.LineageTag("platform/" + salt) },
    });

    private static IEnumerable<TmdlObject> Model()
    {
        var model = new TmdlObject("model", "Model")
            .With("culture", "en-GB").With("defaultPowerBIDataSourceVersion", "powerBI_V3").With("discourageImplicitMeasures").With("sourceQueryCulture", "en-GB");
        var access = new TmdlObject("dataAccessOptions", null).With("legacyRedirects").With("returnErrorValuesAsNull");
        model.Children.Add(access);
        yield return model;
        yield return new TmdlObject("annotation", "__PBI_TimeIntelligenceEnabled") { DefaultValue = "0" };
        foreach (var table in ModelDesign.Tables)
            yield return new TmdlObject("ref", $"table {Tmdl.Quote(table.Name)}");
    }

    /// <summary>
    /// Data source parameters for the one source the model was generated for (rw model generate --source); the
    /// partitions use only that source's function, because the Power BI service treats every function a partition
    /// names as a source and asks for a gateway for File.Contents. The server and database are placeholders here:
    /// `rw model deploy` fills them in from configuration (<see cref="ModelParameters"/>).
    /// </summary>
    private IEnumerable<TmdlObject> Expressions()
    {
        TmdlObject Parameter(string name, string value, string description)
        {
            var o = new TmdlObject("expression", name)
            {
                DefaultValue = $"\"{value}\" meta [IsParameterQuery=true, Type=\"Text\", IsParameterQueryRequired=true]",
            };
            o.Description.Add(description);
            return o.With("lineageTag", Tmdl.LineageTag($"expression/{name}"));
        }
        if (source == ModelSource.SqlServer)
        {
            yield return Parameter(ModelParameters.Server, ModelParameters.ServerPlaceholder, "The SQL Server / Azure SQL server holding the warehouse (rw model deploy sets it from PowerBi:SqlServer or the warehouse's connection string).");
            yield return Parameter(ModelParameters.Database, "RegionalWarehouse", "The warehouse database (rw model deploy sets it from PowerBi:SqlDatabase or the warehouse's connection string).");
        }
        else
        {
            yield return Parameter("ParquetFolder", "C:\\RegionalWarehouse\\parquet", "The folder rw export-parquet wrote.");
        }
    }

    private string[] SourceQuery(string view)
    {
        var (schema, name) = (view.Split('.')[0], view.Split('.')[1]);
        return source == ModelSource.Parquet
            ? ["let", $"    Data = Parquet.Document(File.Contents(ParquetFolder & \"\\{view}.parquet\"))", "in", "    Data"]
            : ["let", $"    Data = Sql.Database(SqlServer, SqlDatabase){{[Schema=\"{schema}\",Item=\"{name}\"]}}[Data]", "in", "    Data"];
    }

    private TmdlObject Table(ModelTable table)
    {
        var t = new TmdlObject("table", Tmdl.Quote(table.Name));
        t.Description.Add(table.Description);
        // Every table people see carries the licence of the published data it holds or is compared with.
        if (table.Name != "User LA Access")
            t.Description.Add(ModelDesign.Attribution);
        t.With("lineageTag", Tmdl.LineageTag($"table/{table.Name}"));
        if (table.Role == TableRole.Date)
            t.With("dataCategory", "Time");
        if (table.Role == TableRole.Security)
        {
            // A disconnected security table: only the LA Analyst role's filters read it.
            t.Children.Add(new TmdlObject("annotation", "BestPracticeAnalyzer_IgnoreRules") { DefaultValue = "{\"RuleIDs\":[\"ENSURE_TABLES_HAVE_RELATIONSHIPS\"]}" });
        }
        var measures = table.AllMeasures.Concat(table.Name == ModelDesign.Benchmark ? MetricMeasures().Concat(ModelDesign.ComparatorMeasures) : []);
        foreach (var measure in measures)
        {
            var m = new TmdlObject("measure", Tmdl.Quote(measure.Name)) { DefaultExpression = [.. measure.Expression.Split('\n')] };
            m.Description.Add(measure.Description);
            // A text measure (a colour, say) has no number format.
            if (measure.FormatString.Length > 0)
                m.With("formatString", measure.FormatString);
            m.With("displayFolder", measure.DisplayFolder).With("lineageTag", Tmdl.LineageTag($"table/{table.Name}/measure/{measure.Name}"));
            if (measure.Hidden)
                m.With("isHidden");
            t.Children.Add(m);
        }
        foreach (var column in table.Columns)
        {
            var dataType = DataType(table.View, column.Source);
            var c = new TmdlObject("column", Tmdl.Quote(column.Name));
            c.Description.Add(column.Description);
            c.With("dataType", dataType);
            if (column.Hidden)
                c.With("isHidden");
            if (column.IsKey)
                c.With("isKey");
            if (column.FormatString is not null)
                c.With("formatString", column.FormatString);
            c.With("lineageTag", Tmdl.LineageTag($"table/{table.Name}/column/{column.Name}")).With("summarizeBy", "none").With("sourceColumn", column.Source);
            t.Children.Add(c);
        }
        var partition = new TmdlObject("partition", Tmdl.Quote(table.Name)) { DefaultValue = "m" };
        partition.With("mode", "import").WithExpression("source", SourceQuery(table.View));
        t.Children.Add(partition);
        return t;
    }

    public static IEnumerable<ModelMeasure> MetricMeasures() => MetricCatalogue.All.Select(m =>
        new ModelMeasure(m.Name, ModelDesign.MetricDax(m), m.Unit switch
        {
            MetricUnit.Count or MetricUnit.Days => "#,0",
            MetricUnit.Mean => "#,0.00",
            _ => "#,0.0",
        }, m.Theme, $"{m.Description} [{m.Id}]"));

    private string DataType(string view, string column) =>
        warehouseTypes.TryGetValue((view, column), out var type) ? TmdlType(type)
            : throw new InvalidOperationException($"{view}.{column} is not in the warehouse: the model and the migrations disagree.");

    /// <summary>The model type for a warehouse column type. Doubles become fixed decimals (BPA: avoid floating point).</summary>
    public static string TmdlType(string warehouseType) => warehouseType.ToUpperInvariant() switch
    {
        "INTEGER" or "BIGINT" or "SMALLINT" or "TINYINT" or "HUGEINT" or "INT" => "int64",
        "DOUBLE" or "FLOAT" or "REAL" => "decimal",
        var t when t.StartsWith("DECIMAL", StringComparison.Ordinal) => "decimal",
        "VARCHAR" or "TEXT" or "NVARCHAR" => "string",
        "DATE" or "TIMESTAMP" or "DATETIME2" => "dateTime",
        "BOOLEAN" or "BIT" => "boolean",
        _ => throw new InvalidOperationException($"No model type for warehouse type {warehouseType}."),
    };

    private static TmdlObject Relationship(ModelRelationship r)
    {
        var o = new TmdlObject("relationship", Tmdl.LineageTag($"relationship/{r.FromTable}/{r.FromColumn}/{r.ToTable}"));
        return o.With("fromColumn", $"{Tmdl.Quote(r.FromTable)}.{Tmdl.Quote(r.FromColumn)}").With("toColumn", $"{Tmdl.Quote(r.ToTable)}.{Tmdl.Quote(r.ToColumn)}");
    }

    private static TmdlObject Role(ModelRole role)
    {
        var o = new TmdlObject("role", Tmdl.Quote(role.Name));
        o.Description.Add(role.Description);
        o.With("modelPermission", "read");
        foreach (var (table, filter) in role.Permissions)
            o.Children.Add(new TmdlObject("tablePermission", Tmdl.Quote(table)) { DefaultValue = filter });
        return o;
    }
}
