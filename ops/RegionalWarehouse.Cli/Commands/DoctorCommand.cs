using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using RegionalWarehouse.Dashboard;
using RegionalWarehouse.Etl.Landing;
using RegionalWarehouse.Etl.Privacy;
using RegionalWarehouse.Etl.Submissions;
using RegionalWarehouse.Etl.Workers;
using RegionalWarehouse.PowerBi;

namespace RegionalWarehouse.Cli.Commands;

/// <summary>
/// `rw doctor`: after a deployment (or on a laptop), checks every dependency the platform needs and says what to fix:
/// configuration, the warehouse (reachable and migrated), landing storage (containers present and writable), the
/// pseudonymisation key, and the Power BI workspace. It changes nothing but a probe file it writes and deletes.
/// </summary>
public static class DoctorCommand
{
    public sealed record Check(string Name, string Outcome, string Detail);

    public const string Pass = "ok";
    public const string Fail = "FAIL";
    public const string Skipped = "skipped";

    public static Command Create()
    {
        var command = new Command("doctor",
            "Check every dependency (configuration, warehouse, landing storage, pseudonymisation key, Power BI) and say what to fix. Exit 1 if any check fails.");
        command.SetAction(async (_, cancellationToken) =>
        {
            var checks = await RunAsync(null, cancellationToken);
            foreach (var check in checks)
            {
                var colour = check.Outcome switch { Pass => "green", Fail => "red", _ => "grey" };
                AnsiConsole.MarkupLine($"[{colour}]{check.Outcome,-7}[/] [bold]{Markup.Escape(check.Name)}[/]");
                AnsiConsole.MarkupLine($"        {Markup.Escape(check.Detail)}");
            }
            return checks.Any(c => c.Outcome == Fail) ? ExitCodes.Failure : ExitCodes.Success;
        });
        return command;
    }

    public static async Task<IReadOnlyList<Check>> RunAsync(IDictionary<string, string?>? overrides, CancellationToken cancellationToken)
    {
        var checks = new List<Check>();
        Microsoft.Extensions.Hosting.IHost host;
        try
        {
            var builder = PlatformHost.CreateBuilder([], overrides);
            builder.Services.AddLanding(builder.Configuration);
            host = builder.Build();
        }
        catch (OptionsValidationException invalid)
        {
            return [new("Configuration", Fail, string.Join(" ", invalid.Failures))];
        }
        using (host)
        {
            var configuration = host.Services.GetRequiredService<IConfiguration>();
            var production = configuration.GetValue<bool>(SecretFreeConfiguration.Switch);
            checks.Add(new("Configuration", Pass, production
                ? "Security:RequireManagedIdentity is on and no secret is in configuration (SQL, Blob and Key Vault by managed identity)."
                : "Valid. Embedded/local mode: on Azure, set Security:RequireManagedIdentity so that any secret in configuration stops the app."));
            checks.Add(Warehouse(host.Services));
            checks.Add(await Landing(host.Services, cancellationToken));
            checks.Add(Key(host.Services, configuration));
            checks.Add(await PowerBi(host.Services, cancellationToken));
        }
        return checks;
    }

    private static Check Warehouse(IServiceProvider services)
    {
        var engine = services.GetRequiredService<IWarehouseEngine>();
        try
        {
            return HealthEndpoints.NotReadyBecause(engine) is { } problem
                ? new("Warehouse", Fail, $"{engine.Describe()}: {problem}.")
                : new("Warehouse", Pass, $"{engine.Describe()} answers and has every migration this build expects.");
        }
        catch (OptionsValidationException invalid)
        {
            return new("Warehouse", Fail, string.Join(" ", invalid.Failures));
        }
    }

    private static async Task<Check> Landing(IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            var landing = services.GetRequiredService<ILandingStore>();
            await landing.EnsureReadyAsync(cancellationToken);
            await landing.DiscoverAsync(cancellationToken);
            // A report written and deleted under a folder no LA code can have proves the worker may write and delete.
            const string probe = "_doctor";
            await landing.WriteReportAsync(LandingArea.Reports, probe, new SubmissionReport(null, probe, "doctor", "-", "probe", "", DateTime.UtcNow, 0, new Dictionary<string, long>(), [],
                "rw doctor checks it can write here and deletes this at once."), cancellationToken);
            await landing.DeleteFolderAsync(LandingArea.Reports, probe, cancellationToken);
            return new("Landing storage", Pass, $"{landing.Describe()}: the containers are present, readable and writable.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new("Landing storage", Fail, $"{ex.Message.Split('\n')[0]} On Azure the worker's identity needs Storage Blob Data Contributor on the account (ops/infra assigns it).");
        }
    }

    private static Check Key(IServiceProvider services, IConfiguration configuration)
    {
        try
        {
            _ = services.GetRequiredService<IOptions<PrivacyOptions>>().Value;
            return configuration[KeyVaultSecrets.UriSetting] is { Length: > 0 } vault
                ? new("Pseudonymisation key", Pass, $"Read from Key Vault {vault} (secret {KeyVaultSecrets.SecretName("Privacy:PseudonymisationKey")}).")
                : new("Pseudonymisation key", Pass, "Set in configuration (local use). On Azure it comes from Key Vault: set KeyVault:Uri.");
        }
        catch (OptionsValidationException invalid)
        {
            return new("Pseudonymisation key", Fail, string.Join(" ", invalid.Failures));
        }
    }

    private static async Task<Check> PowerBi(IServiceProvider services, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<PowerBiOptions>>().Value;
        if (!options.IsConfigured)
            return new("Power BI", Skipped, "PowerBi:WorkspaceId and PowerBi:SemanticModelId are not set. On Azure, set them to check the workspace and model are reachable.");
        try
        {
            await services.GetRequiredService<PowerBiClient>().CheckModelAsync(cancellationToken);
            return new("Power BI", Pass, $"The semantic model {options.SemanticModelId} in workspace {options.WorkspaceId} is reachable.");
        }
        catch (Exception ex) when (ex is PowerBiException or HttpRequestException or Azure.Identity.AuthenticationFailedException or Azure.Identity.CredentialUnavailableException)
        {
            return new("Power BI", Fail, $"{ex.Message.Split('\n')[0]} Check the workspace and model ids, and that this identity is a member of the workspace.");
        }
    }
}
