using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RegionalWarehouse.Etl.Benchmarks;
using RegionalWarehouse.Etl.Privacy;
using RegionalWarehouse.Etl.Submissions;
using RegionalWarehouse.Synthetic.Ssda903;
using RegionalWarehouse.Synthetic.Ssda903.Calibration;
using RegionalWarehouse.Warehouse.Engines;
using RegionalWarehouse.Warehouse.Migrations;

namespace RegionalWarehouse.Synthetic.Bench;

/// <summary>One benchmark size: which LAs, which years, at what scale.</summary>
public sealed record BenchSize(string Name, IReadOnlyList<string> LaCodes, int FirstYear, int LastYear, double Scale);

/// <summary>
/// `rw bench`: synthetic 903 histories at three sizes through the real pipeline on DuckDB, timed by stage,
/// beside DuckDB's own read_csv of the same files, plus the latency of one large LA's year from landing to
/// refreshed marts, the benchmark queries' p50/p95 and the process's peak memory.
/// </summary>
public sealed class BenchRunner(string root, int parallelism, string memoryLimit, Action<string> say)
{
    public const string Key = "benchmark-only-key-never-used-for-real-data-0123456789";

    /// <summary>
    /// England's authorities (every LA with published figures for 2024-25), the region's first, so "national" is
    /// England-shaped: each LA's synthetic returns follow its own published figures (PublishedTargets).
    /// </summary>
    public static IReadOnlyList<string> NationalLas(IReadOnlyList<string> region) =>
        [.. region, .. PublishedTargets.Shipped.LasPublishedIn(2025).Except(region)];

    /// <summary>The warehouse the size being run keeps open.</summary>
    private DuckDbEngine? _held;

    public BenchSizeResult Run(BenchSize size)
    {
        var folder = Path.Combine(root, size.Name);
        var landing = Path.Combine(folder, "landing");
        var generateSeconds = EnsureGenerated(size, landing);
        var files = Directory.GetFiles(landing, "*.csv", SearchOption.AllDirectories);
        var bytes = files.Sum(f => new FileInfo(f).Length);

        var warehouseFile = Path.Combine(folder, "bench.duckdb");
        // Earlier sizes' warehouses are let go (each instance has its own buffer pool, which would count against
        // this size's peak memory); they reopen on demand.
        _held?.ReleaseInstance();
        foreach (var stale in Directory.GetFiles(folder, "bench.duckdb*"))
            File.Delete(stale);
        var engine = new DuckDbEngine(warehouseFile, memoryLimit);
        new WarehouseMigrator(engine, NullLogger<WarehouseMigrator>.Instance).Migrate();
        engine.KeepInstanceOpen(); // as the worker does: a long-running process opens the file once
        _held = engine;
        AddSyntheticLas(engine, size.LaCodes);
        var (pipeline, marts) = Pipeline(engine);

        var submissions = Directory.GetFiles(landing, SubmissionFiles.ReadyMarker, SearchOption.AllDirectories).Select(Path.GetDirectoryName).Order().ToList();
        var stages = new StageClock();
        long rows = 0;
        var done = 0;
        var wall = Stopwatch.StartNew();
        Parallel.ForEach(submissions, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, folderPath =>
        {
            var parts = Path.GetRelativePath(landing, folderPath!).Split(Path.DirectorySeparatorChar);
            var tracker = stages.Track();
            var report = pipeline.Ingest(new SubmissionIdentity(parts[0], "SSDA903", parts[2]), SubmissionFiles.From(folderPath!), folderPath!,
                tracker, refreshMarts: false);
            tracker.Finish();
            if (report.Outcome is not (SubmissionStates.Loaded or SubmissionStates.LoadedWithWarnings))
                throw new InvalidOperationException($"{folderPath}: {report.Outcome} ({report.ErrorCount} errors); the benchmark needs clean data.");
            Interlocked.Add(ref rows, report.RowsLoaded);
            var n = Interlocked.Increment(ref done);
            if (n % Math.Max(1, submissions.Count / 10) == 0)
                say($"  {size.Name}: {n}/{submissions.Count} returns, {Interlocked.Read(ref rows):N0} rows, {wall.Elapsed.TotalSeconds:N0}s");
        });
        var loadSeconds = wall.Elapsed.TotalSeconds;
        var martClock = Stopwatch.StartNew();
        marts.Refresh();
        var martSeconds = martClock.Elapsed.TotalSeconds;
        var endToEnd = wall.Elapsed.TotalSeconds;
        var episodes = Scalar(engine, "select count(*) from dw.fact_cla_episode");

        say($"  {size.Name}: {endToEnd:N1}s end to end");
        return new BenchSizeResult(size.Name, size.LaCodes.Count, size.LastYear - size.FirstYear + 1, submissions.Count, files.Length, bytes, rows, episodes,
            generateSeconds, endToEnd, stages.Seconds(PipelineStage.Hashing), stages.Seconds(PipelineStage.Validating), stages.Seconds(PipelineStage.Loading), martSeconds, loadSeconds,
            rows / endToEnd, 0, 0, Process.GetCurrentProcess().PeakWorkingSet64, engine, landing);
    }

