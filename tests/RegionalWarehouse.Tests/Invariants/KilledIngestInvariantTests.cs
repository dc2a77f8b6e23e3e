using System.Diagnostics;
using CsCheck;
using RegionalWarehouse.Synthetic.Ssda903;

namespace RegionalWarehouse.Tests.Invariants;

/// <summary>
/// `rw ingest`, and `rw worker`, killed outright (SIGKILL, the whole process) at a moment CsCheck picks, from start-up to the end of the
/// load: whenever it dies, the warehouse has exactly one current submission for the return and no row outside it,
/// and running `rw ingest` again (with the same or another version of the return) ends with every attempt in a final
/// state (the killed one failed), `rw status` naming the loaded one, and no mart refresh owed.
/// </summary>
public sealed class KilledIngestInvariantTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rw-killed-ingest-").FullName;

    private static readonly Dictionary<string, string> Environment = new()
    {
        ["RW__Privacy__PseudonymisationKey"] = PipelineHarness.Key,
        ["RW__Logging__LogLevel__Default"] = "Warning",
    };

    private string WarehouseFile => Path.Combine(_folder, "data", "warehouse.duckdb");

    private long Count(string sql) => WorkerRun.Count(WarehouseFile, sql);

    [Fact]
    public void Rw_ingest_killed_at_any_moment_leaves_one_current_return_and_the_next_run_finishes_every_attempt()
    {
        // Two versions of Hertfordshire's 2024 return: each ingest of the one not current replaces it.
        var request = new GeneratorRequest(["919"], 2024, 2024, Seed: 11, Scale: 0.5);
        var versions = new[] { 11, 12 }.Select(seed => Ssda903Generator.Write(
            Ssda903Generator.Generate(request with { Seed = seed }).Single(), Path.Combine(_folder, $"v{seed}"))).ToArray();
        var clock = Stopwatch.StartNew();
        Assert.Equal(0, Ingest(versions[0]).ExitCode);
        var whole = (int)clock.ElapsedMilliseconds;

        // A bounded run in the suite; RW_INVARIANT_KILLS makes it longer.
        var kills = int.TryParse(System.Environment.GetEnvironmentVariable("RW_INVARIANT_KILLS"), out var n) ? n : 3;
        Gen.Select(Gen.Int[0, whole], Gen.Int[0, 1], Gen.Int[0, 1]).Sample((delay, killed, rerun) =>
        {
            KillAfter(versions[killed], delay);

            Assert.True(Count("select count(*) from etl.submission where la_code = '919' and return_type = 'SSDA903' and period = '2024' and is_current") == 1,
                $"killed after {delay} ms: not one current submission: {Ledger()}");
            Assert.True(Count("select count(*) from dw.fact_cla_episode where submission_id not in (select submission_id from etl.submission where is_current)") == 0,
                $"killed after {delay} ms: episodes outside the current submission: {Ledger()}");

            var again = Ingest(versions[rerun]);
            Assert.True(again.ExitCode == 0, $"killed after {delay} ms, then: {again.Output}{again.Error}");
            Assert.True(Count("select count(*) from etl.submission where state in ('received', 'validating', 'loading')") == 0, $"an attempt left in flight: {Ledger()}");
            // rw status: the latest attempt (loaded, unchanged, or the killed one now failed) and the loaded one the figures come from.
            Assert.True(Count("""
                select count(*) from etl.submission_status s join etl.submission c on c.submission_id = s.current_submission_id
                where c.state in ('loaded', 'loaded_with_warnings', 'loaded_with_errors')
                """) == 1, $"rw status does not name the loaded return: {Ledger()}");
            Assert.True(Count("select count(*) from etl.mart_refresh_owed") == 0, $"killed after {delay} ms, then {again.Output.Trim()}: a mart refresh still owed: {Ledger()}");
        }, iter: kills, threads: 1);
    }

    [Fact]
    public void A_worker_killed_at_any_moment_leaves_nothing_half_done_and_the_next_worker_finishes_every_upload()
    {
        var request = new GeneratorRequest(["919"], 2024, 2024, Seed: 11, Scale: 0.5);
        var versions = new[] { 11, 12 }.Select(seed => Ssda903Generator.Write(
            Ssda903Generator.Generate(request with { Seed = seed }).Single(), Path.Combine(_folder, $"v{seed}"))).ToArray();
        var worker = new Dictionary<string, string>(Environment) { ["RW__Worker__DiscoverIntervalSeconds"] = "1", ["RW__Dashboard__Url"] = "http://127.0.0.1:0" };
        var storage = Path.Combine(_folder, "data", "storage");
        var uploads = new List<string>();
        string Drop(int version)
        {
            var name = $"upload{uploads.Count}";
            var folder = Directory.CreateDirectory(Path.Combine(storage, "landing", "919", "SSDA903", "2024", name)).FullName;
            foreach (var file in Directory.GetFiles(versions[version]))
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            File.WriteAllText(Path.Combine(folder, SubmissionFiles.ReadyMarker), "");
            uploads.Add(name);
            return name;
        }
        Drop(0);
        var clock = Stopwatch.StartNew();
        Assert.Equal(0, RwProcess.Run(_folder, worker, "worker", "--exit-when-idle").ExitCode);
        var whole = (int)clock.ElapsedMilliseconds;

        var kills = int.TryParse(System.Environment.GetEnvironmentVariable("RW_INVARIANT_KILLS"), out var n) ? Math.Max(1, n / 3) : 2;
        Gen.Select(Gen.Int[0, whole], Gen.Int[0, 1]).Sample((delay, version) =>
        {
            Drop(version);
            KillAfter(worker, delay, "worker", "--exit-when-idle");
            Assert.True(Count("select count(*) from etl.submission where is_current") == 1, $"killed after {delay} ms: not one current submission: {Ledger()}");

            var restart = RwProcess.Run(_folder, worker, "worker", "--exit-when-idle");
            Assert.True(restart.ExitCode == 0, $"killed after {delay} ms, then: {restart.Error}");
            Assert.Empty(Directory.GetFiles(Path.Combine(storage, "landing"), SubmissionFiles.ReadyMarker, SearchOption.AllDirectories));
            Assert.True(Count("select count(*) from etl.submission where state in ('received', 'validating', 'loading')") == 0, $"an attempt left in flight: {Ledger()}");
            Assert.True(Count("select count(*) from dw.fact_cla_episode where submission_id not in (select submission_id from etl.submission where is_current)") == 0,
                $"episodes outside the current submission: {Ledger()}");
            Assert.True(Count("select count(*) from etl.mart_refresh_owed") == 0, $"killed after {delay} ms: a mart refresh still owed: {Ledger()}");
            // Every upload was filed away once, with its report: none lost, none filed twice.
            var filed = new[] { "archive", "quarantine" }.Select(area => Path.Combine(storage, area, "919", "SSDA903", "2024")).Where(Directory.Exists)
                .SelectMany(Directory.GetDirectories).Select(Path.GetFileName).ToList();
            foreach (var upload in uploads)
                Assert.True(filed.Count(f => f!.EndsWith("-" + upload, StringComparison.Ordinal) || f.Contains($"-{upload}-", StringComparison.Ordinal)) == 1,
                    $"killed after {delay} ms: {upload} filed as [{string.Join(", ", filed)}]");
        }, iter: kills, threads: 1);
    }

    /// <summary>The submission ledger, for a failure message.</summary>
    private string Ledger()
    {
        using var connection = new RegionalWarehouse.Warehouse.Engines.DuckDbEngine(WarehouseFile).Open();
        using var command = connection.CreateCommand();
        command.CommandText = "select string_agg(submission_id || ' ' || state || (case when is_current then ' current' else '' end), '; ' order by submission_id) from etl.submission";
        return command.ExecuteScalar()?.ToString() ?? "(none)";
    }

    private RwResult Ingest(string version) => RwProcess.Run(_folder, Environment, "ingest", version, "--la", "919", "--period", "2024");

    private void KillAfter(string version, int milliseconds) =>
        KillAfter(Environment, milliseconds, "ingest", version, "--la", "919", "--period", "2024");

    /// <summary>Starts rw and kills its whole process tree after the given time (or lets it finish first).</summary>
    private void KillAfter(IReadOnlyDictionary<string, string> environment, int milliseconds, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments.Prepend(Path.Combine(AppContext.BaseDirectory, "rw.dll")))
            start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(milliseconds))
            process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
