using System.Data.Common;
using System.Globalization;
using CsvHelper;
using RegionalWarehouse.Warehouse.Audit;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Warehouse.ReferenceData;

/// <summary>
/// Makes the ref tables match the CSV files embedded beside this class: inserts new rows, updates
/// changed ones and removes rows the files no longer hold, all in one transaction. Running it twice
/// changes nothing, so it runs after every migration.
/// </summary>
public sealed class ReferenceDataSeeder(IWarehouseEngine engine)
{
    private static readonly ReferenceTable[] Tables =
    [
        new("regions.csv", "ref.region", ["region_code"]),
        new("local_authorities.csv", "ref.local_authority", ["la_key"]),
        new("la_successions.csv", "ref.la_succession", ["predecessor_dfe_code", "successor_dfe_code"]),
        new("comparator_groups.csv", "ref.comparator_group", ["group_code"]),
        new("comparator_group_members.csv", "ref.comparator_group_member", ["group_code", "member_dfe_code"]),
        new("code_lists.csv", "ref.code_list", ["return_type", "field_name", "code", "valid_from_year"]),
        new("sf_headlines.csv", "ref.sf_headline", ["headline_code"]),
        new("indicators.csv", "ref.indicator", ["indicator_code"]),
        new("published_metrics.csv", "ref.published_metric", ["indicator"]),
        new("data_sharing_agreements.csv", "ref.data_sharing_agreement", ["agreement_id", "la_dfe_code", "return_type"]) { Journaled = true },
        new("Geo/england-upper-tier-las-2024.hexjson", "ref.la_hex", ["ons_code"]) { Rows = HexRows },
    ];

    public SeedOutcome Seed()
    {
        using var connection = engine.Open();
        using var transaction = connection.BeginTransaction();
        var outcome = new SeedOutcome(0, 0, 0);
        foreach (var table in Tables)
            outcome += SeedTable(connection, transaction, table);
        transaction.Commit();
        return outcome;
    }

    private SeedOutcome SeedTable(DbConnection connection, DbTransaction transaction, ReferenceTable table)
    {
        var (columns, wanted) = ReadFile(table);
        var existing = ReadExisting(connection, transaction, table, columns);
        int inserted = 0, updated = 0, deleted = 0;

        foreach (var (key, row) in wanted)
        {
            if (!existing.TryGetValue(key, out var current))
            {
                Execute(connection, transaction, InsertSql(table, columns), columns.Select(c => row[c]));
                Journal(connection, transaction, table, "added", row, columns);
                inserted++;
            }
            else if (columns.Any(c => current[c] != row[c]))
            {
                var valueColumns = columns.Except(table.KeyColumns).ToArray();
                Execute(connection, transaction, UpdateSql(table, valueColumns),
                    valueColumns.Select(c => row[c]).Concat(table.KeyColumns.Select(c => row[c])));
                Journal(connection, transaction, table, "changed", row, columns.Where(c => current[c] != row[c]));
                updated++;
            }
        }

        foreach (var (key, row) in existing.Where(e => !wanted.ContainsKey(e.Key)))
        {
            Execute(connection, transaction, DeleteSql(table), table.KeyColumns.Select(c => row[c]));
            Journal(connection, transaction, table, "removed", row, table.KeyColumns);
            deleted++;
        }
        return new SeedOutcome(inserted, updated, deleted);
    }

    private static (string[] Columns, Dictionary<string, Dictionary<string, string>> Rows) ReadFile(ReferenceTable table)
    {
        if (table.Rows is not null)
        {
            var (generatedColumns, generated) = table.Rows();
            return (generatedColumns, generated.ToDictionary(r => KeyOf(table, r)));
        }
        var (columns, read) = ReadEmbedded(table.File);
        var rows = new Dictionary<string, Dictionary<string, string>>();
        foreach (var row in read)
            rows.Add(KeyOf(table, row), row);
        return (columns, rows);
    }

