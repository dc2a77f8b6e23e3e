using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RegionalWarehouse.Tests.Deployment;

/// <summary>
/// The region's infrastructure as code (ops/infra) as the Bicep CLI reads it: it builds and lints without one
/// warning, and the template it compiles to gives what the platform's security rests on.
/// </summary>
public class InfrastructureTests
{
    private static readonly string Infra = Path.Combine(Azurite.RepositoryRoot(), "ops", "infra");

    private static readonly Lazy<JsonObject> Template = new(() =>
    {
        var (code, output, error) = Bicep("build", Path.Combine(Infra, "main.bicep"), "--stdout");
        Assert.True(code == 0, error);
        return JsonNode.Parse(output)!.AsObject();
    });

    [Fact]
    public void Bicep_build_and_lint_pass_without_a_warning_on_the_template_and_the_regions_parameters()
    {
        foreach (var file in new[] { "main.bicep", "region.bicepparam" })
        {
            var (code, output, error) = Bicep("lint", Path.Combine(Infra, file));
            Assert.True(code == 0 && !(output + error).Contains("Warning", StringComparison.Ordinal), $"{file}: {output}{error}");
        }
        var (paramsCode, _, paramsError) = Bicep("build-params", Path.Combine(Infra, "region.bicepparam"), "--stdout");
        Assert.True(paramsCode == 0, paramsError);
        Assert.NotEmpty(Template.Value["resources"]!.AsArray());
    }

    [Fact]
    public void Storage_takes_no_account_key_and_the_archive_cannot_be_changed_for_the_retention_period()
    {
        var account = Single("Microsoft.Storage/storageAccounts");
        Assert.False((bool)account["properties"]!["allowSharedKeyAccess"]!);
        Assert.False((bool)account["properties"]!["allowBlobPublicAccess"]!);
        var immutability = Single("Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies");
        Assert.Contains("/archive/", immutability["name"]!.ToString());
        Assert.Contains("archiveImmutableDays", immutability["properties"]!["immutabilityPeriodSinceCreationInDays"]!.ToString());
        // Five years from upload ends before six years from the period's end, when the retention job deletes.
        Assert.Equal(1825, (int)Template.Value["parameters"]!["archiveImmutableDays"]!["defaultValue"]!);
    }

    [Fact]
    public void Each_la_may_write_only_its_own_landing_folder_and_read_only_its_own_reports()
    {
        var assignments = Resources("Microsoft.Authorization/roleAssignments").Where(r => r["copy"] is not null).ToList();
        Assert.Equal(2, assignments.Count);
        foreach (var assignment in assignments)
        {
            Assert.Equal("memberLas", Regex.Match(assignment["copy"]!["count"]!.ToString(), @"parameters\('(\w+)'\)").Groups[1].Value);
            var condition = assignment["properties"]!["condition"]!.ToString();
            Assert.Contains("blobs:path] StringStartsWith", condition);
            Assert.Contains("code", condition);
            Assert.Equal("Group", assignment["properties"]!["principalType"]!.ToString());
        }
    }

    [Fact]
    public void Sql_takes_entra_id_only_and_the_apps_reach_everything_as_their_own_managed_identities()
    {
        var server = Single("Microsoft.Sql/servers");
        Assert.True((bool)server["properties"]!["administrators"]!["azureADOnlyAuthentication"]!);
        var vault = Single("Microsoft.KeyVault/vaults");
        Assert.True((bool)vault["properties"]!["enableRbacAuthorization"]!);
        Assert.True((bool)vault["properties"]!["enablePurgeProtection"]!);

        var apps = Resources("Microsoft.App/containerApps").ToList();
        Assert.Equal(2, apps.Count);
        foreach (var app in apps)
        {
            Assert.Equal("UserAssigned", app["identity"]!["type"]!.ToString());
            var container = app["properties"]!["template"]!["containers"]![0]!;
            Assert.Equal("[variables('probes')]", container["probes"]!.ToString());
            Assert.Contains("AZURE_CLIENT_ID", container["env"]!.ToJsonString());
        }
        // Both apps' settings (variables of the container apps module): no secret, Entra ID to SQL.
        var settings = Deployment("container-apps")["variables"]!.ToJsonString();
        Assert.Contains("/health/live", settings);
        Assert.Contains("/health/ready", settings);
        Assert.Contains("RW__Security__RequireManagedIdentity", settings);
        Assert.Contains("Active Directory Managed Identity", settings);
        Assert.DoesNotContain("Password", settings, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey", Template.Value.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        // No parameter anywhere is a secret: nothing secret is passed to a deployment.
        Assert.DoesNotContain("securestring", Template.Value.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_deployment_pipeline_refers_only_to_files_that_exist()
    {
        var root = Azurite.RepositoryRoot();
        var workflow = File.ReadAllText(Path.Combine(root, ".github", "workflows", "deploy.yml"));
        var paths = Regex.Matches(workflow, @"(?<![\w/.-])(?:\.ci|ops|etl|tests|docs|semantic-model|warehouse|dashboard)/[\w./-]+").Select(m => m.Value.TrimEnd('.')).Distinct().ToList();

        Assert.Contains("ops/infra/main.bicep", paths);
        Assert.Contains("ops/RegionalWarehouse.Cli/RegionalWarehouse.Cli.csproj", paths);
        Assert.All(paths, p => Assert.True(File.Exists(Path.Combine(root, p)) || Directory.Exists(Path.Combine(root, p)), $"{p} does not exist"));
        var project = File.ReadAllText(Path.Combine(root, "ops", "RegionalWarehouse.Cli", "RegionalWarehouse.Cli.csproj"));
        Assert.Contains("<ContainerUser>app</ContainerUser>", project);
    }

    /// <summary>The compiled template's resources of a type, modules included (each module is a nested deployment).</summary>
    private static IEnumerable<JsonObject> Resources(string type) => AllResources(Template.Value).Where(r => r["type"]?.ToString() == type);

    private static JsonObject Single(string type) => Assert.Single(Resources(type));

    private static JsonObject Deployment(string module) =>
        Resources("Microsoft.Resources/deployments").Single(d => d["name"]!.ToString() == module)["properties"]!["template"]!.AsObject();

    private static IEnumerable<JsonObject> AllResources(JsonObject template)
    {
        foreach (var resource in template["resources"]!.AsArray().Select(node => node!.AsObject()))
        {
            yield return resource;
            if (resource["type"]?.ToString() == "Microsoft.Resources/deployments" && resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in AllResources(nested))
                    yield return inner;
            }
        }
    }

    private static (int Code, string Output, string Error) Bicep(params string[] args)
    {
        var bicep = typeof(InfrastructureTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value!.Replace('\\', '/');
        var start = new ProcessStartInfo(bicep) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        // Offline: no telemetry, no registry lookups.
        start.Environment["BICEP_TRACING_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
