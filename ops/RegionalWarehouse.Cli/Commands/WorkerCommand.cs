using Microsoft.Extensions.Hosting;
using RegionalWarehouse.Dashboard;
using RegionalWarehouse.Etl.Workers;
using RegionalWarehouse.Warehouse.Migrations;

namespace RegionalWarehouse.Cli.Commands;

public static class WorkerCommand
{
    public static Command Create()
    {
        var exitWhenIdle = new Option<bool>("--exit-when-idle") { Description = "Stop once landing is empty and nothing is being processed." };
        var command = new Command("worker", "Run the scheduled workers (discover complete submissions in landing, ingest, archive or quarantine, report, refresh marts) and the web dashboard. Ctrl+C stops cleanly.")
        {
            exitWhenIdle,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await RunAsync(null, parse.GetValue(exitWhenIdle), cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }

    public static async Task RunAsync(IDictionary<string, string?>? overrides, bool exitWhenIdle, CancellationToken cancellationToken)
    {
        using var host = WorkerHost.Build([], overrides, (services, configuration) =>
        {
            services.AddDashboard(configuration);
            if (exitWhenIdle)
                services.AddHostedService<IdleShutdown>();
        });
        host.Services.GetRequiredService<WarehouseMigrator>().Migrate();
        CliHost.ApplyAccess(host.Services);
        await host.RunAsync(cancellationToken);
    }
}
