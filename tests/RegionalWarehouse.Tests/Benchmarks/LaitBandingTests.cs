using System.Globalization;
using CsvHelper;
using RegionalWarehouse.Etl.Benchmarks;
using RegionalWarehouse.Synthetic.Demo;
using RegionalWarehouse.Tests.Lait;

namespace RegionalWarehouse.Tests.Benchmarks;

/// <summary>
/// Ranks and bands follow the DfE's LAIT (R/fn_analysis.R: calculate_rank, calculate_quartile_band; cut-offs from
/// R's quantile(), type 7). Checked here against LAIT's rule re-applied independently, in R's own terms (1-based
/// order statistics, case_when ranges), to every LA value of every banded indicator and year in the LAIT file.
/// </summary>
public class LaitBandingTests
{
    [Fact]
    public async Task Every_la_value_of_every_banded_lait_indicator_and_year_gets_laits_band_and_rank()
    {
        var dictionary = Dictionary();
        var cells = await LaitParquet.ReadShipped();
        var compared = 0;
        var differences = new List<string>();

        foreach (var set in cells.Where(c => IsLa(c.AreaNumber)).GroupBy(c => (c.Indicator, c.Years)))
        {
            if (!dictionary.TryGetValue(set.Key.Indicator, out var entry) || entry.Polarity is not ("High" or "Low") || entry.NoQuartile)
                continue;
            var values = set.Select(c => (Area: c.AreaNumber!.Value, Value: Numeric(c.Value))).Where(v => v.Value is not null)
                .Select(v => (v.Area, Value: v.Value!.Value)).ToList();
            if (values.Count == 0)
                continue;
            var polarity = entry.Polarity == "High" ? Polarity.HigherIsBetter : Polarity.LowerIsBetter;
            var all = values.Select(v => v.Value).ToList();
            var cutOffs = Ranking.CutOffs(all);
            var r = RQuantiles(all);
            foreach (var (area, value) in values)
            {
                compared++;
                var band = Ranking.Quartile(value, cutOffs, polarity) is { } q ? Ranking.Band(q).ToString() : "-";
                var laitBand = LaitBand(value, r, entry.Polarity);
                var rank = Ranking.RankOf(value, all, polarity);
                var laitRank = RRankMin(value, all, entry.Polarity);
                if (band != laitBand || rank != laitRank)
                    differences.Add($"{set.Key.Indicator} {set.Key.Years} LA {area}: platform {band}/{rank}, LAIT {laitBand}/{laitRank}");
            }
        }

        Assert.True(differences.Count == 0, $"{differences.Count} of {compared}: " + string.Join("; ", differences.Take(10)));
        Assert.True(compared > 100_000, $"only {compared} LA values compared");
    }

    [Theory]
    // Ties at a cut-off go to the better band for Low and the worse for High (LAIT's inclusive cut-offs).
    [InlineData(new[] { 1.0, 2, 2, 2, 3, 4, 5, 6 }, 2.0, "Low", 'A')]
    [InlineData(new[] { 1.0, 2, 2, 2, 3, 4, 5, 6 }, 2.0, "High", 'D')]
    [InlineData(new[] { 10.0, 20, 30, 40, 50 }, 40.0, "High", 'B')]
    [InlineData(new[] { 10.0, 20, 30, 40, 50 }, 41.0, "High", 'A')]
    [InlineData(new[] { 85.6, 85.6, 90, 70, 80 }, 85.6, "High", 'C')]
    public void A_value_on_a_cut_off_takes_laits_inclusive_band(double[] values, double value, string polarity, char band)
    {
        var cutOffs = Ranking.CutOffs(values);

        Assert.Equal(band, Ranking.Band(Ranking.Quartile(value, cutOffs, polarity == "High" ? Polarity.HigherIsBetter : Polarity.LowerIsBetter)!.Value));
    }

    [Fact]
    public void Cut_offs_interpolate_as_rs_default_quantile()
    {
        // R: quantile(c(1, 2, 4, 8, 16)) gives 2, 4, 8 at 25%, 50%, 75%; quantile(c(1, 2, 4, 8)) 1.75, 3, 5.
        Assert.Equal(new QuartileCutOffs(2, 4, 8), Ranking.CutOffs([16, 1, 8, 2, 4]));
        Assert.Equal(new QuartileCutOffs(1.75, 3, 5), Ranking.CutOffs([1, 2, 4, 8]));
    }

