using System.Text.Json.Nodes;

namespace RegionalWarehouse.SemanticModel;

/// <summary>
/// A thin PBIR report over the model: LA overview (every metric against neighbours, region and England),
/// trend over years, the regional ranking, a hex map and a correlation page. Analysts refine it in Desktop; the layout here is the
/// starting point kept in git.
/// </summary>
public sealed class ReportWriter(string benchmarkTable)
{
    private const string Schemas = "https://developer.microsoft.com/json-schemas/fabric/item/report/definition";

    private sealed record Field(string Table, string Name, bool IsMeasure);

    private sealed record Visual(string Name, string Type, int X, int Y, int Width, int Height, IReadOnlyDictionary<string, Field[]> Roles)
    {
        /// <summary>Formatting objects of the visual (single selection, colours by a measure, a text box's paragraphs).</summary>
        public JsonObject? Objects { get; init; }
    }

    private sealed record Page(string Name, string DisplayName, IReadOnlyList<Visual> Visuals);

    /// <summary>
    /// Each visual's name is its page's name and its own, so no two visuals in the report share one (Power BI
    /// keys bookmarks, drill-through and interactions on it).
    /// </summary>
    private IReadOnlyList<Page> Pages()
    {
        Field M(string name) => new(benchmarkTable, name, true);
        Field C(string table, string name) => new(table, name, false);
        // LA, metric and year slicers pick one each: the comparator measures need one of each in context.
        Visual Slicer(string page, string what, int x, int width, Field field) =>
            new($"{page}_{what}_slicer", "slicer", x, 20, width, 60, new Dictionary<string, Field[]> { ["Values"] = [field] })
            {
                Objects = what is "la" or "metric" or "year" or "indicator" ? SingleSelect() : null,
            };
        var la = C("Local Authority", "LA Name");
        var year = C("Collection Year", "Collection Year");
        var metric = C("Metric", "Metric Name");
        return
        [
            new("la_overview", "LA overview", [Slicer("la_overview", "la", 20, 300, la), Slicer("la_overview", "year", 340, 200, year),
                new Visual("la_overview_table", "tableEx", 20, 100, 1240, 600, new Dictionary<string, Field[]>
                {
                    ["Values"] = [C("Metric", "Theme"), metric, M("LA Value"), M("Neighbour Average"), M("Region Value"), M("England Value"), M("Rank In Region"), M("Quartile")],
                })]),
            new("trend", "Trend over years", [Slicer("trend", "la", 20, 300, la), Slicer("trend", "metric", 340, 400, metric),
                new Visual("trend_chart", "lineChart", 20, 100, 1240, 600, new Dictionary<string, Field[]>
                {
                    ["Category"] = [year],
                    ["Y"] = [M("LA Value"), M("Neighbour Average"), M("Neighbour Median"), M("Region Value"), M("England Value")],
                })]),
            new("regional_ranking", "Regional ranking", [Slicer("regional_ranking", "year", 20, 200, year), Slicer("regional_ranking", "metric", 240, 400, metric),
                new Visual("regional_ranking_table", "tableEx", 20, 100, 1240, 600, new Dictionary<string, Field[]>
                {
                    ["Values"] = [la, M("LA Value"), M("Rank In Region"), M("Quartile"), M("Region Value")],
                })]),
            // The hex map as a scatter of each LA's hexagon centre: it needs no geocoding and no tenant setting
            // (a Shape map or filled map would), and the same layout as the dashboard's map.
            new("hex_map", "Map", [Slicer("hex_map", "year", 20, 200, year), Slicer("hex_map", "metric", 240, 400, metric),
                Slicer("hex_map", "member", 660, 200, C("Local Authority", "Platform Member")),
                // One point per LA (its hexagon's centre), coloured by its band through the Band Colour measure: a
                // band as a series would split each LA into a point per band.
                new Visual("hex_map_chart", "scatterChart", 20, 100, 820, 600, new Dictionary<string, Field[]>
                {
                    ["Category"] = [la], ["X"] = [C("Local Authority", "Map X") with { IsMeasure = true }],
                    ["Y"] = [C("Local Authority", "Map Y") with { IsMeasure = true }], ["Tooltips"] = [M("LA Value"), M("England Value")],
                })
                {
                    Objects = ColouredBy(M("Band Colour")),
                },
                new Visual("hex_map_table", "tableEx", 860, 100, 400, 600, new Dictionary<string, Field[]>
                {
                    ["Values"] = [la, M("LA Value"), C(benchmarkTable, "Band"), C(benchmarkTable, "Band Scope")],
                })]),
            new("correlation", "Correlation", [Slicer("correlation", "year", 20, 200, year), Slicer("correlation", "metric", 240, 400, metric),
                Slicer("correlation", "indicator", 660, 400, C("Indicator", "Indicator Name")),
                new Visual("correlation_scatter", "scatterChart", 20, 100, 820, 600, new Dictionary<string, Field[]>
                {
                    ["Category"] = [la], ["X"] = [C("Indicator Value", "Indicator Value") with { IsMeasure = true }], ["Y"] = [M("LA Value")],
                }),
                new Visual("correlation_r_card", "card", 860, 100, 200, 100, new Dictionary<string, Field[]> { ["Values"] = [C("Indicator Value", "Correlation r") with { IsMeasure = true }] }),
                new Visual("correlation_n_card", "card", 1060, 100, 200, 100, new Dictionary<string, Field[]> { ["Values"] = [C("Indicator Value", "LAs Correlated") with { IsMeasure = true }] }),
                new Visual("correlation_table", "tableEx", 860, 220, 400, 480, new Dictionary<string, Field[]>
                {
                    ["Values"] = [la, C("Indicator Value", "Indicator Value") with { IsMeasure = true }, M("LA Value")],
                })]),
        ];
    }

