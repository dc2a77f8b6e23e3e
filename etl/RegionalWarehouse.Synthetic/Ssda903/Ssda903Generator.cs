using System.Text;
using RegionalWarehouse.Synthetic.Ssda903.Calibration;

namespace RegionalWarehouse.Synthetic.Ssda903;

/// <summary>What to generate: which LAs, which collection years, from which seed, at what scale.</summary>
public sealed record GeneratorRequest(IReadOnlyList<string> LaCodes, int FirstYear, int LastYear, int Seed = 1, double Scale = 1.0, string? InjectError = null);

/// <summary>
/// Writes realistic synthetic 903 returns into the landing layout {la}/SSDA903/{year}/{submission}/
/// with a _READY marker written last. The same request always writes the same files.
/// </summary>
public static class Ssda903Generator
{
    /// <summary>The LA's published number looked after at 31 March (mean of 2019-2025), for sizing other synthetic returns.</summary>
    public static double TypicalInCare(string la) => PublishedTargets.Shipped.Mean(la, "cla_31_march", 2019, 2025);

    public static IEnumerable<GeneratedReturn> Generate(GeneratorRequest request)
    {
        var injection = request.InjectError is { } kind ? ErrorInjection.Find(kind) : null;
        foreach (var la in request.LaCodes)
        {
            var random = new Random(HashCode(request.Seed, la));
            var care = CareParameters.For(PublishedTargets.Shipped, la, request.Scale);
            var horizon = new DateOnly(request.LastYear, 3, 31);
            // Start years earlier so the first generated year already has long-stayers and care leavers.
            var children = new CareHistorySimulator(random, la, care).Simulate(new DateOnly(request.FirstYear - 8, 4, 1), horizon);
            var extractor = new ReturnExtractor(random, care);
            for (var year = request.FirstYear; year <= request.LastYear; year++)
            {
                var result = extractor.Extract(la, year, children);
                // A mistake that cannot be made in a year (P2 after its withdrawal, in a return before 2023/24) leaves that year's return clean.
                if (injection is not null && year >= injection.FirstYear && !injection.Apply(result))
                    throw new InvalidOperationException($"Could not inject '{injection.Name}' into {la} {year}: the return is too small. Use a larger --scale.");
                yield return result;
            }
        }
    }

    /// <summary>Writes one return as CSVs in a submission folder, then the _READY marker; returns the folder.</summary>
    public static string Write(GeneratedReturn result, string root, string submissionName = "generated")
    {
        var folder = Path.Combine(root, result.LaCode, Ssda903Schema.ReturnType, result.Year.ToString(), submissionName);
        Directory.CreateDirectory(folder);
        foreach (var table in result.Tables.Values)
        {
            // Supplier-style names: the platform recognises tables by their header, not their file name.
            var path = Path.Combine(folder, $"{result.LaCode}_{table.Schema.Name.ToLowerInvariant().Replace(' ', '_')}_{result.Year}.csv");
            using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
            writer.WriteLine(string.Join(",", table.Columns));
            foreach (var row in table.Rows)
                writer.WriteLine(string.Join(",", row.Select(Quote)));
        }
        foreach (var (name, content) in result.ExtraFiles)
            File.WriteAllText(Path.Combine(folder, name), content);
        File.WriteAllText(Path.Combine(folder, RegionalWarehouse.Etl.Submissions.SubmissionFiles.ReadyMarker), "");
        return folder;
    }

    private static string Quote(string value) =>
        value.Contains(',') || value.Contains('"') ? $"\"{value.Replace("\"", "\"\"")}\"" : value;

    private static int HashCode(int seed, string la) => unchecked(seed * 7919 + la.Aggregate(17, (h, c) => h * 31 + c));
}
