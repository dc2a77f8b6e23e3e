using System.Text.Json.Nodes;
using RegionalWarehouse.Etl.Governance;
using RegionalWarehouse.SemanticModel;
using RegionalWarehouse.Synthetic.Demo;
using RegionalWarehouse.Synthetic.Ssda903;

namespace RegionalWarehouse.Tests.PowerBi;

/// <summary>The generated PBIP/TMDL project in semantic-model/: deterministic, readable back, checked, and true to the warehouse.</summary>
public class SemanticModelTests
{
    private static readonly string Root = Path.Combine(Azurite.RepositoryRoot(), "semantic-model");

    private static readonly Lazy<SortedDictionary<string, string>> Generated = new(() => ModelProject.Generate());

    [Fact]
    public void The_checked_in_project_is_exactly_what_rw_model_generate_produces()
    {
        var checkedIn = ModelProject.Read(Root);

        Assert.Equal(Generated.Value.Keys, checkedIn.Keys);
        Assert.All(Generated.Value, f => Assert.True(f.Value == checkedIn[f.Key], $"{f.Key} differs: run `rw model generate` and commit."));
        Assert.Equal(Generated.Value, ModelProject.Generate()); // and generating twice gives the same bytes
    }

    [Fact]
    public void The_project_has_the_pbip_layout()
    {
        var files = Generated.Value.Keys.ToHashSet();

        Assert.Contains("RegionalBenchmarking.pbip", files);
        Assert.Contains(".gitignore", files);
        Assert.Contains("RegionalBenchmarking.SemanticModel/definition.pbism", files);
        Assert.Contains("RegionalBenchmarking.SemanticModel/.platform", files);
        Assert.Contains("RegionalBenchmarking.SemanticModel/definition/model.tmdl", files);
        Assert.Contains("RegionalBenchmarking.SemanticModel/definition/expressions.tmdl", files);
        Assert.Contains("RegionalBenchmarking.Report/definition.pbir", files);
        Assert.Contains("**/.pbi/cache.abf", Generated.Value[".gitignore"]);
    }

    [Fact]
    public void Every_tmdl_file_reads_back_and_writes_back_byte_for_byte()
    {
        foreach (var (path, text) in Generated.Value.Where(f => f.Key.EndsWith(".tmdl", StringComparison.Ordinal)))
            Assert.Equal(text, Tmdl.Serialize(TmdlReader.Parse(text, path)));
    }

    [Fact]
    public void The_reader_rejects_broken_indentation_with_the_file_and_line()
    {
        var error = Assert.Throws<TmdlReader.TmdlFormatException>(() => TmdlReader.Parse("table X\n\t\t\tcolumn Y\n", "tables/X.tmdl"));

        Assert.Contains("tables/X.tmdl line 2", error.Message);
    }

    [Fact]
    public void The_model_passes_every_structural_and_best_practice_rule()
    {
        var model = new ParsedModel(Generated.Value);

        Assert.Empty(ModelRules.Check(model).Select(v => $"{v.Rule.Id}: {v.Where}"));
        Assert.True(ModelRules.BestPractice.Count >= 15);
        Assert.Equal(Etl.Benchmarks.MetricCatalogue.All.Count + ModelDesign.ComparatorMeasures.Count + ModelDesign.Tables.Sum(t => t.AllMeasures.Count), model.Measures.Count());
    }

