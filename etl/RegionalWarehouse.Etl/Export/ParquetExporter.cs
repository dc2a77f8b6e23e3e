using RegionalWarehouse.Warehouse;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Export;

/// <summary>
/// Writes the star schema, reference data, marts and the Power BI views (bi) as Parquet files (one per table or view) for Power BI
/// Desktop to import, using DuckDB's own Parquet writer. SQL Server users connect the model to the database instead.
/// The DfE's published data travels with its licence: every file carries the attribution in its Parquet
/// metadata, and the folder gets an ATTRIBUTION.txt.
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
            using var copy = connection.Command(null,
                $"copy (select * from {name}) to '{path.Replace("'", "''")}' (format parquet, kv_metadata {{ attribution: '{Attribution.Replace("'", "''")}' }})");
            copy.ExecuteNonQuery();
            written.Add(path);
            progress?.Report(name);
        }
        var notice = Path.GetFullPath(Path.Combine(folder, "ATTRIBUTION.txt"));
        File.WriteAllText(notice, $"""
            Exported from the Regional Warehouse.

            England, region and non-member LA figures (dw.fact_lait_value, dw.lait_value, and the comparators marked
            "published" or "mixed" in mart.benchmark and bi.benchmark) and the statistical neighbours (dw.fact_statistical_neighbour)
            are the Department for Education's published data.
            {Attribution}
            Licence: https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/

            """);
        written.Add(notice);
        return written;
    }

    public const string Attribution = Lait.LaitSchema.Attribution;
}
