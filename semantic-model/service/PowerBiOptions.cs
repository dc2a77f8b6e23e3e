namespace RegionalWarehouse.PowerBi;

/// <summary>Bound from "PowerBi": where the shared model lives in the Power BI service and how to sign in.</summary>
public sealed class PowerBiOptions
{
    public const string Section = "PowerBi";

    public string? WorkspaceId { get; set; }

    public string? SemanticModelId { get; set; }

    /// <summary>Service principal (client credentials). Leave empty to use DefaultAzureCredential (managed identity, az login).</summary>
    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>A bearer token obtained elsewhere (e.g. `az account get-access-token`), for one-off runs; it replaces the credential.</summary>
    public string? AccessToken { get; set; }

    public string FabricApiUrl { get; set; } = "https://api.fabric.microsoft.com";

    public string PowerBiApiUrl { get; set; } = "https://api.powerbi.com";

    /// <summary>Ask Power BI for an enhanced refresh after the marts refresh (worker).</summary>
    public bool RefreshAfterLoad { get; set; }

    /// <summary>The server the deployed model reads (e.g. rweoe-sql-….database.windows.net); empty: the warehouse connection string's.</summary>
    public string? SqlServer { get; set; }

    /// <summary>The database the deployed model reads; empty: the warehouse connection string's.</summary>
    public string? SqlDatabase { get; set; }

    /// <summary>Longest wait for a deploy or refresh to finish.</summary>
    public int TimeoutSeconds { get; set; } = 1800;

    /// <summary>Retries of a call answered 429 (Too Many Requests), each after the Retry-After it gives.</summary>
    public int MaxRetries { get; set; } = 5;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(WorkspaceId) && !string.IsNullOrWhiteSpace(SemanticModelId);
}
