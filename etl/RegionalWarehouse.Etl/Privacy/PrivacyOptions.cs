using Microsoft.Extensions.Options;

namespace RegionalWarehouse.Etl.Privacy;

/// <summary>Bound from "Privacy". The key turns LA child identifiers into pseudonyms; keep it secret.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Used only by `rw demo` and tests on synthetic data, never for real returns.</summary>
    public const string DemoKey = "regional-warehouse-demo-key-synthetic-data-only";

    /// <summary>The HMAC key (at least 32 characters), from a secret store or RW__Privacy__PseudonymisationKey.</summary>
    public string? PseudonymisationKey { get; set; }
}

public sealed class PrivacyOptionsValidator : IValidateOptions<PrivacyOptions>
{
    public ValidateOptionsResult Validate(string? name, PrivacyOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.PseudonymisationKey))
            return ValidateOptionsResult.Fail(
                "Privacy:PseudonymisationKey is not set, so child identifiers cannot be pseudonymised. " +
                "Set RW__Privacy__PseudonymisationKey to a secret of at least 32 characters (keep it the same across runs, or pseudonyms will not link across years). " +
                "`rw demo` uses a built-in key for synthetic data only.");
        if (options.PseudonymisationKey.Length < 32)
            return ValidateOptionsResult.Fail("Privacy:PseudonymisationKey is shorter than 32 characters; use a longer random secret.");
        return ValidateOptionsResult.Success;
    }
}
