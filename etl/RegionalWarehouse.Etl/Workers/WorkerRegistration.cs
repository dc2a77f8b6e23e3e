using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using RegionalWarehouse.Etl.Landing;
using RegionalWarehouse.Warehouse;

namespace RegionalWarehouse.Etl.Workers;

/// <summary>Adds the landing store and the Quartz-scheduled workers to a host.</summary>
public static class WorkerRegistration
{
    public static void AddLanding(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LandingOptions>().Bind(configuration.GetSection(LandingOptions.Section));
        services.AddSingleton<IValidateOptions<LandingOptions>, LandingOptionsValidator>();
        services.AddSingleton<ILandingStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LandingOptions>>().Value;
            return options.IsBlob
                ? new BlobLandingStore(BlobService(options), TimeSpan.FromSeconds(options.LeaseSeconds), sp.GetRequiredService<ILogger<BlobLandingStore>>())
                : new FolderLandingStore(options.Folder);
        });
        services.AddSingleton<Governance.ExpiredReturnDeletion>();
    }

    /// <summary>A connection string when one is given (Azurite, local runs); otherwise the service URI as this app's managed identity.</summary>
    public static BlobServiceClient BlobService(LandingOptions options)
    {
        var client = new BlobClientOptions { Retry = { MaxRetries = 2, NetworkTimeout = TimeSpan.FromSeconds(20) } };
        return string.IsNullOrWhiteSpace(options.BlobConnectionString)
            ? new BlobServiceClient(options.BlobServiceUri, new Azure.Identity.DefaultAzureCredential(), client)
            : new BlobServiceClient(options.BlobConnectionString, client);
    }

    public static void AddWorkers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLanding(configuration);
        services.AddOptions<WorkerOptions>().Bind(configuration.GetSection(WorkerOptions.Section));
        services.AddSingleton<SubmissionProcessor>();
        services.AddSingleton<LandingReadiness>();
        services.AddSingleton<MartRefreshState>();
        var worker = configuration.GetSection(WorkerOptions.Section).Get<WorkerOptions>() ?? new WorkerOptions();
        var warehouse = configuration.GetSection(WarehouseOptions.Section).Get<WarehouseOptions>() ?? new WarehouseOptions();

        services.AddQuartz(q =>
        {
            q.SchedulerName = "regional-warehouse";
            q.SchedulerId = "AUTO";
            q.UseDefaultThreadPool(pool => pool.MaxConcurrency = Math.Max(2, worker.MaxConcurrency + 1));
            if (string.Equals(worker.JobStore, "SqlServer", StringComparison.OrdinalIgnoreCase))
            {
                // Production: workers on several machines share one schedule; Quartz's clustering hands
                // each job to one node. The qrtz_ tables come from Quartz's tables_sqlServer.sql (see README).
                q.UsePersistentStore(store =>
                {
                    store.UseSqlServer(warehouse.SqlServerConnectionString!);
                    store.UseClustering();
                    store.UseProperties = true;
                    store.UseSerializer<QuartzJsonSerializer>();
                    store.PerformSchemaValidation = true;
                });
            }
            else
            {
                q.UseInMemoryStore();
            }
            q.AddJob<DiscoverSubmissionsJob>(job => job.WithIdentity(DiscoverSubmissionsJob.Key));
            q.AddTrigger(trigger => trigger.ForJob(DiscoverSubmissionsJob.Key).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(Math.Max(1, worker.DiscoverIntervalSeconds))).RepeatForever()));
            if (!string.IsNullOrWhiteSpace(worker.RetentionSchedule))
            {
                q.AddJob<RetentionJob>(job => job.WithIdentity(RetentionJob.Key));
                q.AddTrigger(trigger => trigger.ForJob(RetentionJob.Key).WithCronSchedule(worker.RetentionSchedule, cron => cron.InTimeZone(TimeZoneInfo.Utc)));
            }
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
    }
}
