using RegionalWarehouse.Warehouse;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Export;

/// <summary>
/// Writes the star schema, reference data, marts and the Power BI views (bi) as Parquet files (one per table or view) for Power BI
/// Desktop to import, using DuckDB's own Parquet writer. SQL Server users connect the model to the database instead.
/// The DfE's published data travels with its licence: every file carries the attribution in its Parquet
/// metadata, and the folder gets an ATTRIBUTION.txt.
/// A folder of files has no row-level security, so child- and family-level objects (any with a child or family key)
/// are left out and listed in NOT-EXPORTED.txt: a file export carries what the data-sharing agreements allow across
/// LAs, the aggregates. Child-level analysis stays in the warehouse and the Power BI model, behind their access rules.
/// </summary>
public static class ParquetExporter
{
    public static IReadOnlyList<string> Export(IWarehouseEngine engine, string folder, IProgress<string>? progress = null)
    {
        if (engine.Kind != WarehouseEngineKind.DuckDb)
            throw new WarehouseUnavailableException("Parquet export reads the DuckDB warehouse; with SQL Server, point the Power BI model at the database (see semantic-model/).");
        Directory.CreateDirectory(folder);
        using var connection = engine.Open();
        // COPY keeps no insertion order, so a large view streams to its file within the warehouse's memory limit.
        using (var streaming = connection.Command(null, "set preserve_insertion_order = false"))
            streaming.ExecuteNonQuery();
        var objects = new List<string>();
        var withheld = new List<string>();
        using (var list = connection.Command(null,
                   $"""
                    select t.table_schema || '.' || t.table_name,
                           exists (select 1 from information_schema.columns c where c.table_schema = t.table_schema and c.table_name = t.table_name
                                   and c.column_name in ({string.Join(", ", IdentifyingColumns.Select(c => $"'{c}'"))}))
                    from information_schema.tables t where t.table_schema in ('ref', 'dw', 'mart', 'bi') order by 1
                    """))
        using (var reader = list.ExecuteReader())
            while (reader.Read())
                (reader.GetBoolean(1) ? withheld : objects).Add(reader.GetString(0));

        var written = new List<string>();
        foreach (var name in objects.Concat(withheld).Order(StringComparer.Ordinal))
        {
            var path = Path.GetFullPath(Path.Combine(folder, name + ".parquet"));
            // A withheld object is written with its columns and no rows, so a model reading the folder still opens.
            var rows = withheld.Contains(name) ? " where false" : "";
            using var copy = connection.Command(null,
                $"copy (select * from {name}{rows}) to '{path.Replace("'", "''")}' (format parquet, kv_metadata {{ attribution: '{Attribution.Replace("'", "''")}' }})");
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
        var excluded = Path.GetFullPath(Path.Combine(folder, "NOT-EXPORTED.txt"));
        File.WriteAllText(excluded,
            "Written with their columns but no rows: child- and family-level objects, which a folder of files cannot restrict to the people\n" +
            "each data-sharing agreement allows (use the warehouse or the Power BI model, with their access rules):\n" +
            string.Concat(withheld.Select(w => $"  {w}\n")));
        written.Add(excluded);
        return written;
    }

    /// <summary>Columns that make an object child- or family-level: pseudonymous keys of a child, a family or a UPN.</summary>
    public static readonly IReadOnlyList<string> IdentifyingColumns = ["child_key", "family_key", "upn_key"];

    public const string Attribution = Lait.LaitSchema.Attribution;
}
