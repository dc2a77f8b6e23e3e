using RegionalWarehouse.Etl.Csv;
using RegionalWarehouse.Etl.Privacy;
using RegionalWarehouse.Etl.SupportingFamilies;

namespace RegionalWarehouse.Tests.SupportingFamilies;

/// <summary>
/// Supporting Families through the same lifecycle as the 903, and its benchmarks pinned by hand on the
/// five-family fixture (quarter 2024-Q3, so collection year 2025, which starts 01/04/2024):
/// F1 attached 15/05/2024, needs EDUCATION+HEALTH both achieved, SSP claim 15/11/2024, closed;
/// F2 attached 10/01/2024 (before the year), needs DOMESTIC_ABUSE+HOUSING+WORK_FINANCE, DA achieved, EMP claim 05/12/2024;
/// F3 attached 01/10/2024, EDUCATION; F4 attached 20/11/2024, HEALTH+FAMILY_RELATIONSHIPS+SAFE_FROM_ABUSE;
/// F5 attached 01/07/2024, CRIME not achieved, closed 15/10/2024.
/// </summary>
public class SfIngestionTests
{
    private const string File = "sf_919_2024-Q3.csv";

    private static SubmissionReport IngestSf(PipelineHarness harness, string folder, string period = "2024-Q3", string la = "919") =>
        harness.Ingest("SF", la, period, folder);

    private static double? Value(PipelineHarness harness, string metric, int year = 2025) =>
        harness.Warehouse.Rows($"select value from mart.benchmark where la_key = 919 and collection_year = {year} and metric_id = '{metric}'")
            .Select(r => r[0] is null or DBNull ? (double?)null : Convert.ToDouble(r[0])).Single();

    [Fact]
    public void A_valid_quarter_loads_each_family_and_each_identified_need()
    {
        using var harness = new PipelineHarness();
        using var fixture = ReturnFixture.Copy("valid-919-2024-Q3", "SupportingFamilies");

        var report = IngestSf(harness, fixture.Folder);

        Assert.Equal(SubmissionStates.Loaded, report.Outcome);
        Assert.Equal(5, harness.Count("dw.fact_sf_family", "collection_year = 2025 and quarter = 3"));
        Assert.Equal(2 + 3 + 1 + 3 + 1, harness.Count("dw.fact_sf_need"));
        Assert.Equal(3, harness.Count("dw.fact_sf_need", "outcome_achieved"));
    }

    [Fact]
    public void A_family_on_several_quarterly_returns_counts_once_as_its_latest_return_describes_it()
    {
        using var harness = new PipelineHarness(suppressCountsUpTo: 0);
        using var q3 = ReturnFixture.Copy("valid-919-2024-Q3", "SupportingFamilies");
        using var q4 = ReturnFixture.Copy("valid-919-2024-Q3", "SupportingFamilies");
        // In Q4 F3 achieves its education outcome; F5 (closed in Q3) is no longer listed.
        q4.Set(File, 4, "OUTCOME_EDUCATION", "Y").Set(File, 4, "OUTCOME_EDUCATION_DATE", "10/02/2025").RemoveRow(File, 6);

        IngestSf(harness, q3.Folder);
        IngestSf(harness, q4.Folder, "2024-Q4");

        Assert.Equal(5, Value(harness, "sf_families_worked_with"));
        Assert.Equal(100, Value(harness, "sf_outcome_education_pct"));
    }

    [Fact]
    public void An_excel_file_loads_exactly_as_the_csv_does_with_real_excel_dates()
    {
        using var csv = new PipelineHarness();
        using var excel = new PipelineHarness();
        using var fixture = ReturnFixture.Copy("valid-919-2024-Q3", "SupportingFamilies");
        var xlsxFolder = Directory.CreateTempSubdirectory("rw-sf-xlsx-").FullName;
        try
        {
            using (var reader = CsvTableReader.Open(new ReturnFile(File, () => System.IO.File.OpenRead(Path.Combine(fixture.Folder, File)))))
            using (var stream = System.IO.File.Create(Path.Combine(xlsxFolder, "families.xlsx")))
                SfTemplate.WriteXlsx(stream, reader.Rows().Select(r => (IReadOnlyList<string>)r.Values).ToList());

            IngestSf(csv, fixture.Folder);
            var report = IngestSf(excel, xlsxFolder);

            Assert.Equal(SubmissionStates.Loaded, report.Outcome);
            const string facts = "select family_key, attached_date, lead_service, need_count, claim_type, claim_date, closed_date from dw.fact_sf_family order by family_key";
            Assert.Equal(Render(csv.Warehouse.Rows(facts)), Render(excel.Warehouse.Rows(facts)));
        }
        finally
        {
            Directory.Delete(xlsxFolder, recursive: true);
        }

        static string Render(IEnumerable<object?[]> rows) => string.Join("\n", rows.Select(r => string.Join("|", r)));
    }

