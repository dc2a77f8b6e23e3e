using RegionalWarehouse.Warehouse;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Export;

/// <summary>
/// Writes the star schema, reference data, marts and the Power BI views (bi) as Parquet files (one per table or view) for Power BI
/// Desktop to import, using DuckDB's own Parquet writer. SQL Server users connect the model to the database instead.
/// The DfE's published data travels with its licence: every file carries the attribution in its Parquet
/// metadata, and the folder gets an ATTRIBUTION.txt.
/// A folder of files has no row-level security, so by default child- and family-level objects (any with a child or family
/// key) are written without rows and listed in NOT-EXPORTED.txt: a file export carries what the data-sharing agreements
/// allow across LAs, the aggregates. Child-level rows go into files only on a request naming a child-level agreement
/// (<see cref="ChildLevelGrant"/>), and then only its return type's objects and its signatories' rows.
/// </summary>
public static class ParquetExporter
{
    public static IReadOnlyList<string> Export(IWarehouseEngine engine, string folder, IProgress<string>? progress = null, ChildLevelGrant? grant = null)
    {
        if (engine.Kind != WarehouseEngineKind.DuckDb)
            throw new WarehouseUnavailableException("Parquet export reads the DuckDB warehouse; with SQL Server, point the Power BI model at the database (see semantic-model/).");
        Directory.CreateDirectory(folder);
        using var connection = engine.Open();
        // COPY keeps no insertion order, so a large view streams to its file within the warehouse's memory limit.
        using (var streaming = connection.Command(null, "set preserve_insertion_order = false"))
            streaming.ExecuteNonQuery();
        var objects = new List<ExportedObject>();
        using (var list = connection.Command(null,
                   $"""
                    select table_schema || '.' || table_name,
                           string_agg(column_name, ' ') filter (where column_name in ({string.Join(", ", IdentifyingColumns.Keys.Select(c => $"'{c}'"))})),
                           bool_or(column_name = 'la_key'), bool_or(column_name = 'dfe_code')
                    from information_schema.columns where table_schema in ('ref', 'dw', 'mart', 'bi') group by all order by 1
                    """))
        using (var reader = list.ExecuteReader())
            while (reader.Read())
                objects.Add(new ExportedObject(reader.GetString(0), reader.IsDBNull(1) ? [] : reader.GetString(1).Split(' '), reader.GetBoolean(2), reader.GetBoolean(3)));

        var written = new List<string>();
        var withheld = new List<string>();
        var granted = new List<string>();
        foreach (var item in objects)
        {
            var path = Path.GetFullPath(Path.Combine(folder, item.Name + ".parquet"));
            var rows = item.Identifying.Count == 0 ? "" : RowsUnder(item, grant);
            // A withheld object is written with its columns and no rows, so a model reading the folder still opens.
            if (rows == NoRows)
                withheld.Add(item.Name);
            else if (item.Identifying.Count > 0)
                granted.Add(item.Name);
            using var copy = connection.Command(null,
                $"copy (select * from {item.Name}{rows}) to '{path.Replace("'", "''")}' (format parquet, kv_metadata {{ attribution: '{Attribution.Replace("'", "''")}' }})");
            copy.ExecuteNonQuery();
            written.Add(path);
            progress?.Report(item.Name);
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
            (grant is null ? "" :
                $"Child-level rows exported on request under {grant.Describe()}, in:\n{string.Concat(granted.Select(g => $"  {g}\n"))}" +
                "Keep these files where that agreement allows: they identify children by pseudonym and have no row-level security.\n\n") +
            "Written with their columns but no rows: child- and family-level objects, which a folder of files cannot restrict to the people\n" +
            "each data-sharing agreement allows (use the warehouse or the Power BI model, with their access rules, or name a child-level\n" +
            "agreement with --agreement):\n" +
            string.Concat(withheld.Select(w => $"  {w}\n")));
        written.Add(excluded);
        return written;
    }

    /// <summary>The rows of a child- or family-level object a file may carry: its grant's LAs', or none.</summary>
    private static string RowsUnder(ExportedObject item, ChildLevelGrant? grant)
    {
        if (grant is null || !grant.Covers(item.Identifying))
            return NoRows;
        if (item.HasLaKey)
            return $" where la_key in ({string.Join(", ", grant.LaKeys)})";
        return item.HasDfeCode ? $" where dfe_code in ({string.Join(", ", grant.LaCodes.Select(c => $"'{c}'"))})" : NoRows;
    }

    private const string NoRows = " where false";

    private sealed record ExportedObject(string Name, IReadOnlyList<string> Identifying, bool HasLaKey, bool HasDfeCode);

    /// <summary>Columns that make an object child- or family-level (pseudonymous keys of a child, a family or a UPN), and the return type they come from.</summary>
    public static readonly IReadOnlyDictionary<string, string> IdentifyingColumns = new Dictionary<string, string>
    {
        ["child_key"] = "SSDA903",
        ["upn_key"] = "SSDA903",
        ["family_key"] = "SF",
    };

    public static string ReturnTypeOf(string identifyingColumn) => IdentifyingColumns[identifyingColumn];

    public const string Attribution = Lait.LaitSchema.Attribution;
}
