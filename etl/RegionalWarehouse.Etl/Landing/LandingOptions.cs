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

    /// <summary>For Blob: a storage connection string (an account key is needed to issue upload SAS URLs).</summary>
    public string? BlobConnectionString { get; set; }

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
        if (options.IsBlob && string.IsNullOrWhiteSpace(options.BlobConnectionString))
            return ValidateOptionsResult.Fail("Landing:Kind is Blob but Landing:BlobConnectionString is empty. Set RW__Landing__BlobConnectionString.");
        if (!options.IsBlob && string.IsNullOrWhiteSpace(options.Folder))
            return ValidateOptionsResult.Fail("Landing:Folder is empty. Give the folder that holds landing/, archive/, quarantine/ and reports/.");
        if (options.LeaseSeconds is < 15 or > 60)
            return ValidateOptionsResult.Fail("Landing:LeaseSeconds must be between 15 and 60 (Azure's lease limits).");
        return ValidateOptionsResult.Success;
    }
}
