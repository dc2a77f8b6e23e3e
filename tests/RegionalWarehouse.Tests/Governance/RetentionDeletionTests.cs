using Microsoft.Extensions.Logging.Abstractions;
using RegionalWarehouse.Etl.Benchmarks;
using RegionalWarehouse.Etl.Governance;
using RegionalWarehouse.Etl.Hosting;
using RegionalWarehouse.Etl.Landing;
using RegionalWarehouse.Etl.Ssda903;
using RegionalWarehouse.Synthetic.Context;
using RegionalWarehouse.Synthetic.Ssda903;

namespace RegionalWarehouse.Tests.Governance;

/// <summary>
/// Retention deletes exactly the child-level rows past their agreement's retention, and their raw files, and nothing
/// else: Bedford's and Hertfordshire's 2019 903 returns (period ended 31 March 2019) expire on 1 April 2025 under
/// EOE-CLA-2024's six years; their 2020-2024 returns stay, and so does every published figure.
/// </summary>
public sealed class RetentionDeletionTests : IClassFixture<RetentionDeletionTests.History>, IDisposable
{
    private static readonly string[] Las = ["919", "822"];
    private static readonly DateOnly Day = new(2025, 6, 1);

    /// <summary>
    /// The two LAs' 903s for 2019-2024 loaded, and what the workers leave behind in storage (each upload archived
    /// under its submission with its report in reports/, a rejected resend of 919's 2019 in quarantine); built once,
    /// each test working on its own copy.
    /// </summary>
    public sealed class History : IDisposable
    {
        public PipelineHarness Harness { get; } = new(refreshAfterEachLoad: false);

        public string Store => Path.Combine(Harness.Warehouse.Folder, "store");

        public History()
        {
            var population = Directory.CreateDirectory(Path.Combine(Harness.Warehouse.Folder, "population")).FullName;
            File.WriteAllLines(Path.Combine(population, "population.csv"), ContextGenerator.Population(Las, 2018, 2023, seed: 3));
            Assert.Equal(SubmissionStates.Loaded, Harness.Ingest("POPULATION", SubmissionIdentity.RegionWide, "2023", population).Outcome);
            foreach (var generated in Ssda903Generator.Generate(new GeneratorRequest(Las, 2019, 2024, Seed: 8, Scale: 0.15)).OrderBy(g => g.Year))
            {
                var folder = Ssda903Generator.Write(generated, Path.Combine(Harness.Warehouse.Folder, "generated"));
                var report = Harness.Ingest903(folder, generated.LaCode, generated.Year.ToString());
                Assert.NotEqual(SubmissionStates.Rejected, report.Outcome);
                WriteFile(LandingArea.Archive, $"{generated.LaCode}/SSDA903/{generated.Year}/{report.SubmissionId}-upload-20250101T000000000/header.csv");
                WriteFile(LandingArea.Reports, $"{generated.LaCode}/SSDA903/{generated.Year}/{report.SubmissionId}-upload-20250101T000000000/report.md");
            }
            WriteFile(LandingArea.Quarantine, "919/SSDA903/2019/unrecorded-resent-20250102T000000000/episodes.csv");
            Harness.Marts.Refresh();
        }

        private void WriteFile(LandingArea area, string path)
        {
            var full = Path.Combine(new FolderLandingStore(Store).AreaFolder(area), path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, "CHILD,DOB\n1,01/01/2010\n");
        }

        public void Dispose() => Harness.Dispose();
    }

    private readonly string _root = Directory.CreateTempSubdirectory("rw-retention-").FullName;
    private readonly PipelineHarness _harness;
    private readonly FolderLandingStore _landing;

