using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace RegionalWarehouse.Etl.Hosting;

/// <summary>
/// Production's rule (Security:RequireManagedIdentity, set by the Bicep template on every container app): no secret
/// in configuration. The warehouse is reached with SqlClient's Entra ID authentication and no password, blob storage
/// by its service URI and the app's managed identity (no connection string, so no account key), and the
/// pseudonymisation key from Key Vault (KeyVault:Uri), never an environment variable. Local runs keep their
/// connection strings: the rule is off unless asked for.
/// </summary>
public static class SecretFreeConfiguration
{
    public const string Switch = "Security:RequireManagedIdentity";

    public static void Check(IConfiguration configuration)
    {
        if (!configuration.GetValue<bool>(Switch))
            return;
        var problems = Problems(configuration).ToList();
        if (problems.Count > 0)
            throw new OptionsValidationException("Security", typeof(SecretFreeConfiguration), problems);
    }

    public static IEnumerable<string> Problems(IConfiguration configuration)
    {
        if (configuration["Warehouse:SqlServerConnectionString"] is { Length: > 0 } sql)
        {
            SqlConnectionStringBuilder builder;
            try
            {
                builder = new SqlConnectionStringBuilder(sql);
            }
            catch (ArgumentException)
            {
                builder = new SqlConnectionStringBuilder();
            }
            if (builder.Password.Length > 0)
                yield return "Warehouse:SqlServerConnectionString holds a password. In production use Authentication=Active Directory Managed Identity (User Id = the app's identity's client id) and no password.";
            else if (builder.Authentication is not (SqlAuthenticationMethod.ActiveDirectoryManagedIdentity or SqlAuthenticationMethod.ActiveDirectoryDefault or SqlAuthenticationMethod.ActiveDirectoryWorkloadIdentity))
                yield return "Warehouse:SqlServerConnectionString does not use Entra ID: add Authentication=Active Directory Managed Identity.";
        }
        if (!string.IsNullOrWhiteSpace(configuration["Landing:BlobConnectionString"]))
            yield return "Landing:BlobConnectionString is set; in production give Landing:BlobServiceUri instead, and the app reaches storage as its managed identity.";
        if (!string.IsNullOrWhiteSpace(configuration["PowerBi:ClientSecret"]) || !string.IsNullOrWhiteSpace(configuration["PowerBi:AccessToken"]))
            yield return "PowerBi:ClientSecret or PowerBi:AccessToken is set; in production the worker calls Power BI as its managed identity (add it to the workspace) with neither.";
        if (!string.IsNullOrWhiteSpace(configuration["Privacy:PseudonymisationKey"]) && string.IsNullOrWhiteSpace(configuration[KeyVaultSecrets.UriSetting]))
            yield return "Privacy:PseudonymisationKey is set in configuration; in production keep it in Key Vault (secret Privacy--PseudonymisationKey) and give KeyVault:Uri.";
    }
}
