using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RegionalWarehouse.Etl.Workers;

namespace RegionalWarehouse.Etl.Hosting;

/// <summary>The long-running worker host: the platform services plus the Quartz-scheduled workers.</summary>
public static class WorkerHost
{
    public static IHost Build(string[] args, IDictionary<string, string?>? overrides = null, Action<IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration>? configure = null)
    {
        var builder = PlatformHost.CreateBuilder(args, overrides);
        builder.Services.AddHostedService<WarehouseInstanceHolder>();
        builder.Services.AddWorkers(builder.Configuration);
        builder.Services.AddSingleton<ILoggerFactory>(sp => new QuartzSafeLoggerFactory(ActivatorUtilities.CreateInstance<LoggerFactory>(sp)));
        configure?.Invoke(builder.Services, builder.Configuration);
        return builder.Build();
    }
}