    public static TheoryData<string, string, string, string> BrokenModels() => new()
    {
        { "HIDE_FOREIGN_KEYS", "tables/Benchmark.tmdl", "\tcolumn 'LA Key'\n\t\tdataType: int64\n\t\tisHidden\n", "\tcolumn 'LA Key'\n\t\tdataType: int64\n" },
        { "MARK_PRIMARY_KEYS", "tables/Metric.tmdl", "\t\tisHidden\n\t\tisKey\n", "\t\tisHidden\n" },
        { "RELATIONSHIP_COLUMNS_SAME_DATA_TYPE", "tables/Metric.tmdl", "column 'Metric Key'\n\t\tdataType: int64", "column 'Metric Key'\n\t\tdataType: string" },
        { "AVOID_FLOATING_POINT_DATA_TYPES", "tables/Benchmark.tmdl", "column Value\n\t\tdataType: decimal", "column Value\n\t\tdataType: double" },
        { "PROVIDE_FORMAT_STRING_FOR_MEASURES", "tables/CLA Episode.tmdl", "\t\tformatString: #,0\n\t\tdisplayFolder: Child level\n", "\t\tdisplayFolder: Child level\n" },
        { "NUMERIC_COLUMN_SUMMARIZE_BY", "tables/Date.tmdl", "summarizeBy: none\n\t\tsourceColumn: calendar_year", "summarizeBy: sum\n\t\tsourceColumn: calendar_year" },
        { "USE_THE_DIVIDE_FUNCTION_FOR_DIVISION", "tables/SF Family.tmdl", "COUNTROWS ( 'SF Family' )", "COUNTROWS ( 'SF Family' ) / 2" },
        { "OBJECTS_WITH_NO_DESCRIPTION", "tables/Local Authority.tmdl", "\t/// The local authority's name.\n", "" },
        { "DAX_REFERENCES_EXIST", "roles/LA Analyst.tmdl", "'User LA Access'[User Principal Name] = USERPRINCIPALNAME ()", "'User LA Access'[Email] = USERPRINCIPALNAME ()" },
        { "MODEL_SHOULD_HAVE_A_DATE_TABLE", "tables/Date.tmdl", "\tdataCategory: Time\n", "" },
        { "REMOVE_AUTO-DATE_TABLE", "model.tmdl", "annotation __PBI_TimeIntelligenceEnabled = 0", "annotation __PBI_TimeIntelligenceEnabled = 1" },
        { "HIDE_FACT_TABLE_COLUMNS", "tables/Benchmark.tmdl", "\t/// The metric's numerator (empty when suppressed).\n\tcolumn Numerator\n\t\tdataType: decimal\n\t\tisHidden\n", "\t/// The metric's numerator (empty when suppressed).\n\tcolumn Numerator\n\t\tdataType: decimal\n" },
        { "ENSURE_TABLES_HAVE_RELATIONSHIPS", "tables/User LA Access.tmdl", "ENSURE_TABLES_HAVE_RELATIONSHIPS", "SOMETHING_ELSE" },
        { "PARTITION_NAME_SHOULD_MATCH_TABLE_NAME", "tables/Metric.tmdl", "partition Metric = m", "partition 'Metric-1' = m" },
        { "SINGLE_DIRECTION_RELATIONSHIPS", "relationships.tmdl", "\ttoColumn: 'Local Authority'.'LA Key'\n", "\ttoColumn: 'Local Authority'.'LA Key'\n\tcrossFilteringBehavior: bothDirections\n" },
        { "TABLES_ARE_REFERENCED", "model.tmdl", "ref table Metric\n", "" },
        { "ONE_SOURCE_PER_PARTITION", "tables/Metric.tmdl", "Data = Sql.Database(SqlServer, SqlDatabase){[Schema=\"bi\",Item=\"metric\"]}[Data]",
          "Data = if DataSource = \"Parquet\" then Parquet.Document(File.Contents(ParquetFolder & \"\\\\bi.metric.parquet\")) else Sql.Database(SqlServer, SqlDatabase){[Schema=\"bi\",Item=\"metric\"]}[Data]" },
    };

    [Theory]
    [MemberData(nameof(BrokenModels))]
    public void Each_rule_catches_the_mistake_it_is_for(string rule, string file, string find, string replace)
    {
        var files = new SortedDictionary<string, string>(Generated.Value);
        var path = $"RegionalBenchmarking.SemanticModel/definition/{file}";
        Assert.Contains(find, files[path]);
        files[path] = files[path].Replace(find, replace);

        var violations = ModelRules.Check(new ParsedModel(files)).Select(v => v.Rule.Id).ToList();

        Assert.Contains(rule, violations);
    }

