using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RegionalWarehouse.Etl.Benchmarks;
using RegionalWarehouse.Etl.Hosting;
using RegionalWarehouse.Etl.Privacy;

namespace RegionalWarehouse.Tests.Support;

/// <summary>The real submission pipeline on a fresh DuckDB warehouse.</summary>
public sealed class PipelineHarness : IDisposable
{
    public const string Key = "test-key-0123456789-0123456789-0123456789";

    /// <param name="refreshAfterEachLoad">False to load many submissions and refresh the marts once at the end (<see cref="MartRefresher.Refresh()"/>), as the worker coalesces them.</param>
    public PipelineHarness(int suppressCountsUpTo = 5, bool refreshAfterEachLoad = true) : this(new TemporaryWarehouse(), suppressCountsUpTo, refreshAfterEachLoad) { }

    /// <summary>The pipeline on a given warehouse, e.g. <see cref="TemporaryWarehouse.CopyOf"/> a fixture's.</summary>
    public PipelineHarness(TemporaryWarehouse warehouse, int suppressCountsUpTo = 5, bool refreshAfterEachLoad = true)
    {
        Warehouse = warehouse;
        Marts = new MartRefresher(Warehouse.Engine, Options.Create(new BenchmarkOptions { SuppressCountsUpTo = suppressCountsUpTo }),
            TimeProvider.System, NullLogger<MartRefresher>.Instance);
        Pipeline = new SubmissionPipeline(Warehouse.Engine,
            PlatformHost.ReturnTypes,
            new ChildPseudonymiser(Key),
            TimeProvider.System, NullLogger<SubmissionPipeline>.Instance, refreshAfterEachLoad ? Marts : null);
    }

    public MartRefresher Marts { get; }

    public TemporaryWarehouse Warehouse { get; }

    public SubmissionPipeline Pipeline { get; }

    public SubmissionReport Ingest903(string folder, string la = "919", string year = "2024", Action? beforeCommit = null) =>
        Pipeline.Ingest(new SubmissionIdentity(la, "SSDA903", year), SubmissionFiles.From(folder), folder, beforeCommit: beforeCommit);

    public SubmissionReport Ingest(string returnType, string la, string period, string folder) =>
        Pipeline.Ingest(new SubmissionIdentity(la, returnType, period), SubmissionFiles.From(folder), folder);

    public long Count(string table, string where = "true") => Warehouse.Scalar<long>($"select count(*) from {table} where {where}");

    /// <summary>Row counts of every dw, etl and mart table: equal snapshots mean the warehouse did not change.</summary>
    public string Snapshot()
    {
        var tables = Warehouse.Rows(
                "select table_schema || '.' || table_name from information_schema.tables where table_type = 'BASE TABLE' and table_schema in ('dw', 'mart') order by 1")
            .Select(r => (string)r[0]!).ToList();
        // One query for every count: a snapshot is taken around each of many submissions.
        return string.Join("; ", Warehouse.Rows(string.Join(" union all ", tables.Select((t, i) => $"select {i} as i, '{t}=' || count(*) as c from {t}")) + " order by i")
            .Select(r => (string)r[1]!));
    }

    public void Dispose() => Warehouse.Dispose();
}
