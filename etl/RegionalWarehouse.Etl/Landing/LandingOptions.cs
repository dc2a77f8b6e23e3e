using Microsoft.Extensions.Options;

namespace RegionalWarehouse.Etl.Landing;

/// <summary>Bound from "Landing": where submissions arrive.</summary>
public sealed class LandingOptions
{
    public const string Section = "Landing";

    /// <summary>"Folder" (embedded default) or "Blob" (Azure Blob Storage / Azurite).</summary>
    public string Kind { get; set; } = "Folder";

    /// <summary>For Folder: the root holding landing/, archive/, quarantine/ and reports/.</summary>
    public string Folder { get; set; } = "data/storage";

    /// <summary>For Blob, locally (Azurite) or with an account key: a storage connection string.</summary>
    public string? BlobConnectionString { get; set; }

    /// <summary>For Blob in production: the account's blob endpoint (https://{account}.blob.core.windows.net/), reached as the app's managed identity.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>Seconds a blob lease lasts before it must be renewed (15–60); a crashed worker's claim frees itself after this.</summary>
    public int LeaseSeconds { get; set; } = 15;

    public bool IsBlob => string.Equals(Kind, "Blob", StringComparison.OrdinalIgnoreCase);
}

public sealed class LandingOptionsValidator : IValidateOptions<LandingOptions>
{
    public ValidateOptionsResult Validate(string? name, LandingOptions options)
    {
        if (!options.IsBlob && !string.Equals(options.Kind, "Folder", StringComparison.OrdinalIgnoreCase))
            return ValidateOptionsResult.Fail($"Landing:Kind is '{options.Kind}'. Use 'Folder' (a local folder) or 'Blob' (Azure Blob Storage), via appsettings.json or RW__Landing__Kind.");
        if (options.IsBlob && string.IsNullOrWhiteSpace(options.BlobConnectionString) && options.BlobServiceUri is null)
            return ValidateOptionsResult.Fail("Landing:Kind is Blob but neither Landing:BlobServiceUri (production, managed identity) nor Landing:BlobConnectionString (Azurite, local) is set. Set RW__Landing__BlobServiceUri or RW__Landing__BlobConnectionString.");
        if (!options.IsBlob && string.IsNullOrWhiteSpace(options.Folder))
            return ValidateOptionsResult.Fail("Landing:Folder is empty. Give the folder that holds landing/, archive/, quarantine/ and reports/.");
        if (options.LeaseSeconds is < 15 or > 60)
            return ValidateOptionsResult.Fail("Landing:LeaseSeconds must be between 15 and 60 (Azure's lease limits).");
        return ValidateOptionsResult.Success;
    }
}
