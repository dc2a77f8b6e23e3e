using Microsoft.Extensions.Hosting;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Hosting;

/// <summary>
/// Holds the DuckDB warehouse's instance open while a long-running host (worker, dashboard) runs, so each
/// load and each dashboard query opens its connection at no cost (see <see cref="DuckDbEngine.KeepInstanceOpen"/>).
/// Nothing to do on SQL Server, whose client pools connections itself.
/// </summary>
public sealed class WarehouseInstanceHolder(IWarehouseEngine engine) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        (engine as DuckDbEngine)?.KeepInstanceOpen();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        (engine as DuckDbEngine)?.ReleaseInstance();
        return Task.CompletedTask;
    }
}
