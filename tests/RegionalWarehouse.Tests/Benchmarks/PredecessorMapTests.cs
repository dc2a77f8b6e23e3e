using RegionalWarehouse.Etl.Benchmarks;
using RegionalWarehouse.Tests.Lait;
using RegionalWarehouse.Warehouse.ReferenceData.Geo;

namespace RegionalWarehouse.Tests.Benchmarks;

/// <summary>
/// LAIT keeps a reorganised LA's figures under its old code for the years before the change (Cumbria, 909, to
/// 2022/23). The England map shows them on the successors' areas (Cumberland, Westmorland and Furness), saying
/// whose they are, and bands them among the LAs that existed then: Cumbria once.
/// </summary>
public sealed class PredecessorMapTests : IDisposable
{
    private const string Dictionary = """
        "Measure_code","Topic","Measure","Measure_short","Polarity","y_axis_name","Description","Methodology","dps","Year_Type","No_Quartile"
        "1","Children's Social Care","Number of Children looked after","LACnum","-","Number","Children looked after at 31 March","From the SSDA903","0","Annual",NA
        """;

    private const string Cumberland = "E06000063", Westmorland = "E06000064";

    private readonly string _folder = Directory.CreateTempSubdirectory("rw-predecessor-").FullName;
    private readonly PipelineHarness _harness = new();

    public PredecessorMapTests()
    {
        (string, string?, string, string, string, double?, string) Row(string years, double la, string name, string value) =>
            ("LACnum", null, years, name, value, la, "North West");
        LaitParquet.Write(Path.Combine(_folder, "lait_bds_long.parquet"),
            [Row("2022", 909, "Cumbria", "700"), Row("2022", 888, "Lancashire", "2000"), Row("2022", 919, "Hertfordshire", "1000"),
             Row("2024", 942, "Cumberland", "400"), Row("2024", 943, "Westmorland and Furness", "300"), Row("2024", 888, "Lancashire", "2100")]);
        File.WriteAllText(Path.Combine(_folder, "lait_data_dictionary.csv"), Dictionary);
        var report = _harness.Ingest("LAIT", SubmissionIdentity.RegionWide, "2025", _folder);
        Assert.True(report.Outcome is SubmissionStates.Loaded or SubmissionStates.LoadedWithWarnings, string.Join("; ", report.Issues));
    }

    [Fact]
    public void Before_the_split_both_successors_show_the_predecessors_figure_and_say_whose_it_is()
    {
        var map = MetricMap.Query(_harness.Warehouse.Engine, MetricCatalogue.Find("cla_31_march"), 2022, AreaScope.England);

        foreach (var ons in new[] { Cumberland, Westmorland })
        {
            var area = map.Areas.Single(a => a.Hex.OnsCode == ons);
            Assert.Equal(700, area.Value?.Value);
            Assert.Equal("Cumbria", area.ValueOf);
            Assert.Equal(HexLayout.All.Single(h => h.OnsCode == ons).Name, area.Value?.Name);
        }
    }

    [Fact]
    public void After_the_split_each_successor_shows_its_own_figure()
    {
        var map = MetricMap.Query(_harness.Warehouse.Engine, MetricCatalogue.Find("cla_31_march"), 2024, AreaScope.England);

        Assert.Equal(400, map.Areas.Single(a => a.Hex.OnsCode == Cumberland).Value?.Value);
        Assert.Null(map.Areas.Single(a => a.Hex.OnsCode == Cumberland).ValueOf);
    }

    [Fact]
    public void The_predecessor_is_banded_once_among_the_las_that_existed()
    {
        // 700, 1000, 2000 have quartiles 850, 1000, 1500 (no polarity: the map shades quarters from the highest down).
        var map = MetricMap.Query(_harness.Warehouse.Engine, MetricCatalogue.Find("cla_31_march"), 2022, AreaScope.England);

        Assert.Equal(4, map.Areas.Single(a => a.Hex.OnsCode == Cumberland).Quartile);
        Assert.Equal(1, map.Areas.Single(a => a.Value?.DfeCode == "888").Quartile);
    }

    public void Dispose()
    {
        _harness.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
