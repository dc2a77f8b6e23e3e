using System.Diagnostics;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Synthetic.Bench;

/// <summary>
/// The reference the benchmark compares with: DuckDB's own read_csv bulk load of the same files, one
/// typed table per 903 table (no validation, no pseudonymisation, no ledger): the floor for parse + load.
/// </summary>
public static class NativeLoad
{
    public static double Run(IWarehouseEngine engine, string landing)
    {
        using var connection = engine.Open();
        // The reference gets all the memory it wants: it runs last, and its memory is not what the targets hold.
        using (var setup = connection.Command(null, "set memory_limit = '8GB'; create schema if not exists native"))
            setup.ExecuteNonQuery();
        var clock = Stopwatch.StartNew();
        foreach (var table in Ssda903Schema.Tables)
        {
            // The generator names files {la}_{table}_{year}.csv: three characters, then the table, then four, so
            // "episodes" never picks up "social_worker_episodes".
            var name = table.Name.ToLowerInvariant().Replace(' ', '_');
            var file = $"???_{name}_????.csv";
            var pattern = Path.Combine(Path.GetFullPath(landing), "*", "SSDA903", "*", "*", file).Replace("'", "''");
            if (Directory.GetFiles(landing, file, SearchOption.AllDirectories).Length == 0)
                continue;
            using var load = connection.Command(null,
                $"create or replace table native.{name} as select * from read_csv('{pattern}', header = true, union_by_name = true, dateformat = '%d/%m/%Y')");
            load.ExecuteNonQuery();
        }
        return clock.Elapsed.TotalSeconds;
    }
}
