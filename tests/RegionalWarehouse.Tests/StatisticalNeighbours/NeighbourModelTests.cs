using RegionalWarehouse.Etl.Tabular;
using RegionalWarehouse.Synthetic.Demo;

namespace RegionalWarehouse.Tests.StatisticalNeighbours;

/// <summary>The DfE's statistical neighbour workbook (May 2025, shipped in the project) as published, and broken copies of its layout.</summary>
public class NeighbourModelTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rw-sn-").FullName;
    private readonly PipelineHarness _harness = new();

    private SubmissionReport LoadPublished(string period = "2025-05") =>
        _harness.Ingest("NEIGHBOURS", SubmissionIdentity.RegionWide, period, PublishedData.WriteTo(PublishedData.Neighbours, _folder));

    [Fact]
    public void The_published_model_loads_ten_neighbours_for_each_of_the_153_las()
    {
        var report = LoadPublished();

        Assert.Equal(SubmissionStates.Loaded, report.Outcome);
        Assert.Equal(1530, _harness.Count("dw.statistical_neighbour"));
        Assert.Equal(153, _harness.Warehouse.Scalar<long>("select count(distinct la_number) from dw.statistical_neighbour"));
    }

    [Fact]
    public void Hertfordshires_neighbours_are_the_dfes_in_order_with_their_closeness()
    {
        LoadPublished();

        var neighbours = _harness.Warehouse.Rows("select neighbour_number, closeness from dw.statistical_neighbour where la_number = 919 order by neighbour_rank");
        // Oxfordshire, Buckinghamshire, Cambridgeshire, Bracknell Forest, West Sussex, Bromley, Hampshire, Trafford, Gloucestershire, West Berkshire.
        Assert.Equal([931, 825, 873, 867, 938, 305, 850, 358, 916, 869], neighbours.Select(n => Convert.ToInt32(n[0])));
        Assert.All(neighbours, n => Assert.Equal("Very close", n[1]));
    }

    [Fact]
    public void The_old_section_for_reorganised_authorities_is_kept_but_not_in_force()
    {
        LoadPublished();

        Assert.Equal(50, _harness.Count("dw.fact_statistical_neighbour", "is_former"));
        Assert.Equal(0, _harness.Count("dw.statistical_neighbour", "la_number = 928"));
        Assert.Equal("Extremely close", _harness.Warehouse.Scalar<string>("select closeness from dw.fact_statistical_neighbour where la_number = 909 and neighbour_rank = 1"));
    }

    [Fact]
    public void The_latest_model_version_loaded_is_the_one_in_force()
    {
        LoadPublished("2021-03");
        var newer = Directory.CreateTempSubdirectory("rw-sn-new-").FullName;
        try
        {
            Write(newer, ["919", "Hertfordshire", "919", "2", "East of England", .. Enumerable.Range(0, 10).SelectMany(i => new[] { (801 + i).ToString(), "Close" })]);
            Assert.Equal(SubmissionStates.Loaded, _harness.Ingest("NEIGHBOURS", SubmissionIdentity.RegionWide, "2025-05", newer).Outcome);

            Assert.Equal(10, _harness.Count("dw.statistical_neighbour"));
            Assert.Equal("2025-05", _harness.Warehouse.Scalar<string>("select distinct model_version from dw.statistical_neighbour"));
            Assert.Equal(1530, _harness.Count("dw.fact_statistical_neighbour", "model_version = '2021-03' and not is_former"));
        }
        finally
        {
            Directory.Delete(newer, recursive: true);
        }
    }

    [Fact]
    public void An_la_listed_as_its_own_neighbour_is_rejected_at_its_row_and_column()
    {
        Write(_folder, ["919", "Hertfordshire", "919", "2", "East of England", .. Enumerable.Range(0, 10).SelectMany(i => new[] { i == 3 ? "919" : (801 + i).ToString(), "Close" })]);

        var report = _harness.Ingest("NEIGHBOURS", SubmissionIdentity.RegionWide, "2025-05", _folder);

        var issue = Assert.Single(report.Issues, i => i.RuleCode == "SN-04");
        Assert.Equal((4, "SN4", "919"), (issue.Row, issue.Column, issue.Value));
        Assert.Equal(SubmissionStates.Rejected, report.Outcome);
        Assert.Equal(0, _harness.Count("dw.fact_statistical_neighbour"));
    }

    [Fact]
    public void A_workbook_without_the_header_row_and_a_model_under_an_la_are_refused()
    {
        using (var file = File.Create(Path.Combine(_folder, "neighbours.xlsx")))
            XlsxTableWriter.Write(file, new XlsxSheet("Sheet1", ["LA", "Neighbour"], [["919", "873"]]));

        Assert.Equal("SN-02", Assert.Single(_harness.Ingest("NEIGHBOURS", SubmissionIdentity.RegionWide, "2025-05", _folder).Issues).RuleCode);
        Assert.Contains(_harness.Ingest("NEIGHBOURS", "919", "2025-05", _folder).Issues, i => i.RuleCode == "SN-01");
    }

    public void Dispose()
    {
        _harness.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A workbook in the DfE's layout: two numbering rows, the header row, then the given LA row.</summary>
    private static void Write(string folder, string[] laRow)
    {
        string[] header = ["LA num", "LA Name", "LA number", "GOInd", "GOReg", .. Enumerable.Range(1, 10).SelectMany(n => new[] { $"SN{n}", "SNP" })];
        using var file = File.Create(Path.Combine(folder, "statistical_neighbours.xlsx"));
        XlsxTableWriter.Write(file, new XlsxSheet("LA SN Groups", [.. header.Select((_, i) => ((char)('A' + i % 26)).ToString())],
            [[.. header.Select((_, i) => (i + 1).ToString())], header, laRow]));
    }
}