    [Fact]
    public void Every_column_comes_from_a_warehouse_column_of_a_compatible_type()
    {
        using var warehouse = new TemporaryWarehouse();
        var types = ModelProject.WarehouseTypes(warehouse.Engine);
        var model = new ParsedModel(Generated.Value);

        foreach (var table in ModelDesign.Tables)
            foreach (var column in table.Columns)
            {
                Assert.True(types.TryGetValue((table.View, column.Source), out var type), $"{table.View}.{column.Source} is not in the warehouse");
                Assert.Equal(ModelWriter.TmdlType(type!), model.Column(table.Name, column.Name)!.Property("dataType"));
                Assert.Equal(column.Source, model.Column(table.Name, column.Name)!.Property("sourceColumn"));
            }
    }

    [Fact]
    public void On_demo_data_every_relationship_key_is_unique_on_the_one_side_with_no_orphans_on_the_many_side()
    {
        using var harness = new PipelineHarness();
        var landing = Path.Combine(harness.Warehouse.Folder, "landing");
        new SyntheticLanding(landing, "demo").Write(SyntheticKinds.All, new GeneratorRequest(["919", "881"], 2024, 2025, Seed: 3, Scale: 0.05));
        foreach (var folder in Directory.GetFiles(landing, SubmissionFiles.ReadyMarker, SearchOption.AllDirectories).Select(Path.GetDirectoryName).Order())
        {
            var parts = Path.GetRelativePath(landing, folder!).Split(Path.DirectorySeparatorChar);
            Assert.NotEqual(SubmissionStates.Rejected, harness.Ingest(parts[1], parts[0], parts[2], folder!).Outcome);
        }
        // As the worker does after 903 loads.
        new Etl.Forecasting.ForecastRefresher(harness.Warehouse.Engine, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<Etl.Forecasting.ForecastRefresher>.Instance).Refresh();

        string View(string table) => ModelDesign.Tables.Single(t => t.Name == table).View;
        string Source(string table, string column) => ModelDesign.Tables.Single(t => t.Name == table).Columns.Single(c => c.Name == column).Source;
        foreach (var r in ModelDesign.Relationships)
        {
            var (many, manyKey, one, oneKey) = (View(r.FromTable), Source(r.FromTable, r.FromColumn), View(r.ToTable), Source(r.ToTable, r.ToColumn));
            // Two years of demo data fit a forecast but leave nothing to back-test (that needs four; PlacementForecastTests has seven).
            Assert.True(harness.Count(many) > 0 || many == "bi.forecast_backtest", $"{many} is empty on demo data");
            Assert.Equal(0L, harness.Warehouse.Scalar<long>($"select count(*) - count(distinct {oneKey}) from {one}"));
            Assert.Equal(0L, harness.Warehouse.Scalar<long>($"select count(*) from {many} f where f.{manyKey} is not null and not exists (select 1 from {one} d where d.{oneKey} = f.{manyKey})"));
        }
    }

    [Fact]
    public void Row_level_security_filters_child_level_tables_only_so_comparators_stay_whole()
    {
        var model = new ParsedModel(Generated.Value);
        var filtered = model.Roles.SelectMany(r => r.ChildrenOf("tablePermission")).Select(p => p.UnquotedName).ToHashSet();

        Assert.Equal(["CLA Episode", "SF Family", "User LA Access"], filtered.Order());
        Assert.Equal(["LA Analyst", "Regional Lead"], model.Roles.Select(r => r.UnquotedName).Order());
        Assert.All(model.Roles.Single(r => r.UnquotedName == "Regional Lead").ChildrenOf("tablePermission"), p => Assert.Equal("FALSE ()", p.DefaultValue));
        var analyst = model.Roles.Single(r => r.UnquotedName == "LA Analyst").ChildrenOf("tablePermission").ToDictionary(p => p.UnquotedName, p => p.DefaultValue);
        Assert.Contains("USERPRINCIPALNAME ()", analyst["CLA Episode"]);
        // Each child-level table only as far as the LA's agreement shares that return at child level.
        Assert.Contains("'User LA Access'[Return Type] = \"SSDA903\"", analyst["CLA Episode"]);
        Assert.Contains("'User LA Access'[Return Type] = \"SF\"", analyst["SF Family"]);
    }

