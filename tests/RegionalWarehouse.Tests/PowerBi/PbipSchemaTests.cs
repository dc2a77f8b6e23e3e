using System.Text.Json.Nodes;
using Json.Schema;

namespace RegionalWarehouse.Tests.PowerBi;

/// <summary>
/// Every JSON file of the Power BI project in git is valid against the Microsoft schema its $schema names
/// (vendored under PowerBi/Schemas, resolved offline with JsonSchema.Net), so Desktop and the service open it.
/// </summary>
public class PbipSchemaTests
{
    private static readonly string Project = Path.Combine(Azurite.RepositoryRoot(), "semantic-model");

    /// <summary>Every vendored schema, built against one registry; those others refer to are built first.</summary>
    private static readonly Lazy<SchemaRegistry> Registry = new(() =>
    {
        var registry = new SchemaRegistry();
        var options = new BuildOptions { SchemaRegistry = registry };
        string[] referenced = ["semanticQuery", "formattingObjectDefinitions"];
        var files = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "PowerBi", "Schemas"), "schema.json", SearchOption.AllDirectories)
            .OrderBy(f => Array.FindIndex(referenced, r => f.Contains(r, StringComparison.Ordinal)) is var i and >= 0 ? i : referenced.Length);
        foreach (var file in files)
            registry.Register(JsonSchema.FromFile(file, options));
        return registry;
    });

    public static TheoryData<string> ProjectJsonFiles() => new(
        Directory.EnumerateFiles(Project, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".json" or ".pbir" or ".pbism" or ".pbip" || Path.GetFileName(f) == ".platform")
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Select(f => Path.GetRelativePath(Project, f)).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(ProjectJsonFiles))]
    public void Each_file_is_valid_against_the_microsoft_schema_it_names(string file)
    {
        var text = File.ReadAllText(Path.Combine(Project, file));
        var json = JsonNode.Parse(text)!;
        if (json["$schema"] is null)
        {
            // A theme file has no schema of its own to name; it is checked for the keys Desktop needs.
            Assert.Contains("BaseThemes", file);
            Assert.NotNull(json["dataColors"]);
            return;
        }
        var schemaUri = new Uri(json["$schema"]!.GetValue<string>());
        var schema = Registry.Value.Get(schemaUri) as JsonSchema;
        Assert.True(schema is not null, $"{file} names {schemaUri}, which is not vendored under PowerBi/Schemas");

        using var document = System.Text.Json.JsonDocument.Parse(text);
        var result = schema!.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, $"{file}: " + string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .Take(5).Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}")));
    }
}
