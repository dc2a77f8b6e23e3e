using MathNet.Numerics.Distributions;
using RegionalWarehouse.Etl.Benchmarks;
using RegionalWarehouse.Etl.EarlyWarning;
using RegionalWarehouse.Tests.Benchmarks;

namespace RegionalWarehouse.Tests.EarlyWarning;

/// <summary>Early warning on four LAs' seven loaded years: every flag checked against a computation that shares no code with it.</summary>
[Collection(SevenYearHistory.Name)]
public class EarlyWarningTests(IndependentReferenceTests.SevenYears loaded)
{
    private TemporaryWarehouse Warehouse => loaded.Harness.Warehouse;

    [Fact]
    public void Every_flag_matches_an_independent_confidence_interval_check_of_its_figure_against_its_target()
    {
        var mart = Warehouse.Rows("""
            select l.dfe_code, b.collection_year, b.metric_id, b.numerator, b.denominator, b.region_value
            from mart.benchmark b join ref.local_authority l on l.la_key = b.la_key
            where not b.suppressed and b.numerator is not null and b.denominator > 0
            """).ToDictionary(r => ((string)r[0]!, Convert.ToInt32(r[1]), (string)r[2]!),
            r => (Numerator: Convert.ToDouble(r[3]), Denominator: Convert.ToDouble(r[4]), Region: r[5] is null ? (double?)null : Convert.ToDouble(r[5])));
        var stored = EarlyWarningStore.Load(Warehouse.Engine);
        var tested = MetricCatalogue.All.Where(EarlyWarningCalculator.IsTested).Select(m => m.Id).ToHashSet();

        // Every member, tested metric and year with a region value has its region flag; from the fourth year, its own-trend flag.
        var expectedRegionFlags = mart.Where(m => tested.Contains(m.Key.Item3) && m.Value.Region is not null).Select(m => m.Key).ToHashSet();
        Assert.Equal(expectedRegionFlags, stored.Where(f => f.Comparator == Comparators.Region).Select(f => (f.La, f.Year, f.MetricId)).ToHashSet());
        Assert.Contains(stored, f => f.Comparator == Comparators.OwnPreviousYears && f.Year == IndependentReferenceTests.FirstYear + 3);
        Assert.DoesNotContain(stored, f => f.Comparator == Comparators.OwnPreviousYears && f.Year < IndependentReferenceTests.FirstYear + 3);

        var disagreements = new List<string>();
        foreach (var flag in stored)
        {
            var metric = MetricCatalogue.Find(flag.MetricId);
            var (numerator, denominator, region) = mart[(flag.La, flag.Year, flag.MetricId)];
            var target = flag.Comparator switch
            {
                Comparators.Region => region!.Value / Scale(metric),
                Comparators.OwnPreviousYears => Enumerable.Range(1, 3).Sum(b => mart[(flag.La, flag.Year - b, flag.MetricId)].Numerator)
                                                / Enumerable.Range(1, 3).Sum(b => mart[(flag.La, flag.Year - b, flag.MetricId)].Denominator),
                _ => flag.Target / Scale(metric),
            };
            Assert.Equal(target * Scale(metric), flag.Target, 6);
            var expected = metric.Unit == MetricUnit.Percent ? ByWilsonInterval(numerator, denominator, target) : ByPoissonInterval(numerator, denominator, target);
            if (expected is not null && expected != flag.Significance)
                disagreements.Add($"{flag.La} {flag.Year} {flag.MetricId} vs {flag.Comparator}: stored {flag.Significance}, independent {expected}");
        }
        Assert.Empty(disagreements);
        Assert.Contains(stored, f => f.IsSignificant);
        Assert.Contains(stored, f => !f.IsSignificant);
    }

    [Fact]
    public void The_funnel_plot_of_a_rate_shows_every_la_with_its_limits_around_the_region()
    {
        var metric = MetricCatalogue.Find("cla_rate_per_10k");
        var plot = FunnelPlot.For(metric, IndependentReferenceTests.LastYear, Comparators.Region,
            EarlyWarningStore.Load(Warehouse.Engine, year: IndependentReferenceTests.LastYear, metric: metric.Id));

        Assert.NotNull(plot);
        Assert.Equal(IndependentReferenceTests.Las.Order(), plot.Points.Select(p => p.La).Order());
        Assert.All(plot.Points, p => Assert.True(p.Lower998 < p.Lower95 && p.Lower95 < plot.Target && plot.Target < p.Upper95 && p.Upper95 < p.Upper998));
        Assert.True(plot.Lines[0].Denominator <= plot.Points.Min(p => p.Denominator) && plot.Lines[^1].Denominator >= plot.Points.Max(p => p.Denominator));
    }

    [Fact]
    public void A_refresh_leaves_a_what_changed_digest_for_each_la_whose_flags_changed_in_the_audit_trail()
    {
        var digests = new RegionalWarehouse.Warehouse.Audit.AuditLog(Warehouse.Engine).Read(actionStartingWith: EarlyWarningStore.DigestAction);

        Assert.Equal(IndependentReferenceTests.Las.Order(), digests.Select(d => d.LaCode!).Distinct().Order());
        Assert.All(digests, d => Assert.Matches(@"^\d+ (flags? raised or changed|cleared)", d.Detail!));
    }

    private static double Scale(Metric metric) => metric.Unit == MetricUnit.Percent ? 100 : 10_000;

    /// <summary>Significant when the target lies outside the Wilson score interval of the observed proportion; null on a knife edge.</summary>
    private static string? ByWilsonInterval(double numerator, double n, double target)
    {
        var p = numerator / n;
        string? Side(double confidence)
        {
            var z = Normal.InvCDF(0, 1, 0.5 + confidence / 2);
            var centre = (p + z * z / (2 * n)) / (1 + z * z / n);
            var half = z / (1 + z * z / n) * Math.Sqrt(p * (1 - p) / n + z * z / (4 * n * n));
            if (Math.Abs(target - (centre - half)) < 1e-9 || Math.Abs(target - (centre + half)) < 1e-9)
                return "edge";
            return target < centre - half ? "High" : target > centre + half ? "Low" : null;
        }
        return Verdict(Side(0.998), Side(0.95));
    }

    /// <summary>Significant when the expected count lies outside the observed count's interval (exact by the gamma distribution below 10, Byar's from 10).</summary>
    private static string? ByPoissonInterval(double events, double population, double rate)
    {
        var expected = rate * population;
        string? Side(double confidence)
        {
            var alpha = 1 - confidence;
            double lower, upper;
            if (events < 10)
            {
                lower = events == 0 ? 0 : Gamma.InvCDF(events, 1, alpha / 2);
                upper = Gamma.InvCDF(events + 1, 1, 1 - alpha / 2);
            }
            else
            {
                var z = Normal.InvCDF(0, 1, 1 - alpha / 2);
                lower = events * Math.Pow(1 - 1 / (9 * events) - z / (3 * Math.Sqrt(events)), 3);
                upper = (events + 1) * Math.Pow(1 - 1 / (9 * (events + 1)) + z / (3 * Math.Sqrt(events + 1)), 3);
            }
            if (Math.Abs(expected - lower) < 1e-6 || Math.Abs(expected - upper) < 1e-6)
                return "edge";
            return expected < lower ? "High" : expected > upper ? "Low" : null;
        }
        return Verdict(Side(0.998), Side(0.95));
    }

    private static string? Verdict(string? outer, string? inner) =>
        outer == "edge" || inner == "edge" ? null
        : outer is not null ? $"{outer} (99.8%)"
        : inner is not null ? $"{inner} (95%)"
        : EarlyWarningCalculator.NotSignificant;
}