    /// <summary>DuckDB's own load of the same files, run after all of ours so it never inflates our memory figures.</summary>
    public BenchSizeResult WithNativeReference(BenchSizeResult ours)
    {
        var native = NativeLoad.Run(ours.Engine, ours.Landing);
        say($"  {ours.Size}: DuckDB read_csv {native:N1}s (ours {ours.EndToEndSeconds:N1}s)");
        return ours with { NativeSeconds = native, RatioToNative = ours.EndToEndSeconds / native };
    }

    /// <summary>
    /// One large LA's year landing again on a warehouse that holds every LA's history, to refreshed marts: its
    /// latest return re-exported (the same records, Windows line endings, so new bytes), which is parsed,
    /// checked against last year, replaces the loaded year and refreshes the marts for that LA.
    /// </summary>
    public LatencyTiming LatencyOfOneYear(BenchSizeResult on, string la, int year)
    {
        var source = Directory.GetDirectories(Path.Combine(on.Landing, la, Ssda903Schema.ReturnType, year.ToString())).Order(StringComparer.Ordinal).First();
        var latency = Path.Combine(root, "latency");
        if (Directory.Exists(latency))
            Directory.Delete(latency, recursive: true);
        var folder = Directory.CreateDirectory(Path.Combine(latency, la, Ssda903Schema.ReturnType, year.ToString(), "re-export")).FullName;
        foreach (var file in Directory.GetFiles(source))
            File.WriteAllText(Path.Combine(folder, Path.GetFileName(file)), File.ReadAllText(file).ReplaceLineEndings("\r\n"));
        var (pipeline, _) = Pipeline(on.Engine); // it refreshes the marts itself: that is the latency measured
        var stages = new StageClock();
        var tracker = stages.Track();
        var clock = Stopwatch.StartNew();
        var report = pipeline.Ingest(new SubmissionIdentity(la, Ssda903Schema.ReturnType, year.ToString()), SubmissionFiles.From(folder), folder, tracker);
        var seconds = clock.Elapsed.TotalSeconds;
        tracker.Finish();
        if (report.Outcome is not (SubmissionStates.Loaded or SubmissionStates.LoadedWithWarnings))
            throw new InvalidOperationException($"The latency return ({la} {year}) was {report.Outcome}; the benchmark needs it loaded.");
        return new LatencyTiming(seconds, stages.Seconds(PipelineStage.Hashing) + stages.Seconds(PipelineStage.Validating),
            stages.Seconds(PipelineStage.Loading), stages.Seconds(PipelineStage.Refreshing));
    }

    /// <summary>
    /// Whether the marts as the refreshes after each load left them are what a full refresh of the same
    /// warehouse gives, and how long that full refresh takes.
    /// </summary>
    public IncrementalRefreshCheck IncrementalMatchesFull(DuckDbEngine engine)
    {
        // A hash of every mart row in order, not the rows themselves: the national marts run to half a million rows.
        string Marts()
        {
            using var connection = engine.Open();
            using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
            var line = new StringBuilder();
            foreach (var sql in MartSnapshot)
            {
                using var command = connection.Command(null, sql);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    line.Clear();
                    for (var i = 0; i < reader.FieldCount; i++)
                        line.Append(reader.GetValue(i)).Append(i == reader.FieldCount - 1 ? '\n' : '|');
                    hash.AppendData(Encoding.UTF8.GetBytes(line.ToString()));
                }
            }
            return Convert.ToHexString(hash.GetHashAndReset());
        }

