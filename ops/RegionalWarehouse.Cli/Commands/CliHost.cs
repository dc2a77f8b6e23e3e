using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RegionalWarehouse.Etl.Hosting;
using RegionalWarehouse.Warehouse.Migrations;

namespace RegionalWarehouse.Cli.Commands;

/// <summary>The platform services for one command, with the warehouse brought up to date first.</summary>
public static class CliHost
{
    public static IHost Open(IDictionary<string, string?>? overrides = null)
    {
        var host = PlatformHost.CreateBuilder([], overrides).Build();
        host.Services.GetRequiredService<WarehouseMigrator>().Migrate();
        return host;
    }
}
