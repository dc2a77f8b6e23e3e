namespace RegionalWarehouse.Synthetic.Demo;

/// <summary>
/// The DfE's real published files shipped with the platform (LAIT release 2025, statistical neighbours May
/// 2025), so a first run benchmarks against true national figures. Each is a submission the operator makes
/// region-wide: the identity gives its landing folder.
/// </summary>
public static class PublishedData
{
    public sealed record Release(string ReturnType, string Period, IReadOnlyList<string> Files);

    public static readonly Release Lait = new("LAIT", "2025", ["lait_bds_long.parquet", "lait_data_dictionary.csv"]);

    public static readonly Release Neighbours = new("NEIGHBOURS", "2025-05", ["statistical_neighbours_may_2025.xlsx"]);

    public static IReadOnlyList<Release> All { get; } = [Lait, Neighbours];

    public static Stream Open(string file) =>
        typeof(PublishedData).Assembly.GetManifestResourceStream($"PublishedData.{file}")
        ?? throw new InvalidOperationException($"{file} is not embedded in the ETL assembly.");

    /// <summary>Writes a release's files into <paramref name="folder"/>; returns the folder.</summary>
    public static string WriteTo(Release release, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in release.Files)
        {
            using var source = Open(file);
            using var target = File.Create(Path.Combine(folder, file));
            source.CopyTo(target);
        }
        return folder;
    }
}
