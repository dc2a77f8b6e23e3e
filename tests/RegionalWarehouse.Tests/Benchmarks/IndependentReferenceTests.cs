using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RegionalWarehouse.Etl.Benchmarks;
using RegionalWarehouse.Synthetic.Context;
using RegionalWarehouse.Synthetic.Ssda903;
using RegionalWarehouse.Tests.Benchmarks.Reference;

namespace RegionalWarehouse.Tests.Benchmarks;

/// <summary>
/// The mart against <see cref="Cla903Reference"/>, a calculation written apart from the views, over seven
/// generated years of four LAs of different sizes: every covered metric, every LA, every year, exactly.
/// A test pinned on one year once missed that six of seven years were wrong; this one covers them all.
/// </summary>
[Collection(SevenYearHistory.Name)]
public class IndependentReferenceTests
{
    public const int FirstYear = 2019, LastYear = 2025;
    public static readonly string[] Las = ["822", "881", "919", "935"];

    private readonly SevenYears _loaded;

    public IndependentReferenceTests(SevenYears loaded) => _loaded = loaded;

    public sealed class SevenYears : IDisposable
    {
        private readonly string _root = Directory.CreateTempSubdirectory("rw-reference-").FullName;

        // Loaded first and refreshed once at the end, as a region's backlog is: the marts are the same either way.
        public PipelineHarness Harness { get; } = new(suppressCountsUpTo: 0, refreshAfterEachLoad: false);

        public Dictionary<(string La, int MidYear), double> Children { get; } = [];

        public Dictionary<(string La, int Year), SubmissionReport> Reports { get; } = [];

        public SevenYears()
        {
            var populationFolder = Directory.CreateDirectory(Path.Combine(_root, "population")).FullName;
            var populationLines = ContextGenerator.Population(Las, FirstYear - 1, LastYear - 1, seed: 11).ToList();
            File.WriteAllLines(Path.Combine(populationFolder, "population.csv"), populationLines);
            Assert.Equal(SubmissionStates.Loaded, Harness.Ingest("POPULATION", SubmissionIdentity.RegionWide, (LastYear - 1).ToString(), populationFolder).Outcome);
            var onsToDfe = ContextGenerator.EastOfEngland.ToDictionary(l => l.OnsCode, l => l.DfeCode);
            foreach (var cells in populationLines.Skip(1).Select(l => l.Split(',')).Where(c => int.Parse(c[3]) <= 17))
            {
                var key = (onsToDfe[cells[0]], int.Parse(cells[1]));
                Children[key] = Children.GetValueOrDefault(key) + int.Parse(cells[4]);
            }

            foreach (var generated in Ssda903Generator.Generate(new GeneratorRequest(Las, FirstYear, LastYear, Seed: 7, Scale: 0.25)))
            {
                var folder = Ssda903Generator.Write(generated, _root);
                var report = Harness.Ingest903(folder, generated.LaCode, generated.Year.ToString());
                Assert.True(report.Outcome == SubmissionStates.Loaded, $"{generated.LaCode} {generated.Year}: {report.Outcome}");
                Reports[(generated.LaCode, generated.Year)] = report;
            }
            Harness.Marts.Refresh();
        }

        public Cla903Reference Reference(string la) => new(Path.Combine(_root, la));

        public void Dispose()
        {
            Harness.Dispose();
            Directory.Delete(_root, recursive: true);
        }
    }

    private static int LaKey(string la) => int.Parse(la, CultureInfo.InvariantCulture);

    [Fact]
    public void Every_covered_metric_equals_the_reference_for_every_la_and_every_year()
    {
        var mart = _loaded.Harness.Warehouse.Rows("select la_key, collection_year, metric_id, numerator, denominator, value from mart.benchmark")
            .ToDictionary(r => (Convert.ToInt32(r[0]), Convert.ToInt32(r[1]), (string)r[2]!),
                r => (Numerator: r[3] is null ? (double?)null : Convert.ToDouble(r[3]), Denominator: r[4] is null ? (double?)null : Convert.ToDouble(r[4]),
                    Value: r[5] is null ? (double?)null : Convert.ToDouble(r[5])));
        var mismatches = new List<string>();
        var compared = 0;
        foreach (var la in Las)
        {
            var reference = _loaded.Reference(la);
            Assert.Equal(Enumerable.Range(FirstYear, LastYear - FirstYear + 1), reference.Years);
            foreach (var year in reference.Years)
                foreach (var (metricId, expected) in reference.Compute(year, _loaded.Children[(la, year - 1)]))
                {
                    var metric = MetricCatalogue.Find(metricId);
                    compared++;
                    // A year with nobody in a metric's cohort (no adoptions, say) has no row to aggregate, so no benchmark.
                    if (!mart.TryGetValue((LaKey(la), year, metricId), out var actual))
                    {
                        if (expected.Denominator is not 0)
                            mismatches.Add($"{la} {year} {metricId}: reference {expected.Numerator}/{expected.Denominator}, no mart row");
                        continue;
                    }
                    var expectedValue = metric.ValueOf(expected.Numerator, expected.Denominator);
                    if (actual.Numerator != expected.Numerator || (!metric.IsCount && actual.Denominator != expected.Denominator)
                        || !SameValue(expectedValue, actual.Value))
                        mismatches.Add($"{la} {year} {metricId}: reference {expected.Numerator}/{expected.Denominator} = {expectedValue}, mart {actual.Numerator}/{actual.Denominator} = {actual.Value}");
                }
        }
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {compared} differ:\n{string.Join("\n", mismatches.Take(40))}");
        Assert.Equal(Las.Length * 7 * MetricCatalogue.Cla.Count, compared);
    }

