using RegionalWarehouse.Etl.Ssda903;
using RegionalWarehouse.Etl.Validation;

namespace RegionalWarehouse.Tests.Ssda903;

/// <summary>The 903 code lists as the migrations seed them, read once from a real warehouse.</summary>
public sealed class CodeListFixture : IDisposable
{
    private readonly TemporaryWarehouse _warehouse = new();

    public CodeListFixture() => Codes = CodeLists.Load(_warehouse.Engine, Ssda903Schema.ReturnType);

    public CodeLists Codes { get; }

    public void Dispose() => _warehouse.Dispose();
}
