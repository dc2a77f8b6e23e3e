using System.Text.Json.Nodes;
using RegionalWarehouse.Synthetic.Ssda903;
using RegionalWarehouse.Warehouse.Audit;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Tests.PowerBi;

/// <summary>The REST client as operators use it: through the worker after loads, and through `rw model deploy`.</summary>
public sealed class PowerBiWiringTests : IAsyncLifetime
{
    private readonly PowerBiReplayServer _server = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("rw-pbi-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    // xUnit 2 calls IAsyncLifetime on a test class, not IAsyncDisposable: the folder was left behind on every run.
    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private Dictionary<string, string?> PowerBi() => new()
    {
        ["PowerBi:WorkspaceId"] = "ws-1",
        ["PowerBi:SemanticModelId"] = "model-1",
        ["PowerBi:AccessToken"] = "local-test-token",
        ["PowerBi:FabricApiUrl"] = _server.BaseAddress.ToString(),
        ["PowerBi:PowerBiApiUrl"] = _server.BaseAddress.ToString(),
    };

    [Fact]
    public async Task When_configured_the_worker_starts_a_model_refresh_after_loads_refresh_the_marts()
    {
        _server.On("POST /v1.0/myorg/groups/ws-1/datasets/model-1/refreshes", new Replay(202, Location: "/v1.0/myorg/groups/ws-1/datasets/model-1/refreshes/r-1"));
        var landing = Path.Combine(_folder, "storage");
        foreach (var generated in Ssda903Generator.Generate(new GeneratorRequest(["919"], 2024, 2024, Seed: 2, Scale: 0.05)))
            Ssda903Generator.Write(generated, Path.Combine(landing, "landing"), "one");
        var settings = WorkerRun.Settings(Path.Combine(_folder, "warehouse.duckdb"), landingFolder: landing);
        foreach (var (key, value) in PowerBi())
            settings[key] = value;
        settings["PowerBi:RefreshAfterLoad"] = "true";

        await WorkerRun.RunUntilIdleAsync(settings);

        var refresh = Assert.Single(_server.Requests);
        Assert.Equal("POST", refresh.Method);
        Assert.Equal("Bearer local-test-token", refresh.Authorization);
        Assert.Equal("Full", JsonNode.Parse(refresh.Body)!["type"]!.GetValue<string>());
        var audited = Assert.Single(new AuditLog(new DuckDbEngine(Path.Combine(_folder, "warehouse.duckdb"))).Read(actionStartingWith: "model"));
        Assert.Equal(("worker (after loads)", "model refresh started"), (audited.Actor, audited.Action));
        Assert.Contains("model-1", audited.Detail);
    }

    [Fact]
    public void Rw_model_deploy_uploads_the_checked_in_definition()
    {
        _server.On("POST /v1/workspaces/ws-1/semanticModels/model-1/updateDefinition", new Replay(200));
        var environment = PowerBi().ToDictionary(s => "RW__" + s.Key.Replace(":", "__"), s => s.Value!);
        environment["RW__PowerBi__SqlServer"] = "rweoe-sql.database.windows.net";
        environment["RW__PowerBi__SqlDatabase"] = "regional-warehouse";

        var result = RwProcess.Run(_folder, environment, "model", "deploy", "--folder", Path.Combine(Azurite.RepositoryRoot(), "semantic-model"));

        Assert.True(result.ExitCode == 0, result.Output);
        var uploaded = JsonNode.Parse(Assert.Single(_server.Requests).Body)!["definition"]!["parts"]!.AsArray();
        var parts = uploaded.Select(p => p!["path"]!.GetValue<string>()).ToList();
        // The service's parameters are set to this deployment's warehouse, never reset to the checked-in placeholder.
        var expressions = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(
            uploaded.Single(p => p!["path"]!.GetValue<string>() == "definition/expressions.tmdl")!["payload"]!.GetValue<string>()));
        Assert.Equal("rweoe-sql.database.windows.net", RegionalWarehouse.SemanticModel.ModelParameters.ValueOf(expressions, "SqlServer"));
        Assert.Equal("regional-warehouse", RegionalWarehouse.SemanticModel.ModelParameters.ValueOf(expressions, "SqlDatabase"));
        Assert.Contains("definition.pbism", parts);
        Assert.Contains("definition/tables/Benchmark.tmdl", parts);
        Assert.Contains("definition/roles/LA Analyst.tmdl", parts);
        Assert.DoesNotContain(parts, p => p.EndsWith(".platform", StringComparison.Ordinal));
        var audited = Assert.Single(new AuditLog(new DuckDbEngine(Path.Combine(_folder, "data", "warehouse.duckdb"))).Read(actionStartingWith: "model"));
        Assert.StartsWith("rw model deploy (", audited.Actor);
        Assert.Equal("model deployed", audited.Action);
    }

    [Fact]
    public void Rw_model_deploy_without_a_known_warehouse_address_uploads_nothing_and_says_what_to_set()
    {
        var environment = PowerBi().ToDictionary(s => "RW__" + s.Key.Replace(":", "__"), s => s.Value!);

        var result = RwProcess.Run(_folder, environment, "model", "deploy", "--folder", Path.Combine(Azurite.RepositoryRoot(), "semantic-model"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: The model's data source is not known: set PowerBi:SqlServer", result.Error);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void Rw_model_refresh_without_configuration_says_what_to_set()
    {
        var result = RwProcess.Run(_folder, new Dictionary<string, string>(), "model", "refresh");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: Power BI is not configured: set PowerBi:WorkspaceId", result.Error);
    }
}