    [Fact]
    public void The_history_is_not_degenerate_every_year_has_children_looked_after_at_31_march_near_the_latest()
    {
        // The defect this suite was written for: every year but the latest read close to zero.
        foreach (var la in Las)
        {
            var stock = _loaded.Harness.Warehouse.Rows($"select collection_year, value from mart.benchmark where la_key = {la} and metric_id = 'cla_31_march' order by 1")
                .Select(r => Convert.ToDouble(r[1])).ToList();
            Assert.Equal(7, stock.Count);
            Assert.All(stock, s => Assert.InRange(s, stock[^1] * 0.6, stock[^1] * 1.6));
        }
    }

    [Fact]
    public void Each_reports_stock_flow_closes_on_the_reference_count_and_opens_on_last_years()
    {
        foreach (var la in Las)
        {
            var reference = _loaded.Reference(la);
            foreach (var year in reference.Years)
            {
                var lines = Assert.Single(_loaded.Reports[(la, year)].Sections).Lines.ToDictionary(l => l.Label, l => l.Value);
                Assert.Equal(reference.Compute(year, 1)["cla_31_march"].Numerator, lines[$"Looked after at 31 March {year}"]);
                if (year > FirstYear)
                    Assert.Equal(reference.Compute(year - 1, 1)["cla_31_march"].Numerator, lines[$"Looked after at 31 March {year - 1}, by last year's return"]);
                Assert.DoesNotContain(lines.Keys, l => l.StartsWith("± not explained", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Each_loads_stock_flow_read_for_its_la_and_year_is_that_la_years_row_of_the_whole_view()
    {
        // Every load reads dw.cla_stock_flow_for(la, year), which reads only that year and the one before: over seven
        // years of four LAs it must give exactly the row the unfiltered view gives, every column.
        var whole = _loaded.Harness.Warehouse.Rows("select * from dw.cla_stock_flow order by la_key, collection_year");
        Assert.Equal(Las.Length * (LastYear - FirstYear + 1), whole.Count);
        foreach (var row in whole)
        {
            var one = Assert.Single(_loaded.Harness.Warehouse.Rows($"select * from dw.cla_stock_flow_for({row[0]}, {row[1]})"));
            Assert.Equal(row, one);
        }
        Assert.Contains(whole, r => RegionalWarehouse.Warehouse.Engines.DbNumber.ToInt64(r[2]!) == 0); // a first year, with no return before it
        Assert.Contains(whole, r => RegionalWarehouse.Warehouse.Engines.DbNumber.ToInt64(r[3]!) > 0);  // and later years opening on last year's count
    }

    [Fact]
    public void With_suppression_on_exactly_the_values_the_reference_counts_as_small_are_withheld()
    {
        var options = Options.Create(new BenchmarkOptions { SuppressCountsUpTo = 5 });
        var calculator = new ComparatorCalculator(5, new Dictionary<int, IReadOnlyList<int>>());
        new MartRefresher(_loaded.Harness.Warehouse.Engine, options, TimeProvider.System, NullLogger<MartRefresher>.Instance).Refresh();
        try
        {
            var suppressed = _loaded.Harness.Warehouse.Rows("select la_key, collection_year, metric_id, suppressed, value from mart.benchmark")
                .ToDictionary(r => (Convert.ToInt32(r[0]), Convert.ToInt32(r[1]), (string)r[2]!), r => ((bool)r[3]!, r[4]));
            var seen = 0;
            foreach (var la in Las)
            {
                var reference = _loaded.Reference(la);
                foreach (var year in reference.Years)
                    foreach (var (metricId, expected) in reference.Compute(year, _loaded.Children[(la, year - 1)]))
                    {
                        var metric = MetricCatalogue.Find(metricId);
                        var small = metric.ValueOf(expected.Numerator, expected.Denominator) is not null
                                    && calculator.ShouldSuppress(metric, expected.Numerator, expected.Denominator);
                        if (!suppressed.TryGetValue((LaKey(la), year, metricId), out var row))
                        {
                            Assert.True(expected.Denominator is 0, $"{la} {year} {metricId}: no mart row for a non-empty cohort");
                            continue;
                        }
                        var (isSuppressed, value) = row;
                        Assert.True(small == isSuppressed, $"{la} {year} {metricId}: {expected.Numerator}/{expected.Denominator} small={small}, mart suppressed={isSuppressed}");
                        if (isSuppressed)
                        {
                            Assert.Null(value);
                            seen++;
                        }
                    }
            }
            Assert.True(seen > 0, "the generated history should include some small numbers to suppress");
        }
        finally
        {
            _loaded.Harness.Marts.Refresh();
        }
    }

    private static bool SameValue(double? expected, double? actual) =>
        expected is null ? actual is null : actual is not null && Math.Abs(expected.Value - actual.Value) <= 1e-9 * Math.Max(1, Math.Abs(expected.Value));
}

/// <summary>The four LAs' seven years of 903 behind the independent reference, shared with the forecast and early-warning specifications.</summary>
[CollectionDefinition(Name)]
public sealed class SevenYearHistory : ICollectionFixture<IndependentReferenceTests.SevenYears>
{
    public const string Name = "Seven years of four LAs' 903";
}