    [Fact]
    public void Family_ids_become_keyed_pseudonyms_that_never_match_a_child_with_the_same_id()
    {
        using var harness = new PipelineHarness();
        using var fixture = ReturnFixture.Copy("valid-919-2024-Q3", "SupportingFamilies");

        IngestSf(harness, fixture.Folder);

        var pseudonymiser = new ChildPseudonymiser(PipelineHarness.Key);
        var keys = harness.Warehouse.Rows("select family_key from dw.fact_sf_family").Select(r => Convert.ToInt64(r[0])).ToList();
        Assert.Contains(pseudonymiser.KeyFor("919", "SF\u001fF1"), keys);
        Assert.DoesNotContain(pseudonymiser.KeyFor("919", "F1"), keys);
    }

    [Fact]
    public void A_rejected_quarter_leaves_the_warehouse_as_it_was_and_a_resubmission_replaces_the_quarter()
    {
        using var harness = new PipelineHarness();
        using var first = ReturnFixture.Copy("valid-919-2024-Q3", "SupportingFamilies");
        IngestSf(harness, first.Folder);
        var before = harness.Snapshot();

        using var bad = ReturnFixture.Copy("valid-919-2024-Q3", "SupportingFamilies");
        bad.Set(File, 2, "LA_CODE", "881");
        Assert.Equal(SubmissionStates.Rejected, IngestSf(harness, bad.Folder).Outcome);
        Assert.Equal(before, harness.Snapshot());

        using var corrected = ReturnFixture.Copy("valid-919-2024-Q3", "SupportingFamilies");
        corrected.Set(File, 4, "LEAD_PRACTITIONER_SERVICE", "VCS");
        Assert.Equal(SubmissionStates.Loaded, IngestSf(harness, corrected.Folder).Outcome);
        Assert.Equal(5, harness.Count("dw.fact_sf_family"));
        Assert.Equal(1, harness.Count("dw.fact_sf_family", "lead_service = 'VCS'"));
        Assert.Equal("unchanged", IngestSf(harness, corrected.Folder).Outcome);
    }

    [Fact]
    public void A_quarter_replaced_by_one_holding_under_half_its_families_is_refused_unless_the_la_says_why()
    {
        using var harness = new PipelineHarness();
        using var full = ReturnFixture.Copy("valid-919-2024-Q3", "SupportingFamilies");
        using var one = ReturnFixture.Copy("valid-919-2024-Q3", "SupportingFamilies");
        var lines = System.IO.File.ReadAllLines(Path.Combine(one.Folder, File));
        one.Write(File, string.Join("\n", lines.Take(2)) + "\n");
        IngestSf(harness, full.Folder);
        var before = harness.Snapshot();

        var refused = IngestSf(harness, one.Folder);

        Assert.Equal(SubmissionStates.Rejected, refused.Outcome);
        Assert.Contains("1 rows where the loaded one has 5", Assert.Single(refused.Issues, i => i.RuleCode == "SUB-07").Message);
        Assert.Equal(before, harness.Snapshot());

        one.Write(SubmissionFiles.ReplacementReason, "Four families were entered under the wrong LA and have been withdrawn.");
        var explained = IngestSf(harness, one.Folder);
        Assert.NotEqual(SubmissionStates.Rejected, explained.Outcome);
        Assert.Equal(1, harness.Count("dw.fact_sf_family", "collection_year = 2025 and quarter = 3"));
    }

    public static TheoryData<string, byte[]> BrokenWorkbooks()
    {
        var random = new Random(7);
        var noise = new byte[4096];
        random.NextBytes(noise);
        using var valid = new MemoryStream();
        SfTemplate.WriteXlsx(valid, []);
        var bytes = valid.ToArray();
        return new()
        {
            { "random bytes", noise },
            { "truncated", bytes[..(bytes.Length / 2)] },
            { "a zip with no workbook", EmptyZip() },
        };

        static byte[] EmptyZip()
        {
            using var stream = new MemoryStream();
            using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
                zip.CreateEntry("readme.txt");
            return stream.ToArray();
        }
    }

    [Theory]
    [MemberData(nameof(BrokenWorkbooks))]
    public void A_workbook_that_cannot_be_read_is_one_finding_naming_the_file_and_changes_nothing(string what, byte[] content)
    {
        using var harness = new PipelineHarness();
        var folder = Directory.CreateTempSubdirectory("rw-sf-broken-").FullName;
        try
        {
            System.IO.File.WriteAllBytes(Path.Combine(folder, "families.xlsx"), content);

            var report = IngestSf(harness, folder);

            Assert.Equal(SubmissionStates.Rejected, report.Outcome);
            var finding = Assert.Single(report.Issues, i => i.Severity == Etl.Validation.Severity.Error);
            Assert.True(finding.RuleCode == "TAB-07", $"{what}: {finding.RuleCode} {finding.Message}");
            Assert.Contains("families.xlsx", finding.Message);
            Assert.Equal(0, harness.Count("dw.fact_sf_family"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Supporting_families_cannot_be_submitted_region_wide()
    {
        using var harness = new PipelineHarness();
        using var fixture = ReturnFixture.Copy("valid-919-2024-Q3", "SupportingFamilies");

        var report = IngestSf(harness, fixture.Folder, la: SubmissionIdentity.RegionWide);

        Assert.Equal(SubmissionStates.Rejected, report.Outcome);
        Assert.Contains(report.Issues, i => i.RuleCode == "SUB-03");
    }
}
