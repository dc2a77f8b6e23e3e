using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RegionalWarehouse.Tests.PowerBi;

/// <summary>A request the local server received: what the client actually sent.</summary>
public sealed record RecordedRequest(string Method, string Path, string? Authorization, string Body);

/// <summary>A response to replay, as the Power BI / Fabric documentation describes them.</summary>
public sealed record Replay(int Status, string Body = "", string? Location = null, int? RetryAfterSeconds = null);

/// <summary>
/// A real HTTP server on a loopback port that answers each "METHOD /path" with the next scripted
/// response, and records every request so tests can check its shape.
/// </summary>
public sealed class PowerBiReplayServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Replay>> _script = new();

    public PowerBiReplayServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Run(async context =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            var key = $"{context.Request.Method} {context.Request.Path}";
            Requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path, context.Request.Headers.Authorization, body));
            if (!_script.TryGetValue(key, out var queue) || !queue.TryDequeue(out var replay))
            {
                context.Response.StatusCode = 404;
                await context.Response.WriteAsync($"nothing scripted for {key}");
                return;
            }
            context.Response.StatusCode = replay.Status;
            if (replay.Location is not null)
                context.Response.Headers.Location = new Uri(BaseAddress!, replay.Location).ToString(); // set once the server listens, before any request
            if (replay.RetryAfterSeconds is { } seconds)
                context.Response.Headers.RetryAfter = seconds.ToString();
            if (replay.Body.Length > 0)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(replay.Body);
            }
        });
        _app.StartAsync().GetAwaiter().GetResult();
        BaseAddress = new Uri(_app.Urls.First());
    }

    public Uri BaseAddress { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public PowerBiReplayServer On(string methodAndPath, params Replay[] replies)
    {
        var queue = _script.GetOrAdd(methodAndPath, _ => new ConcurrentQueue<Replay>());
        foreach (var reply in replies)
            queue.Enqueue(reply);
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