    /// <summary>One of the reference CSV files embedded beside this class: its columns and its rows, values trimmed.</summary>
    public static (string[] Columns, List<Dictionary<string, string>> Rows) ReadEmbedded(string file)
    {
        var assembly = typeof(ReferenceDataSeeder).Assembly;
        var resource = $"{assembly.GetName().Name}.ReferenceData.{file}";
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Reference file {file} is not embedded in {assembly.GetName().Name}.");
        using var csv = new CsvReader(new StreamReader(stream), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var columns = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
            rows.Add(columns.ToDictionary(c => c, c => csv.GetField(c)!.Trim()));
        return (columns, rows);
    }

    private static Dictionary<string, Dictionary<string, string>> ReadExisting(
        DbConnection connection, DbTransaction transaction, ReferenceTable table, string[] columns)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"select {string.Join(", ", columns)} from {table.Name}";
        using var reader = command.ExecuteReader();
        var rows = new Dictionary<string, Dictionary<string, string>>();
        while (reader.Read())
        {
            var row = columns.Select((c, i) => (c, Value: Normalise(reader.GetValue(i)))).ToDictionary(x => x.c, x => x.Value);
            rows.Add(KeyOf(table, row), row);
        }
        return rows;
    }

    private static string Normalise(object value) => value switch
    {
        DBNull => "",
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string KeyOf(ReferenceTable table, Dictionary<string, string> row) =>
        string.Join('\u001f', table.KeyColumns.Select(c => row[c]));

    private string InsertSql(ReferenceTable table, string[] columns) =>
        $"insert into {table.Name} ({string.Join(", ", columns)}) values ({string.Join(", ", columns.Select((_, i) => engine.Parameter($"p{i}")))})";

    private string UpdateSql(ReferenceTable table, string[] valueColumns) =>
        $"update {table.Name} set {string.Join(", ", valueColumns.Select((c, i) => $"{c} = {engine.Parameter($"p{i}")}"))} " +
        $"where {string.Join(" and ", table.KeyColumns.Select((c, i) => $"{c} = {engine.Parameter($"p{valueColumns.Length + i}")}"))}";

    private string DeleteSql(ReferenceTable table) =>
        $"delete from {table.Name} where {string.Join(" and ", table.KeyColumns.Select((c, i) => $"{c} = {engine.Parameter($"p{i}")}"))}";

    private static void Execute(DbConnection connection, DbTransaction transaction, string sql, IEnumerable<string> values)
    {
        using var command = connection.Command(transaction, sql,
            values.Select((v, i) => ($"p{i}", v.Length == 0 ? null : (object)v)).ToArray());
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// A change to a journaled table (the data-sharing agreements) is an audit event, like a migration: what was
    /// added, changed or removed, for which LA and return, with the values of the columns that changed.
    /// </summary>
    private void Journal(DbConnection connection, DbTransaction transaction, ReferenceTable table, string change,
        Dictionary<string, string> row, IEnumerable<string> columns)
    {
        if (!table.Journaled)
            return;
        var detail = $"{table.Name} {change}: {string.Join("; ", columns.Select(c => $"{c} = {(row[c].Length == 0 ? "(blank)" : row[c])}"))}";
        new AuditLog(engine).Record(connection, transaction, new AuditEvent(DateTime.UtcNow, "rw migrate (reference data)", $"agreement {change}",
            row.GetValueOrDefault("la_dfe_code"), row.GetValueOrDefault("return_type"), Detail: detail));
    }

    private sealed record ReferenceTable(string File, string Name, string[] KeyColumns)
    {
        /// <summary>Whether each change is recorded in etl.audit_event.</summary>
        public bool Journaled { get; init; }

        /// <summary>Rows read from a file that is not a CSV (the hex layout's own format), instead of the CSV reader.</summary>
        public Func<(string[] Columns, IEnumerable<Dictionary<string, string>> Rows)>? Rows { get; init; }
    }

    private static (string[] Columns, IEnumerable<Dictionary<string, string>> Rows) HexRows() =>
        (["ons_code", "hex_q", "hex_r"],
         Geo.HexLayout.All.Select(h => new Dictionary<string, string>
         {
             ["ons_code"] = h.OnsCode,
             ["hex_q"] = h.Q.ToString(CultureInfo.InvariantCulture),
             ["hex_r"] = h.R.ToString(CultureInfo.InvariantCulture),
         }));
}

public sealed record SeedOutcome(int Inserted, int Updated, int Deleted)
{
    public static SeedOutcome operator +(SeedOutcome a, SeedOutcome b) =>
        new(a.Inserted + b.Inserted, a.Updated + b.Updated, a.Deleted + b.Deleted);

    public override string ToString() => Inserted + Updated + Deleted == 0
        ? "unchanged"
        : $"{Inserted} row(s) inserted, {Updated} updated, {Deleted} removed";
}
