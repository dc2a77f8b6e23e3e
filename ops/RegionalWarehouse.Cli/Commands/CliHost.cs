using Microsoft.Extensions.Hosting;
using RegionalWarehouse.Etl.Governance;
using RegionalWarehouse.Etl.Workers;
using RegionalWarehouse.Warehouse.Migrations;

namespace RegionalWarehouse.Cli.Commands;

/// <summary>The platform services for one command, with the warehouse brought up to date first.</summary>
public static class CliHost
{
    public static IHost Open(IDictionary<string, string?>? overrides = null)
    {
        var builder = PlatformHost.CreateBuilder([], overrides);
        // Only the commands that touch stored files (rw retention --delete) resolve the landing store.
        builder.Services.AddLanding(builder.Configuration);
        var host = builder.Build();
        host.Services.GetRequiredService<WarehouseMigrator>().Migrate();
        ApplyAccess(host.Services);
        return host;
    }

    /// <summary>The model's RLS mapping (ref.user_la_access) follows the Access configuration on every start.</summary>
    public static void ApplyAccess(IServiceProvider services) =>
        UserAccess.Apply(services.GetRequiredService<RegionalWarehouse.Warehouse.Engines.IWarehouseEngine>(),
            services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AccessOptions>>().Value);
}
