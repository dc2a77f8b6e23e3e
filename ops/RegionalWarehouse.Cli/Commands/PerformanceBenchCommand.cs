using System.Runtime.InteropServices;
using RegionalWarehouse.Dashboard;
using RegionalWarehouse.Etl.Benchmarks;
using RegionalWarehouse.Synthetic.Bench;

namespace RegionalWarehouse.Cli.Commands;

public static class PerformanceBenchCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Where to keep generated files (reused next time) and write bench.json / bench.md.", DefaultValueFactory = _ => Path.Combine("data", "bench") };
        var sizes = new Option<string>("--sizes") { Description = "What to run, comma-separated: the sizes large-la, region, national, and hostile (zip bomb, garbage, huge lines, wide files through the pipeline, each with its own peak memory).", DefaultValueFactory = _ => "large-la,region,national,hostile" };
        var memory = new Option<string>("--memory-limit") { Description = "DuckDB's buffer pool cap for the bench warehouses (as Warehouse:DuckDbMemoryLimit).", DefaultValueFactory = _ => RegionalWarehouse.Warehouse.Engines.DuckDbEngine.DefaultMemoryLimit };
        var parallel = new Option<int>("--parallel") { Description = "Returns processed at once (default: one per core).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("bench",
            "Measure ingest throughput (by stage, against DuckDB's own read_csv of the same files), one large LA's latency to refreshed marts, " +
            "the DfE's LAIT release load, benchmark query p50/p95 and peak memory on synthetic 903 data at three sizes; writes JSON and Markdown.")
        {
            output, sizes, parallel, memory,
        };
        command.SetAction(parse =>
        {
            var root = Path.GetFullPath(parse.GetValue(output)!);
            var runner = new BenchRunner(root, Math.Max(1, parse.GetValue(parallel)), parse.GetValue(memory)!, line => AnsiConsole.WriteLine(line));
            var region = GenerateCommand.EastOfEngland;
            var all = new[]
            {
                new BenchSize("large-la", ["881"], 2025, 2025, 2.0),
                new BenchSize("region", region, 2019, 2025, 1.0),
                new BenchSize("national", BenchRunner.NationalLas(region), 2019, 2025, 1.0),
            };
            var wanted = parse.GetValue(sizes)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var unknown = wanted.Except(all.Select(s => s.Name)).Except([Hostile]).ToList();
            if (unknown.Count > 0)
                throw new ArgumentException($"Unknown size(s) {string.Join(", ", unknown)}: use large-la, region, national, {Hostile}.");

            var results = new List<BenchSizeResult>();
            foreach (var size in all.Where(s => wanted.Contains(s.Name)))
            {
                AnsiConsole.WriteLine($"{size.Name}: {size.LaCodes.Count} LA(s), {size.FirstYear}-{size.LastYear}, scale {size.Scale}");
                results.Add(runner.Run(size));
            }
            var (latency, check, published, p50, p95, count) = results.Count > 0 ? OnTheWarehouses(runner, results, region) : default;
            var validation = results.Count > 0 ? runner.ValidationOfALargeReturn(results[0].Engine) : null;
            var peak = System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64;

            IReadOnlyList<HostileResult> hostile = [];
            if (wanted.Contains(Hostile))
            {
                AnsiConsole.WriteLine("hostile inputs: one at a time, each with its own peak memory");
                hostile = runner.Hostile();
            }

            if (results.Count > 0)
            {
                AnsiConsole.WriteLine("reference: DuckDB read_csv of the same files");
                results = results.Select(runner.WithNativeReference).ToList();
            }

            var report = new BenchReport($"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}",
                DateTime.UtcNow, parse.GetValue(parallel), results, latency, p50, p95, count, peak, results.Count > 0 ? published : null)
            {
                Hostile = hostile,
                Validation = validation,
                LatencyWarehouse = results.Count > 0 ? results[^1].Size : null,
                IncrementalCheck = results.Count > 0 ? check : null,
            };
            File.WriteAllText(Path.Combine(root, "bench.json"), report.Json());
            File.WriteAllText(Path.Combine(root, "bench.md"), report.Markdown());
            AnsiConsole.WriteLine();
            AnsiConsole.Write(report.Markdown());
            AnsiConsole.WriteLine($"Written: {Path.Combine(root, "bench.json")} and bench.md");
            return report.Targets().All(t => t.Met) ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    private const string Hostile = "hostile";

    /// <summary>Latency, the published data's load and query timings, measured on the warehouses the sizes built.</summary>
    private static (double Latency, IncrementalRefreshCheck? Check, double Published, double P50, double P95, int Count) OnTheWarehouses(
        BenchRunner runner, List<BenchSizeResult> results, IReadOnlyList<string> region)
    {
        // Everything on the largest warehouse built (national when it ran): the latency where it is hardest, the
        // DfE's data beside it, the check that the refreshes after those loads left the marts a full refresh
        // would, and the queries.
        var largest = results[^1];
        AnsiConsole.WriteLine($"latency: one large LA's year landing again on the {largest.Size} warehouse, to refreshed marts");
        var timing = runner.LatencyOfOneYear(largest, "881", 2025);
        var latency = timing.Seconds;
        AnsiConsole.WriteLine($"  {latency:N2}s: parse + validate {timing.ParseValidateSeconds:N2}s, load {timing.LoadSeconds:N2}s, mart refresh {timing.RefreshSeconds:N2}s");

        AnsiConsole.WriteLine($"published data: the DfE's LAIT release and neighbour model onto the {largest.Size} warehouse");
        var published = runner.LoadPublished(largest.Engine);
        AnsiConsole.WriteLine($"comparing the marts the refreshes after those loads left with a full refresh of the {largest.Size} warehouse");
        var check = runner.IncrementalMatchesFull(largest.Engine);
        AnsiConsole.WriteLine($"  full refresh {check.FullRefreshSeconds:N1}s, marts {(check.Same ? "identical" : "DIFFERENT")}");

        var dashboard = new DashboardQueries(largest.Engine);
        var las = BenchRunner.NationalLas(region).Take(largest.Las).Take(40).ToList();
        var queries = las.SelectMany(la => new Action[]
        {
            () => BenchmarkQuery.ForLa(largest.Engine, la, 2025),
            () => dashboard.Trend(la, "cla_rate_per_10k"),
            () => dashboard.Ranking("stability_short_term_pct", 2025),
        }).Concat(
        [
            // The dashboard's map and scatter across England, as its Map and Correlation views ask them.
            () => dashboard.Map(MetricCatalogue.Find("stability_short_term_pct"), 2025, AreaScope.England),
            () => dashboard.Correlation(MetricCatalogue.Find("cla_rate_per_10k"), "imd_average_score", 2025, AreaScope.England),
            () => dashboard.Compare([.. las.Take(5)], ["cla_rate_per_10k", "stability_short_term_pct"], 2025),
        ]).ToList();
        var (p50, p95, count) = BenchRunner.QueryLatencies(queries);
        return (latency, check, published, p50, p95, count);
    }
}
