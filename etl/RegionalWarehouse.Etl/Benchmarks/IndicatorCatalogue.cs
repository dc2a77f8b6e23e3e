using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Benchmarks;

/// <summary>A contextual indicator as dw.indicator_definition describes it (the operator's own, or one of LAIT's).</summary>
public sealed record IndicatorDefinition(string Code, string Name, string Unit, string Polarity, string Description, string Source);

public static class IndicatorCatalogue
{
    public static IReadOnlyList<IndicatorDefinition> Read(IWarehouseEngine engine, string? search = null)
    {
        using var connection = engine.Open();
        using var command = connection.Command(null,
            $"""
             select indicator_code, name, unit, polarity, description, source from dw.indicator_definition
             where {engine.Parameter("search")} is null
                or lower(indicator_code) like {engine.Parameter("pattern")} or lower(name) like {engine.Parameter("pattern")} or lower(description) like {engine.Parameter("pattern")}
             order by indicator_code
             """, ("search", search), ("pattern", $"%{search?.ToLowerInvariant()}%"));
        using var reader = command.ExecuteReader();
        var found = new List<IndicatorDefinition>();
        while (reader.Read())
            found.Add(new IndicatorDefinition(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
        return found;
    }
}
