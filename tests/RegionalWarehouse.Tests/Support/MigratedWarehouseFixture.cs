namespace RegionalWarehouse.Tests.Support;

/// <summary>One migrated, seeded warehouse shared by a test class that only reads reference data.</summary>
public sealed class MigratedWarehouseFixture : IDisposable
{
    public TemporaryWarehouse Warehouse { get; } = new();

    public void Dispose() => Warehouse.Dispose();
}
