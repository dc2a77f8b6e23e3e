using Microsoft.Extensions.Hosting;
using RegionalWarehouse.Dashboard;

namespace RegionalWarehouse.Cli.Commands;

public static class DashboardCommand
{
    public static Command Create()
    {
        var command = new Command("dashboard",
            "Serve the web dashboard only (read-only, marts only) until Ctrl+C. `rw worker` and `rw demo` already serve it beside the workers; " +
            "with a DuckDB warehouse use those, as DuckDB allows one process.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var builder = PlatformHost.CreateBuilder([], new Dictionary<string, string?> { ["Dashboard:Enabled"] = "true" });
            builder.Services.AddHostedService<RegionalWarehouse.Etl.Hosting.WarehouseInstanceHolder>();
            builder.Services.AddDashboard(builder.Configuration);
            using var host = builder.Build();
            host.Services.GetRequiredService<RegionalWarehouse.Warehouse.Migrations.WarehouseMigrator>().Migrate();
            await host.RunAsync(cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }
}
