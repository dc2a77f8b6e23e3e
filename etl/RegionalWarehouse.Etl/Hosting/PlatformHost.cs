using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RegionalWarehouse.Etl.Privacy;
using RegionalWarehouse.Etl.Ssda903;
using RegionalWarehouse.Warehouse;
using RegionalWarehouse.Warehouse.Engines;
using RegionalWarehouse.Warehouse.Migrations;

namespace RegionalWarehouse.Etl.Hosting;

/// <summary>
/// The composition root shared by the rw CLI and the worker host: configuration from appsettings.json
/// and RW__-prefixed environment variables, validated options, logging, and the warehouse engine.
/// </summary>
public static class PlatformHost
{
    public const string EnvironmentPrefix = "RW__";

    public static HostApplicationBuilder CreateBuilder(string[] args, IDictionary<string, string?>? overrides = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { Args = args });
        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables(EnvironmentPrefix);
        if (overrides is not null)
            builder.Configuration.AddInMemoryCollection(overrides);
        KeyVaultSecrets.AddTo(builder.Configuration);
        SecretFreeConfiguration.Check(builder.Configuration);

        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        // A failure to start (a port in use, say) reaches whoever started the host, and rw prints it as one error:
        // line; the host's own log of it would repeat it with a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });

        AddWarehouse(builder.Services, builder.Configuration);
        AddPipeline(builder.Services, builder.Configuration);
        return builder;
    }

    public static void AddWarehouse(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WarehouseOptions>().Bind(configuration.GetSection(WarehouseOptions.Section));
        services.AddSingleton<IValidateOptions<WarehouseOptions>, WarehouseOptionsValidator>();
        services.AddSingleton<IWarehouseEngine>(sp => WarehouseEngineFactory.Create(sp.GetRequiredService<IOptions<WarehouseOptions>>().Value));
        services.AddSingleton<WarehouseMigrator>();
    }

    /// <summary>Every return type the platform accepts (they hold no state, so one instance each serves every host).</summary>
    public static IReadOnlyList<IReturnType> ReturnTypes { get; } =
    [
        new Ssda903ReturnType(), new SupportingFamilies.SfReturnType(), new Context.PopulationReturnType(), new Context.DeprivationReturnType(),
        new Context.IndicatorReturnType(), new Context.PublishedStatisticsReturnType(), new Lait.LaitReturnType(), new StatisticalNeighbours.NeighbourModelReturnType(),
    ];

    public static void AddPipeline(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PrivacyOptions.Section));
        services.AddSingleton<IValidateOptions<PrivacyOptions>, PrivacyOptionsValidator>();
        services.AddSingleton(sp => new ChildPseudonymiser(sp.GetRequiredService<IOptions<PrivacyOptions>>().Value.PseudonymisationKey!));
        services.AddSingleton(TimeProvider.System);
        foreach (var returnType in ReturnTypes)
            services.AddSingleton(returnType);
        services.AddOptions<ToleranceOptions>().Bind(configuration.GetSection(ToleranceOptions.Section))
            .Validate(o => o.MaxShareOfChildrenWithErrors is >= 0 and <= 1, "Validation:MaxShareOfChildrenWithErrors is a share from 0 to 1.");
        services.AddOptions<Benchmarks.BenchmarkOptions>().Bind(configuration.GetSection(Benchmarks.BenchmarkOptions.Section))
            .Validate(o => o.SuppressCountsUpTo >= 0, "Benchmarks:SuppressCountsUpTo cannot be negative.");
        services.AddSingleton<Benchmarks.MartRefresher>();
        services.AddSingleton<Forecasting.ForecastRefresher>();
        services.AddOptions<Governance.AccessOptions>().Bind(configuration.GetSection(Governance.AccessOptions.Section));
        services.AddOptions<RegionalWarehouse.PowerBi.PowerBiOptions>().Bind(configuration.GetSection(RegionalWarehouse.PowerBi.PowerBiOptions.Section));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<RegionalWarehouse.PowerBi.PowerBiOptions>>().Value;
            return new RegionalWarehouse.PowerBi.PowerBiClient(new HttpClient { Timeout = TimeSpan.FromMinutes(2) }, options, RegionalWarehouse.PowerBi.PowerBiClient.AzureTokens(options),
                sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<RegionalWarehouse.PowerBi.PowerBiClient>>(), sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<SubmissionPipeline>();
    }
}