    public RetentionDeletionTests(History history)
    {
        _harness = new PipelineHarness(TemporaryWarehouse.CopyOf(history.Harness.Warehouse), refreshAfterEachLoad: false);
        var store = Path.Combine(_root, "store");
        foreach (var file in Directory.EnumerateFiles(history.Store, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(store, Path.GetRelativePath(history.Store, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        _landing = new FolderLandingStore(store);
    }

    public void Dispose()
    {
        _harness.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private string[] FilesUnder(LandingArea area) =>
        Directory.Exists(_landing.AreaFolder(area))
            ? Directory.EnumerateFiles(_landing.AreaFolder(area), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_landing.AreaFolder(area), f)).Order().ToArray()
            : [];

    private ExpiredReturnDeletion Deletion(ILandingStore? landing = null) =>
        new(_harness.Warehouse.Engine, PlatformHost.ReturnTypes, landing ?? _landing, _harness.Marts, TimeProvider.System, NullLogger<ExpiredReturnDeletion>.Instance);

    /// <summary>Rows per fact table per submission, e.g. "dw.fact_cla_episode 12: 340".</summary>
    private SortedSet<string> RowsBySubmission() =>
        new(Ssda903Loader.FactTables.SelectMany(table => _harness.Warehouse.Rows($"select submission_id, count(*) from {table} group by submission_id")
            .Select(r => $"{table} {r[0]}: {r[1]}")), StringComparer.Ordinal);

    private string Marts() => string.Join("\n", new[]
    {
        "select * exclude (refreshed_at) from mart.benchmark",
        "select * from mart.benchmark_neighbour",
        "select * from mart.region_benchmark",
    }.SelectMany(sql => _harness.Warehouse.Rows(sql + " order by all").Select(r => string.Join("|", r)).Prepend(sql)));

    private long[] Expired2019 => _harness.Warehouse.Rows("select submission_id from etl.current_submission where period = '2019' order by 1").Select(r => Convert.ToInt64(r[0])).ToArray();

    [Fact]
    public async Task Deletes_every_child_level_row_of_the_expired_returns_and_no_other()
    {
        var expired = Expired2019;
        var before = RowsBySubmission();
        Assert.Equal(2, expired.Length);

        var run = await Deletion().RunAsync(Day, "test", default);

        Assert.Equal(expired, run.Deleted.Select(d => d.Return.SubmissionId).Order());
        var after = RowsBySubmission();
        var gone = before.Where(line => expired.Any(id => line.Contains($" {id}: ", StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(gone);
        Assert.Equal(before.Except(gone), after);
        Assert.Equal(gone.Sum(line => long.Parse(line[(line.LastIndexOf(' ') + 1)..])), run.Deleted.Sum(d => d.RowsDeleted));
        Assert.Empty(RetentionPlan.Find(_harness.Warehouse.Engine, PlatformHost.ReturnTypes, Day));
    }

    [Fact]
    public async Task Every_published_figure_stays_as_it_was_after_the_rows_behind_it_are_deleted()
    {
        var before = Marts();
        Assert.Contains("|2019|", before);

        var run = await Deletion().RunAsync(Day, "test", default);
        _harness.Marts.Refresh(MartScope.Everything);

        Assert.True(run.Deleted.Sum(d => d.MeasuresRetained) > 0);
        Assert.Equal(before, Marts());
        _harness.Marts.Refresh(MartScope.ForLa("919"));
        Assert.Equal(before, Marts());
    }

    [Fact]
    public async Task Without_the_kept_aggregates_a_refresh_would_lose_the_deleted_year_and_change_the_later_years_look_backs()
    {
        var before = Marts();
        await Deletion().RunAsync(Day, "test", default);
        // Later years keep only the look-back metrics, each as far as it reaches: stability two years, adoption (A1, A2) every year.
        var later = _harness.Warehouse.Rows("select distinct metric_id, collection_year from mart.retained_measure where collection_year > 2019")
            .Select(r => (Metric: (string)r[0]!, Year: Convert.ToInt32(r[1]))).ToList();
        Assert.Equal(["adoption_days_authority_to_match", "adoption_days_care_to_placed", "stability_long_term_pct"], later.Select(r => r.Metric).Distinct().Order());
        Assert.All(later, r => Assert.InRange(r.Year - 2019, 1, MetricCatalogue.Find(r.Metric).LooksBackYears));
        Assert.Equal([2020, 2021], later.Where(r => r.Metric == "stability_long_term_pct").Select(r => r.Year).Order());
        // The adoption scorecard's three-year averages have a figure from 2021, the first year with three years loaded.
        Assert.Equal([2021, 2022, 2023, 2024], later.Where(r => r.Metric == "adoption_days_care_to_placed").Select(r => r.Year).Order());
        Assert.Equal([2021, 2022, 2023, 2024], later.Where(r => r.Metric == "adoption_days_authority_to_match").Select(r => r.Year).Order());

        _harness.Warehouse.Execute("delete from mart.retained_measure");
        _harness.Marts.Refresh(MartScope.Everything);

        Assert.Equal(0, _harness.Count("mart.benchmark", "collection_year = 2019 and la_key in (select la_key from ref.local_authority where dfe_code in ('919', '822')) and value is not null"));
        Assert.NotEqual(before, Marts());
    }

    [Fact]
    public async Task The_expired_periods_archived_and_quarantined_files_go_and_their_reports_stay()
    {
        var reports = FilesUnder(LandingArea.Reports);

        var run = await Deletion().RunAsync(Day, "test", default);

        Assert.Equal(3, run.FilesDeleted);   // two archived uploads and the quarantined one
        Assert.DoesNotContain(FilesUnder(LandingArea.Archive), f => f.Contains("/2019/", StringComparison.Ordinal));
        Assert.Equal(10, FilesUnder(LandingArea.Archive).Length);
        Assert.Empty(FilesUnder(LandingArea.Quarantine));
        Assert.Equal(reports, FilesUnder(LandingArea.Reports));
    }

    [Fact]
    public async Task Files_left_when_storage_failed_are_deleted_by_the_next_run_without_touching_the_rows_again()
    {
        var down = new FailingLandingStore(_landing) { DeletesFail = true };
        await Assert.ThrowsAsync<IOException>(() => Deletion(down).RunAsync(Day, "test", default));
        Assert.Equal(2, _harness.Count("etl.retention_deletion", "files_deleted_at is null"));
        Assert.Contains(FilesUnder(LandingArea.Archive), f => f.Contains("/2019/", StringComparison.Ordinal));
        var rowsDeleted = _harness.Warehouse.Scalar<long>("select cast(sum(rows_deleted) as bigint) from etl.retention_deletion");

        var run = await Deletion().RunAsync(Day, "test", default);

        Assert.Empty(run.Deleted);
        Assert.Equal(3, run.FilesDeleted);
        Assert.Equal(0, _harness.Count("etl.retention_deletion", "files_deleted_at is null"));
        Assert.Equal(rowsDeleted, _harness.Warehouse.Scalar<long>("select cast(sum(rows_deleted) as bigint) from etl.retention_deletion"));
    }

    [Fact]
    public async Task Each_deletion_is_in_the_audit_trail_with_its_rows_and_files_and_a_second_run_deletes_nothing()
    {
        var run = await Deletion().RunAsync(Day, "rw retention --delete (ig-lead)", default);
        var again = await Deletion().RunAsync(Day, "rw retention --delete (ig-lead)", default);

        Assert.Empty(again.Deleted);
        Assert.Equal(0, again.FilesDeleted);
        var trail = _harness.Warehouse.Rows(
            "select la_code, period, row_count, actor from etl.audit_event where action = 'retention deletion' order by event_id").Select(r => string.Join("|", r)).ToList();
        Assert.Equal(4, trail.Count);   // rows and files, for each LA's 2019
        foreach (var d in run.Deleted)
            Assert.Contains($"{d.Return.LaCode}|2019|{d.RowsDeleted}|rw retention --delete (ig-lead)", trail);
    }

    [Fact]
    public async Task The_governance_report_lists_each_deletion_with_its_rows_and_files()
    {
        var run = await Deletion().RunAsync(Day, "test", default);

        var report = GovernanceReport.Markdown(_harness.Warehouse.Engine, new Etl.Governance.AccessOptions(), DateTime.UtcNow);

        foreach (var d in run.Deleted)
            Assert.Contains($"| {d.Return.LaCode} | SSDA903 | 2019 | EOE-CLA-2024 | 2025-04-01 | ", report);
        Assert.Contains($"| {run.Deleted[0].RowsDeleted:N0} | ", report);
        Assert.DoesNotContain("none deleted yet", report);
    }

    [Fact]
    public async Task Nothing_is_deleted_before_the_retention_has_run()
    {
        var before = RowsBySubmission();

        var run = await Deletion().RunAsync(new DateOnly(2025, 3, 31), "test", default);

        Assert.Empty(run.Deleted);
        Assert.Equal(before, RowsBySubmission());
        Assert.Equal(12, FilesUnder(LandingArea.Archive).Length);
    }
}
