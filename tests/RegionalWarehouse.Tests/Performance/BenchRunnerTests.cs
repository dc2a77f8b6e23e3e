using RegionalWarehouse.Synthetic.Bench;

namespace RegionalWarehouse.Tests.Performance;

/// <summary>
/// The benchmark's own correctness on a tiny size: it loads every generated return, and its DuckDB
/// reference reads the same files. (Its speed targets are held by `rw bench`, never by a timed test.)
/// </summary>
public sealed class BenchRunnerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rw-bench-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_tiny_bench_loads_every_return_and_the_reference_reads_the_same_episodes()
    {
        var lines = new List<string>();
        var runner = new BenchRunner(_root, 2, "128MB", lines.Add);

        var ours = runner.Run(new BenchSize("tiny", ["919", "101"], 2024, 2025, 0.05));
        var result = runner.WithNativeReference(ours);

        Assert.Equal(4, result.Returns);
        Assert.True(result.RowsLoaded > 0 && result.Episodes > 0);
        Assert.True(result.NativeSeconds > 0 && result.RatioToNative > 0);
        using (var connection = result.Engine.Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "select count(*) from native.episodes";
            Assert.Equal(result.Episodes, Convert.ToInt64(command.ExecuteScalar()));
        }
        var latency = runner.LatencyOfOneYear(result, "919", 2025).Seconds;
        var check = runner.IncrementalMatchesFull(result.Engine);
        Assert.True(check.Same, "the refresh after the latency load left other marts than a full refresh");
        var report = new BenchReport("test", DateTime.UtcNow, 2, [result], latency, 1, 2, 10, result.PeakWorkingSetBytes) { IncrementalCheck = check };
        Assert.Contains("| target | measured | met |", report.Markdown());
        Assert.Contains("= a full refresh", report.Markdown());
        Assert.Contains("independent DfE-rule 903 validator: not timed", report.Markdown());
        Assert.Contains("\"RowsLoaded\"", report.Json());
        Assert.Contains(lines, l => l.Contains("generated 2 LA(s) x 2 year(s)"));

        var again = runner.Run(new BenchSize("tiny", ["919", "101"], 2024, 2025, 0.05));
        Assert.Equal(result.RowsLoaded, again.RowsLoaded);
        Assert.Contains(lines, l => l.Contains("reusing the generated files"));
    }
}