        var before = Marts();
        var clock = Stopwatch.StartNew();
        new MartRefresher(engine, Options.Create(new BenchmarkOptions()), TimeProvider.System, NullLogger<MartRefresher>.Instance).Refresh(MartScope.Everything);
        var seconds = clock.Elapsed.TotalSeconds;
        return new IncrementalRefreshCheck(Marts() == before, seconds);
    }

    private static readonly string[] MartSnapshot =
    [
        "select * exclude (refreshed_at) from mart.benchmark order by all",
        "select * from mart.benchmark_neighbour order by all",
        "select * from mart.region_benchmark order by all",
    ];

    /// <summary>
    /// The DfE's LAIT release and neighbour model (the files the project ships) loaded onto a warehouse, each
    /// with its mart refresh, as the operator would: seconds for the two.
    /// </summary>
    public double LoadPublished(DuckDbEngine engine)
    {
        var marts = new MartRefresher(engine, Options.Create(new BenchmarkOptions()), TimeProvider.System, NullLogger<MartRefresher>.Instance);
        var pipeline = new SubmissionPipeline(engine, RegionalWarehouse.Etl.Hosting.PlatformHost.ReturnTypes, new ChildPseudonymiser(Key), TimeProvider.System,
            NullLogger<SubmissionPipeline>.Instance, marts);
        var clock = Stopwatch.StartNew();
        foreach (var release in Demo.PublishedData.All)
        {
            var folder = Demo.PublishedData.WriteTo(release, Path.Combine(root, "published", release.ReturnType));
            var report = pipeline.Ingest(new SubmissionIdentity(SubmissionIdentity.RegionWide, release.ReturnType, release.Period), SubmissionFiles.From(folder), folder);
            say($"  {release.ReturnType} {release.Period}: {report.Outcome}, {report.RowsLoaded:N0} rows");
        }
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// The full 903 rule set on one large return (about 28,000 rows, a very large LA's year): parse and
    /// validate only, best of three, so the figure is the rules' cost rather than the disk's.
    /// </summary>
    public ValidationTiming ValidationOfALargeReturn(IWarehouseEngine engine)
    {
        var generated = Ssda903Generator.Generate(new GeneratorRequest(["881"], 2019, 2025, Seed: 3, Scale: 2.8)).Last();
        var folder = Ssda903Generator.Write(generated, Path.Combine(root, "validation"), "large");
        var codes = RegionalWarehouse.Etl.Validation.CodeLists.Load(engine, Ssda903Schema.ReturnType);
        var files = SubmissionFiles.From(folder);
        var best = double.MaxValue;
        long rows = 0;
        for (var round = 0; round < 3; round++)
        {
            var clock = Stopwatch.StartNew();
            var data = Ssda903Parser.Parse(files, "881", 2025);
            RegionalWarehouse.Etl.Ssda903.Rules.Ssda903RuleSet.ValidateCounting(data, codes);
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
            rows = Ssda903Schema.Tables.Sum(t => (long)data[t].Count);
        }
        say($"  the full 903 rule set ({RegionalWarehouse.Etl.Ssda903.Rules.Ssda903RuleSet.Rules.Count} rules) on a {rows:N0}-row return: {best:N2}s");
        return new ValidationTiming(rows, best);
    }

    /// <summary>
    /// The hostile inputs of <see cref="HostileInputs"/>, each through the real pipeline (every return type) on a
    /// fresh warehouse, one at a time, with its own peak memory. Run last: it resets the process's high-water mark.
    /// </summary>
    public IReadOnlyList<HostileResult> Hostile(int megabytes = 50)
    {
        var folder = Path.Combine(root, "hostile");
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        var engine = new DuckDbEngine(Path.Combine(folder, "hostile.duckdb"), memoryLimit);
        new WarehouseMigrator(engine, NullLogger<WarehouseMigrator>.Instance).Migrate();
        var pipeline = new SubmissionPipeline(engine, RegionalWarehouse.Etl.Hosting.PlatformHost.ReturnTypes, new ChildPseudonymiser(Key), TimeProvider.System,
            NullLogger<SubmissionPipeline>.Instance);
        var results = new List<HostileResult>();
        foreach (var result in HostileInputs.Run(folder, HostileInputs.Cases(megabytes),
                     (hostile, path) => pipeline.Ingest(new SubmissionIdentity("919", hostile.ReturnType, hostile.Period), SubmissionFiles.From(path), path)))
        {
            say($"  {result.Case}: {result.Outcome} ({result.Rules}), {result.Seconds:N1}s, peak {result.PeakBytes / 1048576.0:N0} MB");
            results.Add(result);
        }
        return results;
    }

    /// <summary>p50/p95 in milliseconds over the given queries (what rw benchmark and the dashboard ask), each run twice.</summary>
    public static (double P50, double P95, int Count) QueryLatencies(IReadOnlyList<Action> queries)
    {
        var timings = new List<double>();
        for (var round = 0; round < 2; round++)
            foreach (var query in queries)
            {
                var clock = Stopwatch.StartNew();
                query();
                timings.Add(clock.Elapsed.TotalMilliseconds);
            }
        timings.Sort();
        double At(double q) => timings[Math.Min(timings.Count - 1, Math.Max(0, (int)Math.Ceiling(q * timings.Count) - 1))];
        return (At(0.5), At(0.95), timings.Count);
    }

    private double EnsureGenerated(BenchSize size, string landing)
    {
        var marker = Path.Combine(landing, $"_GENERATED_{size.LaCodes.Count}x{size.FirstYear}-{size.LastYear}x{size.Scale}");
        if (File.Exists(marker))
        {
            say($"  {size.Name}: reusing the generated files in {landing}");
            return 0;
        }
        if (Directory.Exists(landing))
            Directory.Delete(landing, recursive: true);
        var clock = Stopwatch.StartNew();
        var request = new GeneratorRequest(size.LaCodes, size.FirstYear, size.LastYear, Seed: 7, Scale: size.Scale);
        Parallel.ForEach(size.LaCodes, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, la =>
        {
            foreach (var generated in Ssda903Generator.Generate(request with { LaCodes = [la] }))
                Ssda903Generator.Write(generated, landing, "bench");
        });
        File.WriteAllText(marker, "");
        say($"  {size.Name}: generated {size.LaCodes.Count} LA(s) x {size.LastYear - size.FirstYear + 1} year(s) in {clock.Elapsed.TotalSeconds:N0}s");
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>The real pipeline and mart refresher on a bench warehouse, with the default suppression.</summary>
    private static (SubmissionPipeline Pipeline, MartRefresher Marts) Pipeline(DuckDbEngine engine)
    {
        var marts = new MartRefresher(engine, Options.Create(new BenchmarkOptions()), TimeProvider.System, NullLogger<MartRefresher>.Instance);
        return (new SubmissionPipeline(engine, [new Ssda903ReturnType()], new ChildPseudonymiser(Key), TimeProvider.System, NullLogger<SubmissionPipeline>.Instance, marts), marts);
    }

    /// <summary>
    /// Every benched LA made a member (and invented where the code is not a real LA), under a child-level 903
    /// agreement, as a national deployment would have them, so the pipeline accepts 153 LAs; the bench warehouse
    /// is thrown away.
    /// </summary>
    private static void AddSyntheticLas(IWarehouseEngine engine, IReadOnlyList<string> las)
    {
        using var connection = engine.Open();
        foreach (var la in las)
            using (var insert = connection.Command(null, $"""
                insert into ref.local_authority (la_key, dfe_code, ons_code, la_name, la_type, region_code, valid_from_year, valid_to_year, is_platform_member)
                select {la}, '{la}', 'E0{la}', 'Synthetic LA {la}', 'unitary', 'E12000006', 2000, null, false
                where not exists (select 1 from ref.local_authority where dfe_code = '{la}');
                update ref.local_authority set is_platform_member = true where dfe_code = '{la}';
                insert into ref.data_sharing_agreement (agreement_id, la_dfe_code, return_type, agreement_name, purpose, child_level, withheld_fields, starts_on, ends_on, retention_years)
                select 'BENCH', '{la}', 'SSDA903', 'Benchmark run', 'Performance measurement on synthetic data', true, null, date '2000-01-01', null, 6
                where not exists (select 1 from ref.data_sharing_agreement where la_dfe_code = '{la}' and return_type = 'SSDA903')
                """))
                insert.ExecuteNonQuery();
    }

    private static long Scalar(IWarehouseEngine engine, string sql)
    {
        using var connection = engine.Open();
        using var command = connection.Command(null, sql);
        return Convert.ToInt64(command.ExecuteScalar());
    }
}
