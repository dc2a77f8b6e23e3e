using System.Globalization;
using RegionalWarehouse.Etl.Benchmarks;
using RegionalWarehouse.Etl.Lait;
using RegionalWarehouse.Synthetic.Demo;

namespace RegionalWarehouse.Tests.Lait;

/// <summary>The DfE's real LAIT release (shipped in the project) through the pipeline, checked against the file read by another library.</summary>
public class LaitIngestionTests : IClassFixture<LaitIngestionTests.Loaded>
{
    private readonly Loaded _loaded;

    public LaitIngestionTests(Loaded loaded) => _loaded = loaded;

    public sealed class Loaded : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("rw-lait-").FullName;

        public PipelineHarness Harness { get; } = new(suppressCountsUpTo: 0);

        public SubmissionReport Report { get; }

        public List<LaitCell> File { get; } = LaitParquet.ReadShipped().GetAwaiter().GetResult();

        public Loaded()
        {
            PublishedData.WriteTo(PublishedData.Lait, _folder);
            Report = Harness.Ingest("LAIT", SubmissionIdentity.RegionWide, "2025", _folder);
        }

        public string Folder => _folder;

        public void Dispose()
        {
            Harness.Dispose();
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void The_same_release_again_with_a_notice_beside_it_is_unchanged_not_reloaded()
    {
        var again = Directory.CreateTempSubdirectory("rw-lait-again-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(_loaded.Folder))
                System.IO.File.Copy(file, Path.Combine(again, Path.GetFileName(file)));
            System.IO.File.WriteAllText(Path.Combine(again, "release-notice.txt"), "Revised 2025 figures for three indicators; see the DfE's notice.");

            var report = _loaded.Harness.Ingest("LAIT", SubmissionIdentity.RegionWide, "2025", again);

            Assert.Equal("unchanged", report.Outcome);
            Assert.Equal(_loaded.File.Count, _loaded.Harness.Count("dw.fact_lait_value"));
        }
        finally
        {
            Directory.Delete(again, recursive: true);
        }
    }

    [Fact]
    public void The_release_loads_every_row_with_warnings_only_for_what_the_dfe_file_really_holds()
    {
        Assert.Equal(SubmissionStates.LoadedWithWarnings, _loaded.Report.Outcome);
        Assert.Equal(_loaded.File.Count, _loaded.Harness.Count("dw.fact_lait_value"));
        Assert.Equal(641_070, _loaded.File.Count);
        // The dictionary describes 14 indicators twice; one period is labelled "0".
        Assert.Equal(14, _loaded.Report.Issues.Count(i => i.RuleCode == "LAIT-14"));
        Assert.Equal("0", Assert.Single(_loaded.Report.Issues, i => i.RuleCode == "LAIT-07").Value);
        Assert.DoesNotContain(_loaded.Report.Issues, i => i.Severity == Etl.Validation.Severity.Error);
    }

    [Fact]
    public void A_sample_of_cells_holds_exactly_what_the_file_publishes_text_number_and_symbol()
    {
        var random = new Random(2025);
        // Each lookup scans the view's latest-release window: 100 random cells and the 40 awkward ones keep it to seconds.
        var sample = Enumerable.Range(0, 100).Select(_ => _loaded.File[random.Next(_loaded.File.Count)])
            .Concat(_loaded.File.Where(c => c.Value.Contains('E')).Take(20))
            .Concat(_loaded.File.Where(c => c.Value == "-").Take(20));
        foreach (var cell in sample)
        {
            var row = _loaded.Harness.Warehouse.Rows($"""
                select value_text, value, symbol, area_name from dw.lait_value
                where indicator = '{cell.Indicator.Replace("'", "''")}' and area_number = {cell.AreaNumber} and years = '{cell.Years}'
                """).Single();
            Assert.Equal(cell.Value, row[0]);
            Assert.Equal(cell.Area, row[3]);
            if (double.TryParse(cell.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                Assert.Equal(number, Convert.ToDouble(row[1]), 9);
                Assert.Null(row[2]);
            }
            else
            {
                Assert.Null(row[1]);
                Assert.Equal(cell.Value, row[2]);
            }
        }
    }

    [Fact]
    public void Every_no_value_dash_is_kept_as_a_symbol_never_a_zero()
    {
        Assert.Equal(_loaded.File.Count(c => c.Value == "-"), _loaded.Harness.Count("dw.fact_lait_value", "symbol = '-' and value is null"));
        Assert.Equal(0, _loaded.Harness.Count("dw.fact_lait_value", "value_text = '-' and value is not null"));
    }

    [Fact]
    public void Each_indicator_keeps_its_dictionary_polarity_and_decimal_places()
    {
        var rows = _loaded.Harness.Warehouse.Rows("select indicator, polarity, decimal_places from dw.lait_indicator_current where indicator in ('LACStable_2016on', 'LAC_LongStable%', 'LACnum')")
            .ToDictionary(r => (string)r[0]!, r => ((string)r[1]!, r[2] is null ? (int?)null : Convert.ToInt32(r[2])));
        Assert.Equal(("Low", (int?)null), rows["LACStable_2016on"]);
        Assert.Equal(("High", (int?)null), rows["LAC_LongStable%"]);
        Assert.Equal(("-", (int?)0), rows["LACnum"]);
        Assert.Equal(434, _loaded.Harness.Count("dw.lait_indicator_current"));
    }

    [Fact]
    public void The_same_release_dropped_again_changes_nothing()
    {
        var again = _loaded.Harness.Ingest("LAIT", SubmissionIdentity.RegionWide, "2025", _loaded.Folder);
        Assert.Equal("unchanged", again.Outcome);
        Assert.Equal(_loaded.File.Count, _loaded.Harness.Count("dw.fact_lait_value"));
    }

    [Fact]
    public void England_and_east_of_england_comparators_come_from_the_published_values()
    {
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        _loaded.Harness.Ingest903(fixture.Folder);
        var row = _loaded.Harness.Warehouse.Rows("""
            select england_value, england_source, region_value, region_source, published_value from mart.benchmark
            where la_key = 919 and collection_year = 2024 and metric_id = 'cla_31_march'
            """).Single();

        double Published(double area) => double.Parse(_loaded.File.Single(c => c.Indicator == "LACnum" && c.Years == "2024" && c.AreaNumber == area).Value, CultureInfo.InvariantCulture);
        Assert.Equal(Published(970), Convert.ToDouble(row[0]));
        Assert.Equal("published", row[1]);
        Assert.Equal(Published(985), Convert.ToDouble(row[2]));
        Assert.Equal("published", row[3]);
        Assert.Equal(Published(919), Convert.ToDouble(row[4]));
    }

    [Fact]
    public void Every_lait_indicator_is_a_contextual_indicator_with_its_polarity_and_la_values()
    {
        var definition = IndicatorCatalogue.Read(_loaded.Harness.Warehouse.Engine, "CMH_0-17yrs").Single();
        Assert.Equal(("LowerIsBetter", true), (definition.Polarity, definition.Source.StartsWith("DfE LAIT")));
        var published = _loaded.File.Single(c => c.Indicator == "CMH_0-17yrs" && c.AreaNumber == 919 && LaitPeriod.EndYear(c.Years) == 2024);
        Assert.Equal(double.Parse(published.Value, CultureInfo.InvariantCulture),
            _loaded.Harness.Warehouse.Scalar<double>("select value from dw.indicator_value where la_key = 919 and indicator_code = 'CMH_0-17yrs' and period = 2024"));
        Assert.Equal(434 + _loaded.Harness.Count("ref.indicator"), _loaded.Harness.Count("dw.indicator_definition"));
    }

    [Theory]
    [InlineData("2025", 2025)]
    [InlineData("2024-25", 2025)]
    [InlineData("2024-25 (OT)", 2025)]
    [InlineData("2023/24", 2024)]
    [InlineData("2014-16", 2016)]
    [InlineData("2013/14-15/16", 2016)]
    [InlineData("2023 (Rev)", 2023)]
    [InlineData("2021 (Final)", 2021)]
    [InlineData("2025 (prov)", 2025)]
    [InlineData("1999-00", 2000)]
    [InlineData("0", null)]
    public void Each_published_period_label_lines_up_with_the_year_it_ends(string years, int? end)
    {
        Assert.Equal(end, LaitPeriod.EndYear(years));
    }
}
