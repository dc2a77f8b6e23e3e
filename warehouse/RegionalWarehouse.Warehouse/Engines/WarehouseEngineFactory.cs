namespace RegionalWarehouse.Warehouse.Engines;

public static class WarehouseEngineFactory
{
    public static IWarehouseEngine Create(WarehouseOptions options) => options.EngineKind switch
    {
        WarehouseEngineKind.DuckDb => new DuckDbEngine(options.DuckDbPath, options.DuckDbMemoryLimit),
        WarehouseEngineKind.SqlServer => new SqlServerEngine(options.SqlServerConnectionString
            ?? throw new WarehouseUnavailableException("Warehouse:SqlServerConnectionString is empty.")),
        _ => throw new ArgumentOutOfRangeException(nameof(options)),
    };
}