    [Fact]
    public void Every_report_visual_uses_fields_that_exist_in_the_model()
    {
        var model = new ParsedModel(Generated.Value);
        var visuals = Generated.Value.Where(f => f.Key.EndsWith("/visual.json", StringComparison.Ordinal)).ToList();
        var pages = JsonNode.Parse(Generated.Value["RegionalBenchmarking.Report/definition/pages/pages.json"])!["pageOrder"]!.AsArray().Select(p => p!.GetValue<string>());

        Assert.Equal(["la_overview", "trend", "regional_ranking", "hex_map", "correlation"], pages);
        Assert.NotEmpty(visuals);
        foreach (var (path, json) in visuals)
            foreach (var (kind, table, name) in FieldsOf(JsonNode.Parse(json)!))
                Assert.True(model.Table(table)?.ChildrenOf(kind).Any(c => c.UnquotedName == name), $"{path}: {kind} '{table}'[{name}] is not in the model");
    }

    /// <summary>Every column and measure a visual names: in its query's projections and in its formatting (a colour by a measure, say).</summary>
    private static IEnumerable<(string Kind, string Table, string Name)> FieldsOf(JsonNode visual)
    {
        IEnumerable<JsonObject> Walk(JsonNode? node) => node switch
        {
            JsonObject o => new[] { o }.Concat(o.SelectMany(p => Walk(p.Value))),
            JsonArray a => a.SelectMany(Walk),
            _ => [],
        };
        foreach (var o in Walk(visual["visual"]))
            foreach (var kind in new[] { "Measure", "Column" })
                if (o[kind] is JsonObject field && field["Expression"]?["SourceRef"]?["Entity"] is { } entity)
                    yield return (kind.ToLowerInvariant(), entity.GetValue<string>(), field["Property"]!.GetValue<string>());
    }

