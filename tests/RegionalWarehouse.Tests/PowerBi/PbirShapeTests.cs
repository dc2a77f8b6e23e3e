using System.Text.Json.Nodes;

using RegionalWarehouse.SemanticModel;

namespace RegionalWarehouse.Tests.PowerBi;

/// <summary>
/// The generated PBIR report against the rules of the schema versions it declares (report, page and
/// visualContainer 1.0.0, pagesMetadata and versionMetadata 1.0.0, definitionProperties 2.0.0 for
/// definition.pbir), restated here: each file's $schema, its required properties, the only properties
/// allowed (the schemas forbid others), and the enumerations we use. No JSON Schema validator is on the
/// package mirror, so this is the check short of opening the report in Power BI Desktop.
/// </summary>
public class PbirShapeTests
{
    private const string Schemas = "https://developer.microsoft.com/json-schemas/fabric/item/report/definition";

    private sealed record Shape(string Schema, string[] Required, string[] Allowed);

    private static readonly Shape Report = new($"{Schemas}/report/1.0.0/schema.json", ["$schema", "layoutOptimization", "themeCollection"],
        ["$schema", "themeCollection", "layoutOptimization", "filterConfig", "objects", "reportSource", "publicCustomVisuals", "resourcePackages",
         "organizationCustomVisuals", "annotations", "dataSourceVariables", "settings", "slowDataSourceSettings"]);

    private static readonly Shape Page = new($"{Schemas}/page/1.0.0/schema.json", ["$schema", "displayName", "displayOption", "name"],
        ["$schema", "name", "displayName", "displayOption", "height", "width", "filterConfig", "pageBinding", "objects", "visibility",
         "visualInteractions", "autoPageGenerationConfig", "annotations", "howCreated"]);

    private static readonly Shape Visual = new($"{Schemas}/visualContainer/1.0.0/schema.json", ["$schema", "name", "position"],
        ["$schema", "name", "position", "visual", "visualGroup", "parentGroupName", "filterConfig", "isHidden", "annotations", "howCreated"]);

    private static readonly SortedDictionary<string, string> Files = new ModelWriter(new Dictionary<(string, string), string>(ModelTypes())).Files();

    /// <summary>The report does not depend on column types; any type map that covers the model will do.</summary>
    private static IEnumerable<KeyValuePair<(string, string), string>> ModelTypes() =>
        ModelDesign.Tables.SelectMany(t => t.Columns.Select(c => KeyValuePair.Create((t.View, c.Source), "VARCHAR")));

    private static JsonObject Json(string path) => JsonNode.Parse(Files[$"{ModelWriter.ReportFolder}/{path}"])!.AsObject();

    private static void AssertShape(JsonObject json, Shape shape, string where)
    {
        Assert.Equal(shape.Schema, json["$schema"]?.GetValue<string>());
        Assert.All(shape.Required, p => Assert.True(json.ContainsKey(p), $"{where}: required '{p}' is missing"));
        Assert.All(json.Select(p => p.Key), p => Assert.True(shape.Allowed.Contains(p), $"{where}: '{p}' is not allowed by {shape.Schema}"));
    }

    [Fact]
    public void The_report_json_has_the_required_theme_and_layout()
    {
        var report = Json("definition/report.json");

        AssertShape(report, Report, "report.json");
        Assert.Contains(report["layoutOptimization"]!.GetValue<string>(), new[] { "None", "PhonePortrait" });
        var theme = report["themeCollection"]!["baseTheme"]!.AsObject();
        Assert.Equal(["name", "reportVersionAtImport", "type"], theme.Select(p => p.Key).Order());
        Assert.Contains(theme["type"]!.GetValue<string>(), new[] { "SharedResources", "RegisteredResources" });
    }

    [Fact]
    public void Every_page_has_the_required_properties_and_a_valid_display_option()
    {
        var pages = Json("definition/pages/pages.json");
        Assert.Equal($"{Schemas}/pagesMetadata/1.0.0/schema.json", pages["$schema"]!.GetValue<string>());
        Assert.Equal("2.0.0", Json("definition/version.json")["version"]!.GetValue<string>());

        foreach (var name in pages["pageOrder"]!.AsArray().Select(p => p!.GetValue<string>()))
        {
            var page = Json($"definition/pages/{name}/page.json");
            AssertShape(page, Page, name);
            Assert.Equal(name, page["name"]!.GetValue<string>());
            Assert.True(name.Length <= 50 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'), $"page name {name}");
            Assert.Contains(page["displayOption"]!.GetValue<string>(), new[] { "FitToPage", "FitToWidth", "ActualSize" });
        }
    }

    [Fact]
    public void Every_visual_has_a_name_a_full_position_and_projections_with_field_and_query_ref()
    {
        foreach (var (path, text) in Files.Where(f => f.Key.EndsWith("/visual.json", StringComparison.Ordinal)))
        {
            var visual = JsonNode.Parse(text)!.AsObject();
            AssertShape(visual, Visual, path);
            Assert.Equal(Path.GetFileName(Path.GetDirectoryName(path)), visual["name"]!.GetValue<string>());
            var position = visual["position"]!.AsObject();
            Assert.All(new[] { "x", "y", "width", "height" }, p => Assert.True(position.ContainsKey(p), $"{path}: position.{p}"));
            Assert.All(position.Select(p => p.Key), p => Assert.Contains(p, new[] { "x", "y", "z", "width", "height", "tabOrder" }));
            Assert.True(position["y"]!.GetValue<int>() + position["height"]!.GetValue<int>() <= 720 && position["x"]!.GetValue<int>() + position["width"]!.GetValue<int>() <= 1280, $"{path} is off the page");
            Assert.False(string.IsNullOrEmpty(visual["visual"]!["visualType"]?.GetValue<string>()));
            // Only a text box (the licence line) has no query.
            Assert.True(visual["visual"]!["query"] is not null || visual["visual"]!["visualType"]!.GetValue<string>() == "textbox", $"{path} has no query");
            foreach (var role in visual["visual"]!["query"]?["queryState"]?.AsObject() ?? [])
                Assert.All(role.Value!["projections"]!.AsArray(), p =>
                {
                    Assert.NotNull(p!["field"]);
                    Assert.False(string.IsNullOrEmpty(p["queryRef"]?.GetValue<string>()));
                });
        }
    }

    [Fact]
    public void The_report_points_at_the_model_by_path()
    {
        var pbir = JsonNode.Parse(Files[$"{ModelWriter.ReportFolder}/definition.pbir"])!;

        Assert.Equal("https://developer.microsoft.com/json-schemas/fabric/item/report/definitionProperties/2.0.0/schema.json", pbir["$schema"]!.GetValue<string>());
        Assert.Equal($"../{ModelWriter.ModelFolder}", pbir["datasetReference"]!["byPath"]!["path"]!.GetValue<string>());
        Assert.Null(pbir["datasetReference"]!["byConnection"]);
    }
}
