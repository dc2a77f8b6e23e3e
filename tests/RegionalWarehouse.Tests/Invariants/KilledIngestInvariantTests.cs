using System.Diagnostics;
using CsCheck;
using RegionalWarehouse.Synthetic.Ssda903;

namespace RegionalWarehouse.Tests.Invariants;

/// <summary>
/// `rw ingest` killed outright (SIGKILL, the whole process) at a moment CsCheck picks, from start-up to the end of the
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

    /// <summary>The submission ledger, for a failure message.</summary>
    private string Ledger()
    {
        using var connection = new RegionalWarehouse.Warehouse.Engines.DuckDbEngine(WarehouseFile).Open();
        using var command = connection.CreateCommand();
        command.CommandText = "select string_agg(submission_id || ' ' || state || (case when is_current then ' current' else '' end), '; ' order by submission_id) from etl.submission";
        return command.ExecuteScalar()?.ToString() ?? "(none)";
    }

    private RwResult Ingest(string version) => RwProcess.Run(_folder, Environment, "ingest", version, "--la", "919", "--period", "2024");

    /// <summary>Starts `rw ingest` and kills its whole process tree after the given time (or lets it finish first).</summary>
    private void KillAfter(string version, int milliseconds)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "rw.dll"), "ingest", version, "--la", "919", "--period", "2024" })
            start.ArgumentList.Add(argument);
        foreach (var (key, value) in Environment)
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
