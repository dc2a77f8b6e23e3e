using RegionalWarehouse.Etl.Lait;

namespace RegionalWarehouse.Tests.Lait;

/// <summary>LAIT-shaped files with one thing wrong: each is rejected (or warned) at the row and column, and nothing is loaded.</summary>
public class LaitRejectionTests : IDisposable
{
    private const string Dictionary = LaitParquet.SmallDictionary;

    private readonly string _folder = Directory.CreateTempSubdirectory("rw-lait-bad-").FullName;
    private readonly PipelineHarness _harness = new();

    private static (string, string?, string, string, string, double?, string) Row(string indicator = "LACnum", string years = "2025", double? number = 919, string value = "999") =>
        (indicator, null, years, "Hertfordshire", value, number, "East of England");

    private SubmissionReport Submit(string la, params (string, string?, string, string, string, double?, string)[] rows)
    {
        LaitParquet.Write(Path.Combine(_folder, "lait_bds_long.parquet"), rows);
        File.WriteAllText(Path.Combine(_folder, "lait_data_dictionary.csv"), Dictionary);
        return _harness.Ingest("LAIT", la, "2025", _folder);
    }

    [Fact]
    public void A_valid_extract_loads()
    {
        var report = Submit(SubmissionIdentity.RegionWide, Row(), Row(number: 970, value: "83630"), Row(years: "2024", value: "-"));
        Assert.Equal(SubmissionStates.Loaded, report.Outcome);
        Assert.Equal(3, _harness.Count("dw.fact_lait_value"));
    }

    [Fact]
    public void An_la_number_that_is_not_a_whole_number_is_rejected_at_its_row()
    {
        var report = Submit(SubmissionIdentity.RegionWide, Row(), Row(number: 9.5));
        var issue = Assert.Single(report.Issues, i => i.RuleCode == "LAIT-04");
        Assert.Equal((2, "LA Number"), (issue.Row, issue.Column));
        Assert.Equal(SubmissionStates.Rejected, report.Outcome);
        Assert.Equal(0, _harness.Count("dw.fact_lait_value"));
    }

    [Fact]
    public void A_repeated_indicator_area_and_period_is_rejected()
    {
        var report = Submit(SubmissionIdentity.RegionWide, Row(), Row(value: "1000"));
        Assert.Equal(2, Assert.Single(report.Issues, i => i.RuleCode == "LAIT-09").Row);
        Assert.Equal(SubmissionStates.Rejected, report.Outcome);
    }

    [Fact]
    public void An_indicator_missing_from_the_dictionary_and_an_odd_symbol_load_with_warnings()
    {
        var report = Submit(SubmissionIdentity.RegionWide, Row(), Row(indicator: "NewThing", value: "c"));
        Assert.Equal(SubmissionStates.LoadedWithWarnings, report.Outcome);
        Assert.Equal("NewThing", Assert.Single(report.Issues, i => i.RuleCode == "LAIT-08").Value);
        Assert.Equal("c", Assert.Single(report.Issues, i => i.RuleCode == "LAIT-11").Value);
        Assert.Equal(1, _harness.Count("dw.fact_lait_value", "symbol = 'c' and value is null"));
    }

    [Fact]
    public void Lait_submitted_under_an_la_is_refused()
    {
        var report = Submit("919", Row());
        Assert.Contains(report.Issues, i => i.RuleCode == "LAIT-01");
        Assert.Equal(SubmissionStates.Rejected, report.Outcome);
    }

    [Fact]
    public void A_file_that_is_not_parquet_is_one_clear_error()
    {
        File.WriteAllText(Path.Combine(_folder, "lait_bds_long.parquet"), "Short Desc,Years\nLACnum,2025\n");
        File.WriteAllText(Path.Combine(_folder, "lait_data_dictionary.csv"), Dictionary);
        var report = _harness.Ingest("LAIT", SubmissionIdentity.RegionWide, "2025", _folder);
        var issue = Assert.Single(report.Issues);
        Assert.Equal("LAIT-02", issue.RuleCode);
        Assert.Contains("could not be read as Parquet", issue.Message);
    }

    [Fact]
    public void Running_out_of_working_memory_is_the_platforms_failure_not_a_rejection_of_the_file()
    {
        // The DfE's own release, checked with far too little memory: the load must fail (and be retried), never
        // tell the operator that the DfE's file "could not be read".
        var files = SubmissionFiles.From(RegionalWarehouse.Synthetic.Demo.PublishedData.WriteTo(RegionalWarehouse.Synthetic.Demo.PublishedData.Lait, _folder));
        using var connection = _harness.Warehouse.Engine.Open();
        var england = LaDirectory.ReadEngland(connection);

        var thrown = Assert.Throws<DuckDB.NET.Data.DuckDBException>(() => LaitRelease.Stage(files, new SubmissionIdentity(SubmissionIdentity.RegionWide, "LAIT", "2025"), england, "1MB"));

        Assert.Equal(DuckDB.NET.Native.DuckDBErrorType.OutOfMemory, thrown.ErrorType);
    }

    public void Dispose()
    {
        _harness.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
