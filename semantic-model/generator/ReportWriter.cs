using System.Text.Json.Nodes;

namespace RegionalWarehouse.SemanticModel;

/// <summary>
/// A thin PBIR report over the model: LA overview (every metric against neighbours, region and England),
/// trend over years, and the regional ranking. Analysts refine it in Desktop; the layout here is the
/// starting point kept in git.
/// </summary>
public sealed class ReportWriter(string benchmarkTable)
{
    private const string Schemas = "https://developer.microsoft.com/json-schemas/fabric/item/report/definition";

    private sealed record Field(string Table, string Name, bool IsMeasure);

    private sealed record Visual(string Name, string Type, int X, int Y, int Width, int Height, IReadOnlyDictionary<string, Field[]> Roles);

    private sealed record Page(string Name, string DisplayName, IReadOnlyList<Visual> Visuals);

    private IReadOnlyList<Page> Pages()
    {
        Field M(string name) => new(benchmarkTable, name, true);
        Field C(string table, string name) => new(table, name, false);
        var slicers = new[]
        {
            new Visual("la_slicer", "slicer", 20, 20, 300, 60, new Dictionary<string, Field[]> { ["Values"] = [C("Local Authority", "LA Name")] }),
            new Visual("year_slicer", "slicer", 340, 20, 200, 60, new Dictionary<string, Field[]> { ["Values"] = [C("Collection Year", "Collection Year")] }),
        };
        return
        [
            new("la_overview", "LA overview", [.. slicers,
                new Visual("overview_table", "tableEx", 20, 100, 1240, 600, new Dictionary<string, Field[]>
                {
                    ["Values"] = [C("Metric", "Theme"), C("Metric", "Metric Name"), M("LA Value"), M("Neighbour Average"), M("Region Value"), M("England Value"), M("Rank In Region"), M("Quartile")],
                })]),
            new("trend", "Trend over years", [slicers[0],
                new Visual("metric_slicer", "slicer", 340, 20, 400, 60, new Dictionary<string, Field[]> { ["Values"] = [C("Metric", "Metric Name")] }),
                new Visual("trend_chart", "lineChart", 20, 100, 1240, 600, new Dictionary<string, Field[]>
                {
                    ["Category"] = [C("Collection Year", "Collection Year")],
                    ["Y"] = [M("LA Value"), M("Neighbour Average"), M("Region Value"), M("England Value")],
                })]),
            new("regional_ranking", "Regional ranking", [slicers[1],
                new Visual("metric_slicer", "slicer", 560, 20, 400, 60, new Dictionary<string, Field[]> { ["Values"] = [C("Metric", "Metric Name")] }),
                new Visual("ranking_table", "tableEx", 20, 100, 1240, 600, new Dictionary<string, Field[]>
                {
                    ["Values"] = [C("Local Authority", "LA Name"), M("LA Value"), M("Rank In Region"), M("Quartile"), M("Region Value")],
                })]),
        ];
    }

    public IEnumerable<(string Path, string Content)> Files()
    {
        yield return ("definition.pbir", ModelWriter.Json(new JsonObject
        {
            ["$schema"] = "https://developer.microsoft.com/json-schemas/fabric/item/report/definitionProperties/2.0.0/schema.json",
            ["version"] = "4.0",
            ["datasetReference"] = new JsonObject { ["byPath"] = new JsonObject { ["path"] = $"../{ModelWriter.ModelFolder}" } },
        }));
        yield return ("definition/version.json", ModelWriter.Json(new JsonObject
        {
            ["$schema"] = $"{Schemas}/versionMetadata/1.0.0/schema.json",
            ["version"] = "2.0.0",
        }));
        yield return ("definition/report.json", ModelWriter.Json(new JsonObject
        {
            ["$schema"] = $"{Schemas}/report/1.0.0/schema.json",
            ["themeCollection"] = new JsonObject
            {
                ["baseTheme"] = new JsonObject { ["name"] = "CY24SU10", ["reportVersionAtImport"] = "5.61", ["type"] = "SharedResources" },
            },
            ["layoutOptimization"] = "None",
        }));
        var pages = Pages();
        yield return ("definition/pages/pages.json", ModelWriter.Json(new JsonObject
        {
            ["$schema"] = $"{Schemas}/pagesMetadata/1.0.0/schema.json",
            ["pageOrder"] = new JsonArray([.. pages.Select(p => (JsonNode)p.Name)]),
            ["activePageName"] = pages[0].Name,
        }));
        foreach (var page in pages)
        {
            yield return ($"definition/pages/{page.Name}/page.json", ModelWriter.Json(new JsonObject
            {
                ["$schema"] = $"{Schemas}/page/1.0.0/schema.json",
                ["name"] = page.Name,
                ["displayName"] = page.DisplayName,
                ["displayOption"] = "FitToPage",
                ["height"] = 720,
                ["width"] = 1280,
            }));
            var z = 0;
            foreach (var visual in page.Visuals)
                yield return ($"definition/pages/{page.Name}/visuals/{visual.Name}/visual.json", ModelWriter.Json(VisualJson(visual, z++)));
        }
    }

    private static JsonObject VisualJson(Visual visual, int z) => new()
    {
        ["$schema"] = $"{Schemas}/visualContainer/1.0.0/schema.json",
        ["name"] = visual.Name,
        ["position"] = new JsonObject { ["x"] = visual.X, ["y"] = visual.Y, ["z"] = z * 1000, ["width"] = visual.Width, ["height"] = visual.Height, ["tabOrder"] = z * 1000 },
        ["visual"] = new JsonObject
        {
            ["visualType"] = visual.Type,
            ["query"] = new JsonObject
            {
                ["queryState"] = new JsonObject(visual.Roles.Select(role => KeyValuePair.Create(role.Key, (JsonNode?)new JsonObject
                {
                    ["projections"] = new JsonArray([.. role.Value.Select(f => (JsonNode)Projection(f))]),
                }))),
            },
        },
    };

    private static JsonObject Projection(Field field) => new()
    {
        ["field"] = new JsonObject
        {
            [field.IsMeasure ? "Measure" : "Column"] = new JsonObject
            {
                ["Expression"] = new JsonObject { ["SourceRef"] = new JsonObject { ["Entity"] = field.Table } },
                ["Property"] = field.Name,
            },
        },
        ["queryRef"] = $"{field.Table}.{field.Name}",
        ["nativeQueryRef"] = field.Name,
    };
}
