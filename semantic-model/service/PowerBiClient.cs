using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Logging;

namespace RegionalWarehouse.PowerBi;

public sealed class PowerBiException(string message) : Exception(message);

/// <summary>A refresh was refused because one is already running (409); the running one will pick up the data.</summary>
public sealed class RefreshInProgressException(string message) : Exception(message);

/// <summary>
/// The Power BI and Fabric REST calls the platform needs, over plain HttpClient (TOM and ADOMD are not
/// available): deploy the TMDL (Fabric updateDefinition, a long-running operation), enhanced refresh with
/// status polling, and DAX through executeQueries. 429 answers are retried after their Retry-After.
/// </summary>
public sealed class PowerBiClient(HttpClient http, PowerBiOptions options, Func<string, CancellationToken, ValueTask<string>> tokens, ILogger<PowerBiClient> logger, TimeProvider clock)
{
    public const string FabricScope = "https://api.fabric.microsoft.com/.default";
    public const string PowerBiScope = "https://analysis.windows.net/powerbi/api/.default";

    /// <summary>Tokens from the service principal in options, or DefaultAzureCredential when none is configured.</summary>
    public static Func<string, CancellationToken, ValueTask<string>> AzureTokens(PowerBiOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.AccessToken))
            return (_, _) => ValueTask.FromResult(options.AccessToken);
        TokenCredential credential = string.IsNullOrWhiteSpace(options.ClientSecret)
            ? new DefaultAzureCredential()
            : new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret);
        return async (scope, ct) => (await credential.GetTokenAsync(new TokenRequestContext([scope]), ct)).Token;
    }

    private string Model => $"groups/{options.WorkspaceId}/datasets/{options.SemanticModelId}";

    /// <summary>Replaces the service's model definition with these parts (definition.pbism and the TMDL files), waiting for the operation.</summary>
    public async Task DeployAsync(IReadOnlyDictionary<string, string> parts, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["definition"] = new JsonObject
            {
                ["format"] = "TMDL",
                ["parts"] = new JsonArray([.. parts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (JsonNode)new JsonObject
                {
                    ["path"] = p.Key,
                    ["payload"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(p.Value)),
                    ["payloadType"] = "InlineBase64",
                })]),
            },
        };
        var url = $"{options.FabricApiUrl.TrimEnd('/')}/v1/workspaces/{options.WorkspaceId}/semanticModels/{options.SemanticModelId}/updateDefinition";
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) }, ct, FabricScope);
        if (response.StatusCode == HttpStatusCode.OK)
            return;
        if (response.StatusCode != HttpStatusCode.Accepted)
            throw await Failure("Deploying the model", response);
        await WaitForOperationAsync(response, ct);
    }

    private async Task WaitForOperationAsync(HttpResponseMessage accepted, CancellationToken ct)
    {
        var location = accepted.Headers.Location ?? throw new PowerBiException("The service accepted the deploy but gave no Location to follow.");
        var delay = RetryAfter(accepted) ?? TimeSpan.FromSeconds(5);
        var deadline = clock.GetUtcNow().AddSeconds(options.TimeoutSeconds);
        while (true)
        {
            await Task.Delay(delay, clock, ct);
            using var poll = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, location), ct, FabricScope);
            if (!poll.IsSuccessStatusCode)
                throw await Failure("Checking the deploy", poll);
            var state = await poll.Content.ReadFromJsonAsync<JsonObject>(ct);
            var status = state?["status"]?.GetValue<string>();
            logger.LogInformation("Deploy operation: {Status}", status);
            if (status == "Succeeded")
                return;
            if (status == "Failed")
                throw new PowerBiException($"The service rejected the model: {state?["error"]?["errorCode"]} {state?["error"]?["message"]}");
            if (clock.GetUtcNow() > deadline)
                throw new PowerBiException($"The deploy did not finish within {options.TimeoutSeconds}s; check the workspace.");
            delay = RetryAfter(poll) ?? delay;
        }
    }

    /// <summary>Starts an enhanced refresh and returns where to follow it. Throws <see cref="RefreshInProgressException"/> on 409.</summary>
    public async Task<Uri> StartRefreshAsync(CancellationToken ct)
    {
        var body = new JsonObject { ["type"] = "Full", ["commitMode"] = "transactional", ["maxParallelism"] = 2, ["retryCount"] = 2 };
        var url = $"{options.PowerBiApiUrl.TrimEnd('/')}/v1.0/myorg/{Model}/refreshes";
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) }, ct);
        if (response.StatusCode == HttpStatusCode.Conflict)
            throw new RefreshInProgressException("Power BI is already refreshing the model; it will pick up the new data, or refresh again once it finishes.");
        if (response.StatusCode != HttpStatusCode.Accepted)
            throw await Failure("Starting the refresh", response);
        return response.Headers.Location ?? throw new PowerBiException("The service accepted the refresh but gave no Location to follow.");
    }

    /// <summary>Polls an enhanced refresh until it completes; returns its final status.</summary>
    public async Task<string> WaitForRefreshAsync(Uri location, CancellationToken ct)
    {
        var deadline = clock.GetUtcNow().AddSeconds(options.TimeoutSeconds);
        var delay = TimeSpan.FromSeconds(5);
        while (true)
        {
            using var poll = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, location), ct);
            if (!poll.IsSuccessStatusCode)
                throw await Failure("Checking the refresh", poll);
            var state = await poll.Content.ReadFromJsonAsync<JsonObject>(ct);
            var status = state?["extendedStatus"]?.GetValue<string>() ?? state?["status"]?.GetValue<string>() ?? "Unknown";
            logger.LogInformation("Refresh: {Status}", status);
            if (status is "Completed")
                return status;
            if (status is "Failed" or "TimedOut" or "Cancelled" or "Disabled")
                throw new PowerBiException($"The refresh ended {status}: {string.Join("; ", state?["messages"]?.AsArray().Select(m => m?["message"]?.GetValue<string>()) ?? [])}");
            if (clock.GetUtcNow() > deadline)
                throw new PowerBiException($"The refresh did not finish within {options.TimeoutSeconds}s; it carries on in the service.");
            await Task.Delay(RetryAfter(poll) ?? delay, clock, ct);
        }
    }

    /// <summary>Runs one DAX query; a 200 carrying an error (partial results) is an error too.</summary>
    /// <summary>Throws unless the configured semantic model can be read in its workspace by this identity (rw doctor).</summary>
    public async Task CheckModelAsync(CancellationToken ct)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"{options.PowerBiApiUrl.TrimEnd('/')}/v1.0/myorg/{Model}"), ct);
        if (!response.IsSuccessStatusCode)
            throw await Failure("Reading the semantic model", response);
    }

    public async Task<IReadOnlyList<JsonObject>> ExecuteQueryAsync(string dax, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["queries"] = new JsonArray(new JsonObject { ["query"] = dax }),
            ["serializerSettings"] = new JsonObject { ["includeNulls"] = true },
        };
        var url = $"{options.PowerBiApiUrl.TrimEnd('/')}/v1.0/myorg/{Model}/executeQueries";
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) }, ct);
        if (!response.IsSuccessStatusCode)
            throw await Failure("Running DAX", response);
        var json = await response.Content.ReadFromJsonAsync<JsonObject>(ct);
        var result = json?["results"]?[0];
        var table = result?["tables"]?[0];
        var error = result?["error"] ?? table?["error"];
        if (error is not null)
            throw new PowerBiException($"The query returned an error with its results ({error["code"]}: {error["message"]}); the rows are incomplete.");
        return table?["rows"]?.AsArray().Select(r => r!.AsObject()).ToList() ?? [];
    }

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, CancellationToken ct, string scope = PowerBiScope)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var message = request();
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens(scope, ct));
            var response = await http.SendAsync(message, ct);
            if (response.StatusCode != HttpStatusCode.TooManyRequests || attempt >= options.MaxRetries)
                return response;
            var wait = RetryAfter(response) ?? TimeSpan.FromSeconds(Math.Pow(2, attempt));
            logger.LogWarning("Power BI said 429 Too Many Requests; retrying in {Seconds}s", wait.TotalSeconds);
            response.Dispose();
            await Task.Delay(wait, clock, ct);
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta ?? (response.Headers.RetryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);

    private static async Task<PowerBiException> Failure(string what, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return new PowerBiException($"{what} failed: HTTP {(int)response.StatusCode} {response.ReasonPhrase}. {body}");
    }
}
