using RegionalWarehouse.Etl.Submissions;

namespace RegionalWarehouse.Cli.Commands;

/// <summary>Arguments people type, turned into what the platform knows, or one error line naming the nearest valid ones.</summary>
public static class CliArguments
{
    /// <summary>Any English LA by DfE code, ONS code or name.</summary>
    public static LaEntry La(IWarehouseEngine engine, string given)
    {
        using var connection = engine.Open();
        return LaDirectory.ReadEngland(connection).Resolve(given);
    }
}
