using Microsoft.Extensions.Options;

namespace RegionalWarehouse.Warehouse;

/// <summary>Which warehouse engine to use and where it lives. Bound from the "Warehouse" section.</summary>
public sealed class WarehouseOptions
{
    public const string Section = "Warehouse";

    /// <summary>"DuckDb" (embedded default) or "SqlServer". A string so a typo gets our message, not a binder exception.</summary>
    public string Engine { get; set; } = nameof(WarehouseEngineKind.DuckDb);

    /// <summary>The DuckDB file; its folder is created on first use.</summary>
    public string DuckDbPath { get; set; } = "data/warehouse.duckdb";

    /// <summary>DuckDB's buffer pool cap, e.g. 256MB or 2GB: memory stays flat as the warehouse grows.</summary>
    public string DuckDbMemoryLimit { get; set; } = Engines.DuckDbEngine.DefaultMemoryLimit;

    public string? SqlServerConnectionString { get; set; }

    public WarehouseEngineKind EngineKind =>
        Enum.TryParse<WarehouseEngineKind>(Engine, ignoreCase: true, out var kind)
            ? kind
            : throw new OptionsValidationException(Section, typeof(WarehouseOptions), [WarehouseOptionsValidator.UnknownEngine(Engine)]);
}

public enum WarehouseEngineKind
{
    DuckDb,
    SqlServer,
}

public sealed class WarehouseOptionsValidator : IValidateOptions<WarehouseOptions>
{
    public static string UnknownEngine(string engine) =>
        $"Warehouse:Engine is '{engine}', which is not an engine this platform supports. Set it to 'DuckDb' (embedded, the default) or 'SqlServer' (in appsettings.json or the RW__Warehouse__Engine environment variable).";

    public ValidateOptionsResult Validate(string? name, WarehouseOptions options)
    {
        if (!Enum.TryParse<WarehouseEngineKind>(options.Engine, ignoreCase: true, out var kind))
            return ValidateOptionsResult.Fail(UnknownEngine(options.Engine));
        return kind switch
        {
            WarehouseEngineKind.DuckDb when string.IsNullOrWhiteSpace(options.DuckDbPath) =>
                ValidateOptionsResult.Fail("Warehouse:DuckDbPath is empty. Give the DuckDB warehouse file a path, e.g. data/warehouse.duckdb (RW__Warehouse__DuckDbPath)."),
            WarehouseEngineKind.SqlServer when string.IsNullOrWhiteSpace(options.SqlServerConnectionString) =>
                ValidateOptionsResult.Fail("Warehouse:Engine is SqlServer but Warehouse:SqlServerConnectionString is empty. Set it in appsettings.json or RW__Warehouse__SqlServerConnectionString."),
            _ => ValidateOptionsResult.Success,
        };
    }
}
