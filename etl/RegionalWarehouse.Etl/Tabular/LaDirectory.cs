using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Tabular;

/// <summary>The platform's LAs, found by DfE code (919) or ONS code (E10000015), as contextual files use either.</summary>
public sealed class LaDirectory(IReadOnlyList<LaEntry> las)
{
    private readonly Dictionary<string, LaEntry> _byCode = las
        .SelectMany(l => new[] { (Code: l.DfeCode, La: l), (Code: l.OnsCode, La: l) })
        .ToDictionary(x => x.Code, x => x.La, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<LaEntry> All { get; } = las;

    public LaEntry? Find(string code) => _byCode.GetValueOrDefault(code.Trim());

    public static LaDirectory Load(IWarehouseEngine engine)
    {
        using var connection = engine.Open();
        using var command = connection.Command(null, "select la_key, dfe_code, ons_code, la_name, region_code from ref.local_authority");
        using var reader = command.ExecuteReader();
        var las = new List<LaEntry>();
        while (reader.Read())
            las.Add(new LaEntry(Convert.ToInt32(reader.GetValue(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        return new LaDirectory(las);
    }
}

public sealed record LaEntry(int LaKey, string DfeCode, string OnsCode, string Name, string RegionCode);
