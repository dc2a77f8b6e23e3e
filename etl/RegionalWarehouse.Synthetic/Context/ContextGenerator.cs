using System.Globalization;

namespace RegionalWarehouse.Synthetic.Context;

/// <summary>An East of England LA as the synthetic contextual files describe it.</summary>
public sealed record SyntheticLa(string DfeCode, string OnsCode, string Name, int Children, double ImdScore, double Idaci);

/// <summary>
/// Synthetic contextual files for the demo and tests: ONS-style population, IMD/IDACI summaries and a
/// DfE open-data style publication. Magnitudes are illustrative (about the right size for each LA), not
/// statistics; deterministic for a seed.
/// </summary>
public static class ContextGenerator
{
    public static readonly IReadOnlyList<SyntheticLa> EastOfEngland =
    [
        new("821", "E06000032", "Luton", 55_000, 26.0, 0.20),
        new("822", "E06000055", "Bedford", 43_000, 18.0, 0.15),
        new("823", "E06000056", "Central Bedfordshire", 65_000, 11.5, 0.10),
        new("873", "E10000003", "Cambridgeshire", 140_000, 13.0, 0.11),
        new("874", "E06000031", "Peterborough", 52_000, 27.5, 0.21),
        new("881", "E10000012", "Essex", 315_000, 17.5, 0.14),
        new("882", "E06000033", "Southend-on-Sea", 38_000, 23.0, 0.18),
        new("883", "E06000034", "Thurrock", 44_000, 22.5, 0.17),
        new("919", "E10000015", "Hertfordshire", 265_000, 11.0, 0.10),
        new("926", "E10000020", "Norfolk", 175_000, 20.5, 0.16),
        new("935", "E10000029", "Suffolk", 155_000, 18.5, 0.15),
    ];

    private static IEnumerable<SyntheticLa> Select(IReadOnlyList<string> laCodes) => EastOfEngland.Where(l => laCodes.Contains(l.DfeCode));

    private static string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Mid-year estimates by single year of age (0–90) and sex, for each mid-year in the range.</summary>
    /// <param name="scale">The generator's scale: a demo of a twentieth of each LA's children gets a twentieth of its population, so rates stay true to life.</param>
    public static IEnumerable<string> Population(IReadOnlyList<string> laCodes, int firstMidYear, int lastMidYear, int seed, double scale = 1.0)
    {
        yield return "ons_code,year,sex,age,population";
        var random = new Random(seed * 31 + 7);
        foreach (var la in Select(laCodes))
            for (var year = firstMidYear; year <= lastMidYear; year++)
                for (var sex = 1; sex <= 2; sex++)
                    for (var age = 0; age <= 90; age++)
                    {
                        var perAge = la.Children * scale / 36.0 * (1 + 0.005 * (year - 2020));
                        var shape = age <= 17 ? 1.0 : age < 65 ? 1.15 : Math.Max(0.05, 1.0 - (age - 65) * 0.035);
                        yield return $"{la.OnsCode},{year},{sex},{age},{(int)(perAge * shape * (0.97 + random.NextDouble() * 0.06))}";
                    }
    }

    /// <summary>IMD and IDACI upper-tier summaries (151 LAs are ranked; 1 is the most deprived).</summary>
    public static IEnumerable<string> Deprivation(IReadOnlyList<string> laCodes)
    {
        yield return "la_code,imd_average_score,imd_rank_of_average_score,imd_proportion_lsoas_most_deprived_10pct,idaci_average_score,idaci_rank_of_average_score";
        foreach (var la in Select(laCodes))
        {
            var rank = (int)Math.Clamp(151 - (la.ImdScore - 8) * 6, 1, 151);
            yield return $"{la.OnsCode},{N(la.ImdScore)},{rank},{N(Math.Max(0, (la.ImdScore - 10) / 200))},{N(la.Idaci)},{(int)Math.Clamp(151 - (la.Idaci - 0.06) * 700, 1, 151)}";
        }
    }
}
