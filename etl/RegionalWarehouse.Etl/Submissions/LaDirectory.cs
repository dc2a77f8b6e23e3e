using System.Data.Common;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Submissions;

/// <summary>
/// The local authorities in ref.local_authority, found by key, by DfE code (919) or by ONS code
/// (E10000015), as contextual files use either. Read once per use by validation, marts and access.
/// <see cref="Read"/> holds the platform's member LAs; <see cref="ReadEngland"/> every English LA, for
/// comparators that draw on published data.
/// </summary>
public sealed class LaDirectory(IReadOnlyList<LaEntry> las)
{
    private readonly Dictionary<string, LaEntry> _byCode = las
        .SelectMany(l => new[] { (Code: l.DfeCode, La: l), (Code: l.OnsCode, La: l) })
        .ToDictionary(x => x.Code, x => x.La, StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<int, LaEntry> _byKey = las.ToDictionary(l => l.LaKey);

    public IReadOnlyList<LaEntry> All { get; } = las;

    /// <summary>By DfE or ONS code.</summary>
    public LaEntry? Find(string code) => _byCode.GetValueOrDefault(code.Trim());

    public LaEntry? ByDfeCode(string code) => Find(code) is { } la && string.Equals(la.DfeCode, code.Trim(), StringComparison.OrdinalIgnoreCase) ? la : null;

    public LaEntry? ByKey(int laKey) => _byKey.GetValueOrDefault(laKey);

    /// <summary>
    /// The LA a person means: its DfE code (919), ONS code or name (Hertfordshire, any case). Anything else is an
    /// error naming the nearest LAs, so `--la Hertfordshire` works and `--la Hertfordshre` says what to type.
    /// </summary>
    public LaEntry Resolve(string given) =>
        Find(given) ?? All.FirstOrDefault(l => string.Equals(l.Name, given.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException(Benchmarks.NearestNames.Unknown("LA", given, All.Select(l => $"{l.DfeCode} {l.Name}"), "rw status"));

    public static LaDirectory Load(IWarehouseEngine engine)
    {
        using var connection = engine.Open();
        return Read(connection);
    }

    public static LaDirectory Read(DbConnection connection) => Read(connection, membersOnly: true);

    public static LaDirectory ReadEngland(DbConnection connection) => Read(connection, membersOnly: false);

    private static LaDirectory Read(DbConnection connection, bool membersOnly)
    {
        using var command = connection.Command(null,
            $"select la_key, dfe_code, ons_code, la_name, region_code from ref.local_authority{(membersOnly ? " where is_platform_member" : "")}");
        using var reader = command.ExecuteReader();
        var las = new List<LaEntry>();
        while (reader.Read())
            las.Add(new LaEntry(Convert.ToInt32(reader.GetValue(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        return new LaDirectory(las);
    }
}

public sealed record LaEntry(int LaKey, string DfeCode, string OnsCode, string Name, string RegionCode);
