using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;

namespace RegionalWarehouse.Etl.Hosting;

/// <summary>
/// The secrets the platform reads from Key Vault when KeyVault:Uri is set, as the app's managed identity
/// (DefaultAzureCredential): today only the pseudonymisation key, stored as Privacy--PseudonymisationKey (Key Vault
/// names cannot hold ':'). Read once at start; a key that cannot be read stops the host with one error line.
/// </summary>
public static class KeyVaultSecrets
{
    public const string UriSetting = "KeyVault:Uri";

    /// <summary>Configuration keys read from the vault, each stored under its name with ':' spelled '--'.</summary>
    public static readonly IReadOnlyList<string> Settings = ["Privacy:PseudonymisationKey"];

    public static void AddTo(IConfigurationManager configuration)
    {
        if (configuration[UriSetting] is not { Length: > 0 } uri)
            return;
        var vault = new SecretClient(new Uri(uri), new DefaultAzureCredential());
        var values = new Dictionary<string, string?>();
        foreach (var setting in Settings)
        {
            var name = SecretName(setting);
            try
            {
                values[setting] = vault.GetSecret(name).Value.Value;
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or AuthenticationFailedException or CredentialUnavailableException)
            {
                throw new Microsoft.Extensions.Options.OptionsValidationException("KeyVault", typeof(KeyVaultSecrets),
                    [$"Cannot read secret '{name}' from Key Vault {uri}: {ex.Message.Split('\n')[0]} Check that it exists and that this app's identity has the Key Vault Secrets User role."]);
            }
        }
        configuration.AddInMemoryCollection(values);
    }

    public static string SecretName(string setting) => setting.Replace(":", "--", StringComparison.Ordinal);
}
