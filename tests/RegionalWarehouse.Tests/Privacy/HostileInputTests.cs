using RegionalWarehouse.Synthetic.Bench;

namespace RegionalWarehouse.Tests.Privacy;

/// <summary>Files built to exhaust the reader are refused with one clear finding, fast and in bounded memory.</summary>
public class HostileInputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rw-hostile-").FullName;
    private readonly PipelineHarness _harness = new();

    [Fact]
    public void An_xlsx_of_a_few_kb_with_a_cell_at_column_zzzzzz_is_refused_without_allocating_the_columns_before_it()
    {
        HostileInputs.XlsxWideCell(_folder);
        var before = GC.GetTotalAllocatedBytes();

        var report = _harness.Ingest("SF", "919", "2024-Q3", _folder);

        Assert.Equal(SubmissionStates.Rejected, report.Outcome);
        Assert.Contains("ZZZZZZ1", Assert.Single(report.Issues, i => i.RuleCode == "TAB-06").Message);
        Assert.True(GC.GetTotalAllocatedBytes() - before < 200_000_000, "reading the file allocated hundreds of MB");
    }

    [Fact]
    public void A_ten_megabyte_header_line_is_one_short_finding_not_echoed_into_the_report()
    {
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        fixture.Write("notes.csv", new string('A', 10_000_000) + "\n1\n");

        var report = _harness.Ingest903(fixture.Folder);

        Assert.Equal(SubmissionStates.Rejected, report.Outcome);
        Assert.Equal("FILE-10", Assert.Single(report.Issues, i => i.File == "notes.csv").RuleCode);
        Assert.True(report.ToJson().Length < 20_000);
    }

    [Fact]
    public void A_line_of_a_hundred_thousand_columns_is_refused()
    {
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        fixture.Write("wide.csv", string.Join(",", Enumerable.Range(0, 100_000).Select(i => $"C{i}")) + "\n");

        var report = _harness.Ingest903(fixture.Folder);

        Assert.Contains("100,000 values", Assert.Single(report.Issues, i => i.File == "wide.csv").Message);
    }

    [Fact]
    public void A_zip_bomb_is_refused_unread_with_one_finding_and_the_warehouse_untouched()
    {
        var zip = Path.Combine(_folder, "return.zip");
        using (var archive = System.IO.Compression.ZipFile.Open(zip, System.IO.Compression.ZipArchiveMode.Create))
        {
            using var entry = archive.CreateEntry("episodes.csv", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 40; i++)
                entry.Write(zeros);
        }
        Assert.True(new FileInfo(zip).Length < 1024 * 1024);
        var before = GC.GetTotalAllocatedBytes();

        var report = _harness.Pipeline.Ingest(new SubmissionIdentity("919", "SSDA903", "2024"), SubmissionFiles.From(zip), zip);

        Assert.Equal(SubmissionStates.Rejected, report.Outcome);
        Assert.Contains("episodes.csv", Assert.Single(report.Issues, i => i.RuleCode == "SUB-06").Message);
        Assert.True(GC.GetTotalAllocatedBytes() - before < 30_000_000, "the bomb was expanded in memory");
        Assert.Equal(0, _harness.Count("etl.submission"));
    }

    [Fact]
    public void A_body_of_garbage_under_a_valid_header_gives_a_bounded_report()
    {
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        var random = new Random(1);
        var garbage = string.Join("\n", Enumerable.Range(0, 30_000).Select(_ => new string((char)random.Next('a', 'z'), 40)));
        fixture.Write("reviews.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\n" + garbage + "\n");

        var report = _harness.Ingest903(fixture.Folder);

        Assert.Equal(SubmissionStates.Rejected, report.Outcome);
        Assert.All(report.Issues.GroupBy(i => i.RuleCode), g => Assert.True(g.Count() <= 1_001, $"{g.Key}: {g.Count()} findings"));
        Assert.Contains(report.Issues, i => i.Message.StartsWith("…and 29,000 more rows"));
        Assert.True(report.ToJson().Length < 5_000_000, $"report of {report.ToJson().Length:N0} characters");
    }

    [Fact]
    public void A_return_failing_many_rules_on_every_row_lists_at_most_five_thousand_findings_but_counts_them_all()
    {
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        var rows = Enumerable.Range(0, 3_000).Select(i => $"C{i},99/99/9999,Q,Q9,Q9,Q9,Q9,99/99/9999,Q9,Q9,{new string('Z', 3_000)},ZZ,{new string('9', 3_000)}");
        fixture.Write("episodes.csv", "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n" + string.Join("\n", rows) + "\n");

        var report = _harness.Ingest903(fixture.Folder);

        Assert.Equal(SubmissionStates.Rejected, report.Outcome);
        Assert.Equal(5_001, report.Issues.Count);
        Assert.StartsWith("…and ", Assert.Single(report.Issues, i => i.RuleCode == "SUB-08").Message);
        Assert.True(report.ErrorCount > 10_000, $"only {report.ErrorCount:N0} errors counted");
        Assert.All(report.Issues, i => Assert.True((i.Value?.Length ?? 0) < 250 && i.Message.Length < 1_100, $"{i.RuleCode} row {i.Row}: value of {i.Value?.Length} and message of {i.Message.Length} characters"));
        Assert.True(report.ToMarkdown().Length < 3_000_000, $"report of {report.ToMarkdown().Length:N0} characters");
        Assert.Equal(5_001, _harness.Count("etl.submission_issue"));
    }

    [Fact]
    public void Every_hostile_input_the_bench_measures_is_rejected_with_a_bounded_report_and_nothing_loaded()
    {
        var cases = HostileInputs.Cases(megabytes: 3);

        var results = HostileInputs.Run(_folder, cases, (hostile, path) =>
            _harness.Pipeline.Ingest(new SubmissionIdentity("919", hostile.ReturnType, hostile.Period), SubmissionFiles.From(path), path)).ToList();

        Assert.Equal(cases.Select(c => c.Name), results.Select(r => r.Case));
        Assert.All(cases.Zip(results), pair =>
        {
            var (hostile, result) = pair;
            Assert.Equal(SubmissionStates.Rejected, result.Outcome);
            Assert.Contains(hostile.RejectedBy, result.Rules);
            Assert.True(result.ReportCharacters < 8_000_000, $"{result.Case}: report of {result.ReportCharacters:N0} characters");
        });
        Assert.Equal(0, _harness.Count("dw.fact_cla_episode"));
    }

    public void Dispose()
    {
        _harness.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
