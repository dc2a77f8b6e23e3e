using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace RegionalWarehouse.Dashboard;

/// <summary>A hosted service that runs one web app of its own: started by the subclass, stopped and disposed with the host.</summary>
public abstract class HostedWebApp : IHostedService, IAsyncDisposable
{
    /// <summary>The running app, once <see cref="StartAsync"/> has built and started it.</summary>
    protected WebApplication? App { get; set; }

    public abstract Task StartAsync(CancellationToken cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (App is not null)
            await App.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
            await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