    [Fact]
    public void The_map_plots_one_point_per_la_for_the_metric_and_year_chosen_coloured_by_its_band()
    {
        var model = new ParsedModel(Generated.Value);
        var map = JsonNode.Parse(Generated.Value["RegionalBenchmarking.Report/definition/pages/hex_map/visuals/hex_map_chart/visual.json"])!;
        var roles = map["visual"]!["query"]!["queryState"]!.AsObject();

        // The visual's rows are the distinct values of its grouping columns: the LA's name alone, so one row per LA.
        var grouping = roles.SelectMany(r => r.Value!["projections"]!.AsArray()).Select(p => p!["field"]!.AsObject().Single())
            .Where(f => f.Key == "Column").Select(f => $"{f.Value!["Expression"]!["SourceRef"]!["Entity"]}.{f.Value["Property"]}").ToList();
        Assert.Equal(["Local Authority.LA Name"], grouping);
        // Every value it plots or colours by is one LA's, or blank: never a mixture of LAs, metrics or years.
        var measures = FieldsOf(map).Where(f => f.Kind == "measure").Select(f => model.Table(f.Table)!.ChildrenOf("measure").Single(m => m.UnquotedName == f.Name)).ToList();
        Assert.Contains(measures, m => m.UnquotedName == "Band Colour");
        Assert.All(measures, m => Assert.Contains("HASONEVALUE", m.DefaultText));
        // The metric and year slicers of the page take one value each.
        foreach (var slicer in new[] { "hex_map_metric_slicer", "hex_map_year_slicer" })
        {
            var selection = JsonNode.Parse(Generated.Value[$"RegionalBenchmarking.Report/definition/pages/hex_map/visuals/{slicer}/visual.json"])!["visual"]!["objects"]!["selection"]![0]!["properties"]!;
            Assert.Equal("true", selection["strictSingleSelect"]!["expr"]!["Literal"]!["Value"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Every_page_and_every_published_table_says_the_data_is_under_the_open_government_licence()
    {
        var model = new ParsedModel(Generated.Value);
        var pages = JsonNode.Parse(Generated.Value["RegionalBenchmarking.Report/definition/pages/pages.json"])!["pageOrder"]!.AsArray().Select(p => p!.GetValue<string>());

        foreach (var page in pages)
            Assert.Contains("Open Government Licence v3.0", Generated.Value[$"RegionalBenchmarking.Report/definition/pages/{page}/visuals/{page}_attribution/visual.json"]);
        Assert.All(model.Tables.Where(t => !t.Flag("isHidden") && t.UnquotedName != "User LA Access"), t => Assert.Contains(ModelDesign.Attribution, string.Join(" ", t.Description)));
    }

    [Fact]
    public void No_two_visuals_in_the_report_share_a_name()
    {
        var names = Generated.Value.Where(f => f.Key.EndsWith("/visual.json", StringComparison.Ordinal))
            .Select(f => JsonNode.Parse(f.Value)!["name"]!.GetValue<string>()).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(names, n => Assert.Matches("^[A-Za-z0-9_]{1,50}$", n));
    }

    [Fact]
    public void The_base_theme_the_report_names_is_shipped_with_it()
    {
        var report = JsonNode.Parse(Generated.Value["RegionalBenchmarking.Report/definition/report.json"])!;
        var name = report["themeCollection"]!["baseTheme"]!["name"]!.GetValue<string>();
        var item = report["resourcePackages"]!.AsArray().Single(p => p!["type"]!.GetValue<string>() == "SharedResources")!["items"]!.AsArray().Single()!;

        Assert.Equal(name, item["name"]!.GetValue<string>());
        var theme = JsonNode.Parse(Generated.Value[$"RegionalBenchmarking.Report/StaticResources/SharedResources/{item["path"]!.GetValue<string>()}"])!;
        Assert.Equal(name, theme["name"]!.GetValue<string>());
        Assert.NotEmpty(theme["dataColors"]!.AsArray());
    }

    [Theory]
    [InlineData(ModelSource.SqlServer, "Sql.Database(", "File.Contents(")]
    [InlineData(ModelSource.Parquet, "File.Contents(", "Sql.Database(")]
    public void A_model_generated_for_one_source_names_only_that_source_in_every_partition(ModelSource source, string uses, string never)
    {
        var files = source == ModelSource.SqlServer ? Generated.Value : ModelProject.Generate(source);
        var tables = files.Where(f => f.Key.StartsWith("RegionalBenchmarking.SemanticModel/definition/tables/", StringComparison.Ordinal)).ToList();

        Assert.All(tables, t => Assert.Contains(uses, t.Value));
        Assert.All(tables, t => Assert.DoesNotContain(never, t.Value));
        var expressions = files["RegionalBenchmarking.SemanticModel/definition/expressions.tmdl"];
        // No parameter pretends to switch the source: the partitions name it.
        Assert.DoesNotContain("expression DataSource", expressions);
        Assert.Equal(source == ModelSource.SqlServer, ModelParameters.ValueOf(expressions, ModelParameters.Server) is not null);
        Assert.Empty(ModelRules.Check(new ParsedModel(files)));
    }

    [Fact]
    public void Access_configuration_becomes_the_row_level_security_mapping_and_an_unknown_la_is_refused()
    {
        using var warehouse = new TemporaryWarehouse();

        var granted = UserAccess.Apply(warehouse.Engine, new AccessOptions { LaAnalysts = { ["Analyst@Herts.gov.uk"] = "919", ["lead@essex.gov.uk"] = "881, 883" } });

        Assert.Equal(3, granted);
        Assert.Equal("analyst@herts.gov.uk|919", string.Join(";", warehouse.Rows("select user_principal_name, la_key from bi.user_la_access where la_key = 919").Select(r => $"{r[0]}|{r[1]}")));
        var error = Assert.Throws<InvalidOperationException>(() => UserAccess.Apply(warehouse.Engine, new AccessOptions { LaAnalysts = { ["x@y.gov.uk"] = "999" } }));
        Assert.Contains("'999'", error.Message);
        Assert.Equal(3, warehouse.Scalar<long>("select count(*) from ref.user_la_access"));
    }

    [Fact]
    public void The_semantic_model_guide_lists_every_model_rule()
    {
        var guide = File.ReadAllText(Path.Combine(Azurite.RepositoryRoot(), "docs", "semantic-model.md"));

        Assert.All(ModelRules.All, rule => Assert.Contains($"`{rule.Id}`", guide));
    }
}
