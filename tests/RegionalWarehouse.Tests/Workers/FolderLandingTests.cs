using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RegionalWarehouse.Etl.Landing;
using RegionalWarehouse.Etl.Workers;

namespace RegionalWarehouse.Tests.Workers;

/// <summary>The landing folder never follows a link out of landing, and archives everything an LA dropped.</summary>
public class FolderLandingTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rw-landing-").FullName;
    private readonly string _outside = Directory.CreateTempSubdirectory("rw-outside-").FullName;

    private (FolderLandingStore Store, string Folder) Drop()
    {
        var store = new FolderLandingStore(_root);
        store.EnsureReadyAsync(default).GetAwaiter().GetResult();
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        var folder = Path.Combine(store.LandingFolder, "919", "SSDA903", "2024", "upload1");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(fixture.Folder))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(folder, SubmissionFiles.ReadyMarker), "");
        return (store, folder);
    }

    [Fact]
    public async Task A_link_in_a_submission_is_never_read_nor_copied_into_archive_or_quarantine()
    {
        var (store, folder) = Drop();
        var secret = Path.Combine(_outside, "secret.csv");
        File.WriteAllText(secret, "NOT,FOR,THE,PLATFORM\n");
        File.CreateSymbolicLink(Path.Combine(folder, "linked.csv"), secret);
        var submission = Assert.Single(await store.DiscoverAsync(default));

        var files = await store.OpenFilesAsync(submission, default);
        await using (var claim = (await store.TryClaimAsync(submission, default))!)
            await store.MoveAsync(submission, claim, LandingArea.Quarantine, "919/SSDA903/2024/1", default);

        Assert.DoesNotContain(files, f => f.Name == "linked.csv");
        Assert.DoesNotContain(Directory.GetFiles(store.AreaFolder(LandingArea.Quarantine), "*", SearchOption.AllDirectories),
            f => File.ReadAllText(f).Contains("NOT,FOR,THE,PLATFORM"));
        Assert.True(File.Exists(secret));
    }

    [Fact]
    public async Task A_subfolder_in_a_submission_is_archived_with_it_not_deleted()
    {
        var (store, folder) = Drop();
        Directory.CreateDirectory(Path.Combine(folder, "notes"));
        File.WriteAllText(Path.Combine(folder, "notes", "readme.txt"), "sent by the LA");
        var submission = Assert.Single(await store.DiscoverAsync(default));

        await using (var claim = (await store.TryClaimAsync(submission, default))!)
            await store.MoveAsync(submission, claim, LandingArea.Archive, "919/SSDA903/2024/1", default);

        Assert.Equal("sent by the LA", File.ReadAllText(Path.Combine(store.AreaFolder(LandingArea.Archive), "919", "SSDA903", "2024", "1", "notes", "readme.txt")));
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task A_linked_folder_in_landing_is_not_discovered()
    {
        var store = new FolderLandingStore(_root);
        await store.EnsureReadyAsync(default);
        var elsewhere = Path.Combine(_outside, "919", "SSDA903", "2024", "upload1");
        Directory.CreateDirectory(elsewhere);
        File.WriteAllText(Path.Combine(elsewhere, SubmissionFiles.ReadyMarker), "");
        Directory.CreateSymbolicLink(Path.Combine(store.LandingFolder, "919"), Path.Combine(_outside, "919"));

        Assert.Empty(await store.DiscoverAsync(default));
    }

    [Fact]
    public void A_submission_name_with_control_characters_is_logged_escaped_never_as_a_new_line()
    {
        var submission = LandedSubmission.FromPath("919/SSDA903/2024/ok\nFAKE LOG LINE\u001b[2J", isZip: false)!;

        Assert.Equal("919/SSDA903/2024/ok\\u000aFAKE LOG LINE\\u001b[2J", submission.ToString());
    }

    [Fact]
    public async Task A_folder_swapped_for_a_link_after_discovery_is_neither_claimed_nor_followed()
    {
        var store = new FolderLandingStore(_root);
        await store.EnsureReadyAsync(default);
        var folder = Path.Combine(store.LandingFolder, "919", "SSDA903", "2024", "upload1");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, SubmissionFiles.ReadyMarker), "");
        var discovered = Assert.Single(await store.DiscoverAsync(default));
        // Another LA's files, and a marker outside landing, that a followed link would copy and delete.
        var elsewhere = Path.Combine(_outside, "881-upload");
        Directory.CreateDirectory(elsewhere);
        File.WriteAllText(Path.Combine(elsewhere, "header.csv"), "CHILD\nESSEX-CHILD\n");
        File.WriteAllText(Path.Combine(elsewhere, SubmissionFiles.ReadyMarker), "");
        Directory.Delete(folder, recursive: true);
        Directory.CreateSymbolicLink(folder, elsewhere);

        await using var claim = await store.TryClaimAsync(discovered, default);

        Assert.Null(claim);
        await Assert.ThrowsAsync<RegionalWarehouse.Etl.Csv.UnreadableInputException>(() => store.OpenFilesAsync(discovered, default));
        Assert.True(File.Exists(Path.Combine(elsewhere, SubmissionFiles.ReadyMarker)));
    }

    [Fact]
    public async Task A_folder_under_an_unknown_return_type_is_quarantined_with_a_report_not_left_in_landing()
    {
        using var harness = new PipelineHarness();
        var store = new FolderLandingStore(_root);
        await store.EnsureReadyAsync(default);
        var folder = Path.Combine(store.LandingFolder, "919", "SSDA9O3", "2024", "upload1");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "episodes.csv"), "CHILD,DECOM\n");
        File.WriteAllText(Path.Combine(folder, SubmissionFiles.ReadyMarker), "");
        var processor = new SubmissionProcessor(store, harness.Pipeline, harness.Warehouse.Engine, Options.Create(new WorkerOptions()),
            TimeProvider.System, NullLogger<SubmissionProcessor>.Instance);

        var outcome = await processor.ProcessAsync(Assert.Single(await store.DiscoverAsync(default)), default);

        Assert.Equal(ProcessOutcome.Rejected, outcome);
        Assert.Empty(await store.DiscoverAsync(default));
        var report = Directory.GetFiles(store.AreaFolder(LandingArea.Reports), "report.md", SearchOption.AllDirectories).Single();
        Assert.Contains("SUB-05", File.ReadAllText(report));
        Assert.Contains("SSDA903", File.ReadAllText(report));
        Assert.Single(Directory.GetFiles(store.AreaFolder(LandingArea.Quarantine), "episodes.csv", SearchOption.AllDirectories));
    }

    [Fact]
    public void An_attempt_left_validating_by_a_worker_that_died_counts_as_a_failed_attempt()
    {
        using var harness = new PipelineHarness();
        var ledger = new SubmissionLedger(harness.Warehouse.Engine, TimeProvider.System);
        var identity = new SubmissionIdentity("919", "SSDA903", "2024");
        using var connection = harness.Warehouse.Engine.Open();
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            // A worker opens the attempt, starts validating, and is killed before it can record anything.
            var id = ledger.Open(connection, identity, "landing/919/SSDA903/2024/x", "hash-1");
            ledger.SetState(connection, null, id, SubmissionStates.Validating);

            var failures = ledger.Failures(connection, identity, "hash-1");

            Assert.Equal(attempt, failures.Count);
            Assert.Contains("worker stopped", failures.LastMessage);
        }
        Assert.Equal(0, ledger.Failures(connection, identity, "another-hash").Count);
    }

    [Fact]
    public async Task A_load_whose_storage_went_away_after_commit_is_completed_as_loaded_not_reported_unchanged()
    {
        using var harness = new PipelineHarness();
        var (folderStore, _) = Drop();
        var store = new FailingLandingStore(folderStore) { MovesFail = true };
        var processor = new SubmissionProcessor(store, harness.Pipeline, harness.Warehouse.Engine, Options.Create(new WorkerOptions()),
            TimeProvider.System, NullLogger<SubmissionProcessor>.Instance);
        var submission = Assert.Single(await store.DiscoverAsync(default));

        await Assert.ThrowsAsync<IOException>(() => processor.ProcessAsync(submission, default));
        Assert.Equal(1, harness.Count("etl.submission", "state = 'loaded' and is_current"));   // committed, not filed away
        store.MovesFail = false;
        var outcome = await processor.ProcessAsync(Assert.Single(await store.DiscoverAsync(default)), default);

        Assert.Equal(ProcessOutcome.Loaded, outcome);                    // so the discover job refreshes the marts
        var report = File.ReadAllText(Directory.GetFiles(folderStore.AreaFolder(LandingArea.Reports), "report.md", SearchOption.AllDirectories).Single());
        Assert.Contains(": loaded", report);
        Assert.Contains("this completes it", report);
        Assert.Empty(await store.DiscoverAsync(default));
    }

    [Fact]
    public async Task A_folder_dropped_under_a_period_typed_with_a_slash_is_refused_with_a_report_not_left_unseen()
    {
        // Found by the invariant harness in blob mode: 919/SSDA903/2024/25/upload/ was deeper than the layout, so no
        // worker ever saw it and the LA never heard why.
        using var harness = new PipelineHarness();
        var (store, folder) = Drop();
        var deeper = Path.Combine(store.LandingFolder, "919", "SSDA903", "2024", "25", "upload1");
        Directory.CreateDirectory(Path.GetDirectoryName(deeper)!);
        Directory.Move(folder, deeper);
        var processor = new SubmissionProcessor(store, harness.Pipeline, harness.Warehouse.Engine, Options.Create(new WorkerOptions()),
            TimeProvider.System, NullLogger<SubmissionProcessor>.Instance);

        var submission = Assert.Single(await store.DiscoverAsync(default));
        Assert.Equal(("2024/25", "upload1"), (submission.Period, submission.Name));
        Assert.Equal(ProcessOutcome.Rejected, await processor.ProcessAsync(submission, default));

        Assert.Empty(await store.DiscoverAsync(default));
        var report = File.ReadAllText(Directory.GetFiles(store.AreaFolder(LandingArea.Quarantine), "report.md", SearchOption.AllDirectories).Single());
        Assert.Contains("SUB-02", report);
        Assert.Equal(0, harness.Count("dw.fact_cla_episode"));
    }

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }
}
