using RegionalWarehouse.Etl.Governance;
using RegionalWarehouse.Warehouse.Migrations;

namespace RegionalWarehouse.Cli.Commands;

public static class MigrateCommand
{
    public static Command Create()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "List the scripts that would run, change nothing." };
        var command = new Command("migrate", "Create or upgrade the warehouse schema (DbUp) and seed reference data. Safe to run repeatedly.")
        {
            dryRun,
        };
        command.SetAction(parse =>
        {
            using var host = PlatformHost.CreateBuilder([]).Build();
            var engine = host.Services.GetRequiredService<IWarehouseEngine>();
            var migrator = host.Services.GetRequiredService<WarehouseMigrator>();
            if (parse.GetValue(dryRun))
            {
                var pending = migrator.PendingScripts();
                Console.WriteLine(pending.Count == 0
                    ? $"{engine.Describe()} is up to date."
                    : $"{pending.Count} script(s) would run on {engine.Describe()}:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", pending));
                return ExitCodes.Success;
            }

            var outcome = migrator.Migrate();
            Console.WriteLine($"{engine.Describe()}: {outcome.AppliedScripts.Count} script(s) applied; reference data {outcome.Seed}.");
            Console.WriteLine($"Power BI row-level security: {UserAccess.Apply(engine, host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AccessOptions>>().Value)} analyst-to-LA grant(s) from Access:LaAnalysts.");
            return ExitCodes.Success;
        });
        return command;
    }
}
