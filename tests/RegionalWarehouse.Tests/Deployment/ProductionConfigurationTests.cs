using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using RegionalWarehouse.Dashboard;
using RegionalWarehouse.Etl.Hosting;

namespace RegionalWarehouse.Tests.Deployment;

/// <summary>
/// In production (Security:RequireManagedIdentity, as ops/infra sets it) configuration holds no secret: the app
/// refuses to start with one and says what to use instead. Locally, connection strings and a key stay allowed.
/// </summary>
public class ProductionConfigurationTests
{
    private static readonly Dictionary<string, string?> AsOpsInfraConfiguresIt = new()
    {
        [SecretFreeConfiguration.Switch] = "true",
        ["Warehouse:Engine"] = "SqlServer",
        ["Warehouse:SqlServerConnectionString"] = "Server=tcp:rweoe-sql.database.windows.net,1433;Database=regional-warehouse;Authentication=Active Directory Managed Identity;User Id=6f1e0c4a-0000-0000-0000-000000000001;Encrypt=True",
        ["Landing:Kind"] = "Blob",
        ["Landing:BlobServiceUri"] = "https://rweoe.blob.core.windows.net/",
    };

    private static IReadOnlyList<string> ProblemsWith(params (string Key, string? Value)[] changes)
    {
        var settings = new Dictionary<string, string?>(AsOpsInfraConfiguresIt);
        foreach (var (key, value) in changes)
            settings[key] = value;
        return SecretFreeConfiguration.Problems(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).ToList();
    }

    [Fact]
    public void The_templates_settings_hold_no_secret()
    {
        Assert.Empty(ProblemsWith());
        SecretFreeConfiguration.Check(new ConfigurationBuilder().AddInMemoryCollection(AsOpsInfraConfiguresIt).Build());
    }

    [Theory]
    [InlineData("Warehouse:SqlServerConnectionString", "Server=tcp:x.database.windows.net;Database=rw;User Id=rw;Password=hunter2", "holds a password")]
    [InlineData("Warehouse:SqlServerConnectionString", "Server=tcp:x.database.windows.net;Database=rw;Integrated Security=false", "does not use Entra ID")]
    [InlineData("Landing:BlobConnectionString", "DefaultEndpointsProtocol=https;AccountName=rweoe;AccountKey=c2VjcmV0;EndpointSuffix=core.windows.net", "Landing:BlobServiceUri instead")]
    [InlineData("Privacy:PseudonymisationKey", "a-pseudonymisation-key-of-at-least-32-characters", "keep it in Key Vault")]
    [InlineData("PowerBi:ClientSecret", "app-secret", "managed identity")]
    public void A_secret_in_production_configuration_stops_the_app_with_what_to_use_instead(string key, string value, string advice)
    {
        Assert.Contains(ProblemsWith((key, value)), p => p.Contains(advice, StringComparison.Ordinal));

        var settings = new Dictionary<string, string?>(AsOpsInfraConfiguresIt) { [key] = value };
        var refused = Assert.Throws<OptionsValidationException>(() => PlatformHost.CreateBuilder([], settings));
        Assert.Contains(refused.Failures, f => f.Contains(advice, StringComparison.Ordinal));
    }

    [Fact]
    public void Locally_connection_strings_and_a_key_in_configuration_are_allowed()
    {
        var local = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Landing:BlobConnectionString"] = "UseDevelopmentStorage=true",
            ["Privacy:PseudonymisationKey"] = PipelineHarness.Key,
        }).Build();

        SecretFreeConfiguration.Check(local);
    }

    [Fact]
    public void Readiness_says_ready_on_a_migrated_warehouse_and_not_ready_on_one_that_is_not()
    {
        using var migrated = new TemporaryWarehouse();
        Assert.Null(HealthEndpoints.NotReadyBecause(migrated.Engine));

        var empty = new RegionalWarehouse.Warehouse.Engines.DuckDbEngine(Path.Combine(migrated.Folder, "empty.duckdb"));
        Assert.Contains("migration(s) not applied", HealthEndpoints.NotReadyBecause(empty));
    }

    [Fact]
    public void Rw_doctor_on_the_embedded_default_checks_each_dependency_and_says_what_it_would_check_on_azure()
    {
        using var folder = new TemporaryWarehouse();
        var environment = new Dictionary<string, string>
        {
            ["RW__Warehouse__DuckDbPath"] = folder.Engine.FilePath,
            ["RW__Landing__Folder"] = Path.Combine(folder.Folder, "storage"),
            ["RW__Privacy__PseudonymisationKey"] = PipelineHarness.Key,
        };

        var result = RwProcess.Run(folder.Folder, environment, "doctor");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        foreach (var check in new[] { "Configuration", "Warehouse", "Landing storage", "Pseudonymisation key" })
            Assert.Matches($@"ok\s+{check}", result.Output);
        Assert.Matches(@"skipped\s+Power BI", result.Output);
        Assert.Contains("Security:RequireManagedIdentity", result.Output);
        Assert.Contains("Key Vault", result.Output);
        Assert.False(Directory.Exists(Path.Combine(folder.Folder, "storage", "reports", "_doctor")));

        var broken = RwProcess.Run(folder.Folder, new Dictionary<string, string>(environment) { ["RW__Privacy__PseudonymisationKey"] = "short" }, "doctor");
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("shorter than 32 characters", broken.Output);
    }
}