    private static JsonObject Literal(string value) => new() { ["expr"] = new JsonObject { ["Literal"] = new JsonObject { ["Value"] = value } } };

    private static JsonObject SingleSelect() => new()
    {
        ["selection"] = new JsonArray(new JsonObject
        {
            ["properties"] = new JsonObject { ["singleSelect"] = Literal("true"), ["strictSingleSelect"] = Literal("true") },
        }),
    };

    /// <summary>Each data point's fill from a measure returning a colour (field-value conditional formatting).</summary>
    private static JsonObject ColouredBy(Field measure) => new()
    {
        ["dataPoint"] = new JsonArray(new JsonObject
        {
            ["properties"] = new JsonObject
            {
                ["fill"] = new JsonObject
                {
                    ["solid"] = new JsonObject
                    {
                        ["color"] = new JsonObject
                        {
                            ["expr"] = new JsonObject
                            {
                                ["Measure"] = new JsonObject
                                {
                                    ["Expression"] = new JsonObject { ["SourceRef"] = new JsonObject { ["Entity"] = measure.Table } },
                                    ["Property"] = measure.Name,
                                },
                            },
                        },
                    },
                },
            },
            ["selector"] = new JsonObject { ["data"] = new JsonArray(new JsonObject { ["dataViewWildcard"] = new JsonObject { ["matchingOption"] = 1 } }) },
        }),
    };

    /// <summary>The licence line at the foot of every page.</summary>
    private static Visual Attribution(string page) => new($"{page}_attribution", "textbox", 20, 700, 1240, 20, new Dictionary<string, Field[]>())
    {
        Objects = new JsonObject
        {
            ["general"] = new JsonArray(new JsonObject
            {
                ["properties"] = new JsonObject
                {
                    ["paragraphs"] = new JsonArray(new JsonObject
                    {
                        ["textRuns"] = new JsonArray(new JsonObject { ["value"] = ModelDesign.Attribution }),
                    }),
                },
            }),
        },
    };

    /// <summary>The base theme report.json names, shipped with the report so Desktop and the service never look for it elsewhere.</summary>
    public const string BaseTheme = "CY24SU10";

    private static JsonObject Theme() => new()
    {
        ["name"] = BaseTheme,
        // Colour-blind-safe, and dark enough for text on white (the dashboard's palette).
        ["dataColors"] = new JsonArray("#1d70b8", "#b14800", "#4b6b0f", "#4c2c92", "#1b7837", "#762a83", "#505a5f", "#08519c"),
        ["foreground"] = "#0b0c0c",
        ["background"] = "#ffffff",
        ["tableAccent"] = "#1d70b8",
        ["good"] = "#1b7837",
        ["neutral"] = "#505a5f",
        ["bad"] = "#762a83",
    };

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
                ["baseTheme"] = new JsonObject { ["name"] = BaseTheme, ["reportVersionAtImport"] = "5.61", ["type"] = "SharedResources" },
            },
            ["layoutOptimization"] = "None",
            ["resourcePackages"] = new JsonArray(new JsonObject
            {
                ["name"] = "SharedResources",
                ["type"] = "SharedResources",
                ["items"] = new JsonArray(new JsonObject { ["name"] = BaseTheme, ["path"] = $"BaseThemes/{BaseTheme}.json", ["type"] = "BaseTheme" }),
            }),
        }));
        yield return ($"StaticResources/SharedResources/BaseThemes/{BaseTheme}.json", ModelWriter.Json(Theme()));
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
            foreach (var visual in page.Visuals.Append(Attribution(page.Name)))
                yield return ($"definition/pages/{page.Name}/visuals/{visual.Name}/visual.json", ModelWriter.Json(VisualJson(visual, z++)));
        }
    }

    private static JsonObject VisualJson(Visual visual, int z) => new()
    {
        ["$schema"] = $"{Schemas}/visualContainer/1.0.0/schema.json",
        ["name"] = visual.Name,
        ["position"] = new JsonObject { ["x"] = visual.X, ["y"] = visual.Y, ["z"] = z * 1000, ["width"] = visual.Width, ["height"] = visual.Height, ["tabOrder"] = z * 1000 },
        ["visual"] = VisualBody(visual),
    };

    private static JsonObject VisualBody(Visual visual)
    {
        var body = new JsonObject { ["visualType"] = visual.Type };
        if (visual.Roles.Count > 0)
        {
            body["query"] = new JsonObject
            {
                ["queryState"] = new JsonObject(visual.Roles.Select(role => KeyValuePair.Create(role.Key, (JsonNode?)new JsonObject
                {
                    ["projections"] = new JsonArray([.. role.Value.Select(f => (JsonNode)Projection(f))]),
                }))),
            };
        }
        if (visual.Objects is { } objects)
            body["objects"] = objects.DeepClone();
        return body;
    }

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
