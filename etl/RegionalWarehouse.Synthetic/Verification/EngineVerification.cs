using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RegionalWarehouse.Etl.Benchmarks;
using RegionalWarehouse.Etl.Hosting;
using RegionalWarehouse.Etl.Privacy;
using RegionalWarehouse.Synthetic.Demo;
using RegionalWarehouse.Synthetic.Ssda903;
using RegionalWarehouse.Warehouse.Engines;
using RegionalWarehouse.Warehouse.Migrations;

namespace RegionalWarehouse.Synthetic.Verification;

/// <summary>One mart table compared between the engine under test and DuckDB: its rows on each side and how many differ.</summary>
public sealed record TableComparison(string Table, int Rows, int ReferenceRows, int Differences, string? FirstDifference)
{
    public bool Same => Differences == 0 && Rows == ReferenceRows;
}

/// <summary>
/// `rw verify-engine`: loads one generated region (synthetic returns and contextual files, the demo's) through the
/// real pipeline into the engine under test and into a DuckDB file, refreshes both marts, and compares every mart
/// table row for row: what the T-SQL twin of each migration and view computes must equal what DuckDB computes. The
/// engine under test must be an empty scratch database; values compare after rounding to 9 significant digits
/// (the engines' floating point differs in the last bits), timestamps of the run are left out.
/// </summary>
public sealed class EngineVerification(Action<string> progress)
{
    public IReadOnlyList<TableComparison> Run(IWarehouseEngine target, GeneratorRequest request, string workFolder)
    {
        var landing = Path.Combine(workFolder, "landing");
        progress($"Generating {request.LaCodes.Count} LAs, {request.FirstYear}-{request.LastYear}, at scale {request.Scale}…");
        new SyntheticLanding(landing, "verify").Write(SyntheticKinds.All, request);
        var reference = new DuckDbEngine(Path.Combine(workFolder, "reference.duckdb"));
        progress($"Loading into {target.Describe()}…");
        Load(target, landing);
        progress("Loading into the DuckDB reference…");
        Load(reference, landing);
        return Compare(target, reference);
    }

    /// <summary>Every mart table of the reference, compared with the same table of the target.</summary>
    public static IReadOnlyList<TableComparison> Compare(IWarehouseEngine target, IWarehouseEngine reference)
    {
        var tables = Read(reference, "select table_name from information_schema.tables where table_schema = 'mart' and table_type = 'BASE TABLE' order by table_name")
            .Select(r => r[0]).ToList();
        var comparisons = new List<TableComparison>();
        foreach (var table in tables)
        {
            var columns = Read(reference, $"select column_name from information_schema.columns where table_schema = 'mart' and table_name = '{table}' order by ordinal_position")
                .Select(r => r[0]).Where(c => !IsOfTheRun(c)).ToList();
            var sql = $"select {string.Join(", ", columns)} from mart.{table}";
            var ours = Read(target, sql).Select(Line).Order(StringComparer.Ordinal).ToList();
            var theirs = Read(reference, sql).Select(Line).Order(StringComparer.Ordinal).ToList();
            var missing = theirs.Except(ours).ToList();
            var extra = ours.Except(theirs).ToList();
            comparisons.Add(new TableComparison($"mart.{table}", ours.Count, theirs.Count, missing.Count + extra.Count,
                missing.Count > 0 ? $"DuckDB has ({missing[0]}), the engine does not" : extra.Count > 0 ? $"the engine has ({extra[0]}), DuckDB does not" : null));
        }
        return comparisons;
    }

    /// <summary>Columns that record when this run happened, not what it computed.</summary>
    private static bool IsOfTheRun(string column) => column.EndsWith("_at", StringComparison.Ordinal) || column == "submission_id";

    private static string Line(string[] row) => string.Join(" | ", row);

    private static void Load(IWarehouseEngine engine, string landing)
    {
        new WarehouseMigrator(engine, NullLogger<WarehouseMigrator>.Instance).Migrate();
        var marts = new MartRefresher(engine, Options.Create(new BenchmarkOptions()), TimeProvider.System, NullLogger<MartRefresher>.Instance);
        var pipeline = new RegionalWarehouse.Etl.Submissions.SubmissionPipeline(engine, PlatformHost.ReturnTypes, new ChildPseudonymiser(PrivacyOptions.DemoKey),
            TimeProvider.System, NullLogger<RegionalWarehouse.Etl.Submissions.SubmissionPipeline>.Instance);
        foreach (var folder in Directory.GetFiles(landing, RegionalWarehouse.Etl.Submissions.SubmissionFiles.ReadyMarker, SearchOption.AllDirectories)
                     .Select(f => Path.GetDirectoryName(f)!).Order(StringComparer.Ordinal))
        {
            var parts = Path.GetRelativePath(landing, folder).Split(Path.DirectorySeparatorChar);
            var report = pipeline.Ingest(new RegionalWarehouse.Etl.Submissions.SubmissionIdentity(parts[0], parts[1], parts[2]),
                RegionalWarehouse.Etl.Submissions.SubmissionFiles.From(folder), folder);
            if (report.Outcome == RegionalWarehouse.Etl.Submissions.SubmissionStates.Rejected)
                throw new InvalidOperationException($"The generated submission {parts[0]}/{parts[1]}/{parts[2]} was rejected by {engine.Describe()}: {report.Message}");
        }
        marts.Refresh();
    }

    private static List<string[]> Read(IWarehouseEngine engine, string sql)
    {
        using var connection = engine.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => Text(reader, i)).ToArray());
        return rows;
    }

    /// <summary>A value as both engines can agree on it: numbers to 9 significant digits, dates as ISO, booleans as 0/1.</summary>
    private static string Text(DbDataReader reader, int i)
    {
        if (reader.IsDBNull(i))
            return "";
        return reader.GetValue(i) switch
        {
            bool b => b ? "1" : "0",
            double d => Number(d),
            float f => Number(f),
            decimal m => Number((double)m),
            DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : t.ToString("s", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IConvertible c when c.GetTypeCode() is >= TypeCode.SByte and <= TypeCode.UInt64 => Convert.ToInt64(c, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
            var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? "",
        };
    }

    private static string Number(double value) =>
        Math.Abs(value - Math.Round(value)) < 1e-9 ? Math.Round(value).ToString("0", CultureInfo.InvariantCulture) : value.ToString("G9", CultureInfo.InvariantCulture);
}
