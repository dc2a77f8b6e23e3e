using System.Text.Json;

namespace RegionalWarehouse.Warehouse.ReferenceData.Geo;

/// <summary>One LA's hexagon: column q and row r of an "odd-r" offset grid whose rows run northwards.</summary>
public sealed record LaHex(string OnsCode, string Name, int Q, int R)
{
    /// <summary>
    /// The centre in a y-down drawing space (SVG), with hexes of the given circumradius, pointy side up:
    /// odd rows shift half a hex east, and the row number is turned round so north is at the top.
    /// </summary>
    public (double X, double Y) Centre(double radius, int maxRow) =>
        (Math.Sqrt(3) * radius * (Q + 0.5 * (R & 1)), 1.5 * radius * (maxRow - R));

    /// <summary>The six corners, clockwise from the top.</summary>
    public IReadOnlyList<(double X, double Y)> Corners(double radius, int maxRow)
    {
        var (cx, cy) = Centre(radius, maxRow);
        return Enumerable.Range(0, 6).Select(i => (cx + radius * Math.Cos(Math.PI / 180 * (60 * i - 90)), cy + radius * Math.Sin(Math.PI / 180 * (60 * i - 90)))).ToList();
    }
}

/// <summary>
/// The hex cartogram of England's upper-tier LAs shipped beside this class (Open Innovations, MIT; brought up
/// to the 2021 and 2023 reorganisations, see Geo/README.md). Read once: it never changes while running.
/// </summary>
public static class HexLayout
{
    private const string ResourceName = "RegionalWarehouse.Warehouse.ReferenceData.Geo.england-upper-tier-las-2024.hexjson";

    private const string LicenceResourceName = "RegionalWarehouse.Warehouse.ReferenceData.Geo.LICENSE-hexmaps-MIT.txt";

    public const string Attribution = "Hex layout: Open Innovations hexmaps (MIT licence), updated for the 2021 and 2023 local government reorganisations.";

    private static readonly Lazy<IReadOnlyList<LaHex>> Hexes = new(Read);

    public static IReadOnlyList<LaHex> All => Hexes.Value;

    public static int MaxRow => All.Max(h => h.R);

    /// <summary>The MIT notice that must travel with every copy of the layout (the dashboard serves it, the Power BI generator writes it).</summary>
    public static string LicenceText()
    {
        using var stream = typeof(HexLayout).Assembly.GetManifestResourceStream(LicenceResourceName)
                           ?? throw new InvalidOperationException($"The hex layout's licence {LicenceResourceName} is not embedded in the warehouse assembly.");
        return new StreamReader(stream).ReadToEnd();
    }

    private static IReadOnlyList<LaHex> Read()
    {
        using var stream = typeof(HexLayout).Assembly.GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidOperationException($"The hex layout {ResourceName} is not embedded in the warehouse assembly.");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("hexes").EnumerateObject()
            .Select(h => new LaHex(h.Name, h.Value.GetProperty("n").GetString()!, h.Value.GetProperty("q").GetInt32(), h.Value.GetProperty("r").GetInt32()))
            .OrderBy(h => h.OnsCode, StringComparer.Ordinal)
            .ToList();
    }
}
