using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RegionalWarehouse.Warehouse.Engines;
using RegionalWarehouse.Warehouse.Migrations;

namespace RegionalWarehouse.Dashboard;

/// <summary>
/// What a container platform asks of the worker and the dashboard: /health/live (the process answers) and
/// /health/ready (the warehouse answers a query and has every migration this build expects). Neither says more than
/// what is wrong with the warehouse's reachability or schema: no configuration, no address, no data.
/// </summary>
public static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app, IWarehouseEngine engine)
    {
        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        app.MapGet("/health/live", () => Results.Ok(new { status = "live" }));
        app.MapGet("/health/ready", () => NotReadyBecause(engine) is { } problem
            ? Results.Json(new { status = "not ready", problem }, statusCode: StatusCodes.Status503ServiceUnavailable)
            : Results.Ok(new { status = "ready" }));
    }

    /// <summary>Why the warehouse cannot serve yet, or null when it can.</summary>
    public static string? NotReadyBecause(IWarehouseEngine engine)
    {
        try
        {
            using (var connection = engine.Open())
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "select 1";
                command.ExecuteScalar();
            }
            var pending = new WarehouseMigrator(engine, NullLogger<WarehouseMigrator>.Instance).PendingScripts();
            return pending.Count == 0 ? null : $"{pending.Count} migration(s) not applied yet (run rw migrate, or start the worker, which migrates)";
        }
        catch (Exception ex) when (ex is WarehouseUnavailableException or System.Data.Common.DbException or InvalidOperationException)
        {
            return "the warehouse cannot be reached";
        }
    }
}

/// <summary>
/// The worker's own health endpoints (Worker:HealthUrl, e.g. http://+:8080 in a container), for a host that does
/// not also serve the dashboard: a minimal web server answering /health/live and /health/ready only.
/// </summary>
public sealed class HealthServer(IWarehouseEngine engine, string url) : HostedWebApp
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        var app = builder.Build();
        HealthEndpoints.Map(app, engine);
        await app.StartAsync(cancellationToken);
        App = app;
    }
}
