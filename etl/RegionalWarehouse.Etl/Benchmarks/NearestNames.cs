using FuzzySharp;

namespace RegionalWarehouse.Etl.Benchmarks;

/// <summary>
/// What a person most likely meant by a name the platform does not know (a metric, an indicator, an LA): the valid
/// names closest to it by FuzzySharp's weighted ratio, for an error line that lets them retype it.
/// </summary>
public static class NearestNames
{
    public static IReadOnlyList<string> To(string given, IEnumerable<string> valid, int count = 3) =>
        Process.ExtractTop(given, valid.Distinct(StringComparer.Ordinal), limit: count).Select(r => r.Value).ToList();

    /// <summary>"Unknown metric 'cla_rate'. Did you mean: cla_rate_per_10k, …? `rw metrics` lists them all."</summary>
    public static string Unknown(string what, string given, IEnumerable<string> valid, string listedBy) =>
        $"Unknown {what} '{given}'. Did you mean: {string.Join(", ", To(given, valid))}? `{listedBy}` lists them all.";
}