    [Fact]
    public void A_metric_without_polarity_gets_no_rank_and_no_band()
    {
        var cutOffs = Ranking.CutOffs([1, 2, 3, 4]);

        Assert.Null(Ranking.RankOf(2, [1, 2, 3, 4], Polarity.Neutral));
        Assert.Null(Ranking.Quartile(2, cutOffs, Polarity.Neutral));
    }

    [Fact]
    public void Tied_values_share_the_best_rank()
    {
        Assert.Equal(2, Ranking.RankOf(5, [9, 5, 5, 1], Polarity.HigherIsBetter));
        Assert.Equal(4, Ranking.RankOf(1, [9, 5, 5, 1], Polarity.HigherIsBetter));
        Assert.Equal(2, Ranking.RankOf(5, [9, 5, 5, 1], Polarity.LowerIsBetter));
    }

    [Fact]
    public void Every_metric_with_a_lait_equivalent_takes_the_dfes_polarity_and_is_banded_by_the_dfe()
    {
        var dictionary = Dictionary();
        using var stream = typeof(RegionalWarehouse.Warehouse.Migrations.WarehouseMigrator).Assembly
            .GetManifestResourceStream("RegionalWarehouse.Warehouse.ReferenceData.published_metrics.csv")!;
        using var csv = new CsvReader(new StreamReader(stream), CultureInfo.InvariantCulture);
        var mapped = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>()
            .Where(r => (string)r["source"] == "LAIT").Select(r => ((string)r["metric_id"], (string)r["indicator"])).ToList();

        Assert.NotEmpty(mapped);
        Assert.All(mapped, m =>
        {
            var entry = dictionary[m.Item2];
            var dfe = entry.Polarity switch { "High" => Polarity.HigherIsBetter, "Low" => Polarity.LowerIsBetter, _ => Polarity.Neutral };
            Assert.True(MetricCatalogue.Find(m.Item1).Polarity == dfe, $"{m.Item1}: the DfE's {m.Item2} has polarity '{entry.Polarity}'");
            Assert.False(entry.NoQuartile, $"{m.Item2} is not banded by the DfE");
        });
    }

    private sealed record DictionaryEntry(string Polarity, bool NoQuartile);

    private static Dictionary<string, DictionaryEntry> Dictionary()
    {
        using var stream = PublishedData.Open("lait_data_dictionary.csv");
        using var csv = new CsvReader(new StreamReader(stream), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var entries = new Dictionary<string, DictionaryEntry>(StringComparer.Ordinal);
        while (csv.Read())
            entries.TryAdd(csv.GetField("Measure_short")!, new DictionaryEntry(csv.GetField("Polarity")!, csv.GetField("No_Quartile") == "N"));
        return entries;
    }

    /// <summary>LAIT ranks and bands England's LAs only: not England (970) or the regions (980–990).</summary>
    private static bool IsLa(double? area) => area is { } a && a != 970 && a is < 980 or > 990;

    private static double? Numeric(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;

    /// <summary>R's quantile(x, type = 7) at 0, 25, 50, 75 and 100%: Q(p) = x[j] + g (x[j+1] − x[j]), j = ⌊1 + (n − 1)p⌋, 1-based.</summary>
    private static double[] RQuantiles(List<double> values)
    {
        var x = values.OrderBy(v => v).ToList();
        var n = x.Count;
        return new[] { 0, 0.25, 0.5, 0.75, 1 }.Select(p =>
        {
            var position = 1 + (n - 1) * p;
            var j = (int)Math.Floor(position);
            var g = position - j;
            return j >= n ? x[n - 1] : x[j - 1] + g * (x[j] - x[j - 1]);
        }).ToArray();
    }

    /// <summary>LAIT's calculate_quartile_band, case by case.</summary>
    private static string LaitBand(double v, double[] q, string polarity) => polarity switch
    {
        "Low" when v >= q[0] && v <= q[1] => "A",
        "Low" when v > q[1] && v <= q[2] => "B",
        "Low" when v > q[2] && v <= q[3] => "C",
        "Low" when v > q[3] && v <= q[4] => "D",
        "High" when v >= q[0] && v <= q[1] => "D",
        "High" when v > q[1] && v <= q[2] => "C",
        "High" when v > q[2] && v <= q[3] => "B",
        "High" when v > q[3] && v <= q[4] => "A",
        _ => "Error",
    };

    /// <summary>R's rank(ties.method = "min"): one more than the number strictly better.</summary>
    private static int RRankMin(double v, List<double> values, string polarity)
    {
        var ordered = polarity == "High" ? values.OrderByDescending(x => x).ToList() : values.OrderBy(x => x).ToList();
        return ordered.IndexOf(v) + 1;
    }
}
