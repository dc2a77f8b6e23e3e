using RegionalWarehouse.Warehouse;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Export;

/// <summary>
/// Writes the star schema, reference data, marts and the Power BI views (bi) as Parquet files (one per table or view) for Power BI
/// Desktop to import, using DuckDB's own Parquet writer. SQL Server users connect the model to the database instead.
/// </summary>
public static class ParquetExporter
{
    public static IReadOnlyList<string> Export(IWarehouseEngine engine, string folder, IProgress<string>? progress = null)
    {
        if (engine.Kind != WarehouseEngineKind.DuckDb)
            throw new WarehouseUnavailableException("Parquet export reads the DuckDB warehouse; with SQL Server, point the Power BI model at the database (see semantic-model/).");
        Directory.CreateDirectory(folder);
        using var connection = engine.Open();
        var objects = new List<string>();
        using (var list = connection.Command(null,
                   "select table_schema || '.' || table_name from information_schema.tables where table_schema in ('ref', 'dw', 'mart', 'bi') order by 1"))
        using (var reader = list.ExecuteReader())
            while (reader.Read())
                objects.Add(reader.GetString(0));

        var written = new List<string>();
        foreach (var name in objects)
        {
            var path = Path.GetFullPath(Path.Combine(folder, name + ".parquet"));
            using var copy = connection.Command(null, $"copy (select * from {name}) to '{path.Replace("'", "''")}' (format parquet)");
            copy.ExecuteNonQuery();
            written.Add(path);
            progress?.Report(name);
        }
        return written;
    }
}
