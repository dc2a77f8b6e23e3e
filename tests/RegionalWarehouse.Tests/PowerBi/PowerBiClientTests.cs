using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using RegionalWarehouse.Etl.Benchmarks;
using RegionalWarehouse.PowerBi;
using RegionalWarehouse.SemanticModel;

namespace RegionalWarehouse.Tests.PowerBi;

/// <summary>
/// The Power BI REST client against a local server replaying the documented responses: 202 + Location
/// polling, 409 refresh in progress, 429 with Retry-After, and a 200 that carries an error.
/// </summary>
public sealed class PowerBiClientTests : IAsyncDisposable
{
    private const string Workspace = "ws-1";
    private const string Model = "model-1";
    private readonly PowerBiReplayServer _server = new();

    private PowerBiClient Client() => new(new HttpClient(), new PowerBiOptions
    {
        WorkspaceId = Workspace,
        SemanticModelId = Model,
        FabricApiUrl = _server.BaseAddress.ToString(),
        PowerBiApiUrl = _server.BaseAddress.ToString(),
        TimeoutSeconds = 30,
    }, (scope, _) => ValueTask.FromResult($"token-for-{scope}"), NullLogger<PowerBiClient>.Instance, TimeProvider.System);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Deploy_sends_every_part_base64_with_a_fabric_token_and_follows_the_long_running_operation()
    {
        _server.On($"POST /v1/workspaces/{Workspace}/semanticModels/{Model}/updateDefinition", new Replay(202, Location: "/v1/operations/op-1", RetryAfterSeconds: 0))
            .On("GET /v1/operations/op-1", new Replay(200, """{"status":"Running"}""", RetryAfterSeconds: 0), new Replay(200, """{"status":"Succeeded"}"""));
        var parts = new Dictionary<string, string> { ["definition.pbism"] = "{\"version\":\"4.0\"}", ["definition/model.tmdl"] = "model Model\n" };

        await Client().DeployAsync(parts, CancellationToken.None);

        var post = _server.Requests.First();
        Assert.Equal("Bearer token-for-" + PowerBiClient.FabricScope, post.Authorization);
        var sent = JsonNode.Parse(post.Body)!["definition"]!;
        Assert.Equal("TMDL", sent["format"]!.GetValue<string>());
        var decoded = sent["parts"]!.AsArray().ToDictionary(p => p!["path"]!.GetValue<string>(), p => Encoding.UTF8.GetString(Convert.FromBase64String(p!["payload"]!.GetValue<string>())));
        Assert.Equal(parts, decoded);
        Assert.All(sent["parts"]!.AsArray(), p => Assert.Equal("InlineBase64", p!["payloadType"]!.GetValue<string>()));
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task A_deploy_the_service_rejects_fails_with_its_error_code()
    {
        _server.On($"POST /v1/workspaces/{Workspace}/semanticModels/{Model}/updateDefinition", new Replay(202, Location: "/v1/operations/op-2", RetryAfterSeconds: 0))
            .On("GET /v1/operations/op-2", new Replay(200, """{"status":"Failed","error":{"errorCode":"CorruptedPayload","message":"bad tmdl"}}"""));

        var error = await Assert.ThrowsAsync<PowerBiException>(() => Client().DeployAsync(new Dictionary<string, string> { ["definition.pbism"] = "{}" }, CancellationToken.None));

        Assert.Contains("CorruptedPayload", error.Message);
    }

    [Fact]
    public async Task Too_many_requests_is_retried_after_the_retry_after_it_gives()
    {
        _server.On($"POST /v1/workspaces/{Workspace}/semanticModels/{Model}/updateDefinition", new Replay(429, RetryAfterSeconds: 0), new Replay(429, RetryAfterSeconds: 0), new Replay(200));

        await Client().DeployAsync(new Dictionary<string, string> { ["definition.pbism"] = "{}" }, CancellationToken.None);

        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task A_refresh_is_an_enhanced_refresh_followed_until_it_completes()
    {
        var refreshes = $"/v1.0/myorg/groups/{Workspace}/datasets/{Model}/refreshes";
        _server.On($"POST {refreshes}", new Replay(202, Location: $"{refreshes}/r-1"))
            .On($"GET {refreshes}/r-1", new Replay(202, """{"status":"Unknown","extendedStatus":"InProgress"}""", RetryAfterSeconds: 0), new Replay(200, """{"status":"Completed","extendedStatus":"Completed"}"""));
        var client = Client();

        var location = await client.StartRefreshAsync(CancellationToken.None);
        var status = await client.WaitForRefreshAsync(location, CancellationToken.None);

        Assert.Equal("Completed", status);
        var body = JsonNode.Parse(_server.Requests.First().Body)!;
        Assert.Equal("Full", body["type"]!.GetValue<string>());
        Assert.Equal("transactional", body["commitMode"]!.GetValue<string>());
        Assert.Null(body["notifyOption"]);
        Assert.Equal("Bearer token-for-" + PowerBiClient.PowerBiScope, _server.Requests.First().Authorization);
    }

    [Fact]
    public async Task A_refresh_already_running_is_reported_as_such_not_as_a_failure()
    {
        _server.On($"POST /v1.0/myorg/groups/{Workspace}/datasets/{Model}/refreshes", new Replay(409, """{"error":{"code":"RefreshInProgress"}}"""));

        await Assert.ThrowsAsync<RefreshInProgressException>(() => Client().StartRefreshAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_failed_refresh_says_why()
    {
        var refreshes = $"/v1.0/myorg/groups/{Workspace}/datasets/{Model}/refreshes";
        _server.On($"GET {refreshes}/r-2", new Replay(200, """{"status":"Failed","extendedStatus":"Failed","messages":[{"code":"x","message":"credentials not specified"}]}"""));

        var error = await Assert.ThrowsAsync<PowerBiException>(() => Client().WaitForRefreshAsync(new Uri(_server.BaseAddress, $"{refreshes}/r-2"), CancellationToken.None));

        Assert.Contains("credentials not specified", error.Message);
    }

    [Fact]
    public async Task A_query_answered_200_with_an_error_is_not_taken_as_complete()
    {
        _server.On($"POST /v1.0/myorg/groups/{Workspace}/datasets/{Model}/executeQueries",
            new Replay(200, """{"results":[{"tables":[{"rows":[{"[Value]":1}],"error":{"code":"ResultTooLarge","message":"More than 100000 rows in a query result"}}]}]}"""));

        var error = await Assert.ThrowsAsync<PowerBiException>(() => Client().ExecuteQueryAsync("EVALUATE ROW(\"Value\", 1)", CancellationToken.None));

        Assert.Contains("More than 100000 rows", error.Message);
    }

    [Fact]
    public async Task Reconcile_runs_each_metrics_dax_and_reports_where_the_model_and_the_mart_disagree()
    {
        using var harness = new PipelineHarness(suppressCountsUpTo: 0);
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        harness.Ingest903(fixture.Folder);
        var metrics = new[] { MetricCatalogue.Find("cla_31_march"), MetricCatalogue.Find("missing_pct") };
        var queries = $"POST /v1.0/myorg/groups/{Workspace}/datasets/{Model}/executeQueries";
        _server.On(queries,
            new Replay(200, """{"results":[{"tables":[{"rows":[{"Local Authority[DfE Code]":"919","Collection Year[Collection Year]":2024,"[Value]":3}]}]}]}"""),
            new Replay(200, """{"results":[{"tables":[{"rows":[{"Local Authority[DfE Code]":"919","Collection Year[Collection Year]":2024,"[Value]":20}]}]}]}"""));

        var (compared, mismatches) = await new ModelReconciler(Client(), harness.Warehouse.Engine).ReconcileAsync(metrics, null, CancellationToken.None);

        Assert.Equal(2, compared);
        var mismatch = Assert.Single(mismatches);
        Assert.Equal(("missing_pct", "919", 2024, 20.0, 25.0), (mismatch.MetricId, mismatch.La, mismatch.Year, mismatch.Model, mismatch.Mart));
        var firstQuery = JsonNode.Parse(_server.Requests.First().Body)!;
        Assert.Equal(ModelReconciler.Query(metrics[0]), firstQuery["queries"]![0]!["query"]!.GetValue<string>());
        Assert.True(firstQuery["serializerSettings"]!["includeNulls"]!.GetValue<bool>());
    }
}
