using System.Text.RegularExpressions;

namespace RegionalWarehouse.Warehouse.Migrations;

/// <summary>
/// The seam that lets a migration both engines read alike be written once. A shared migration
/// (<c>Migrations/&lt;number&gt;_&lt;name&gt;.sql</c>) is plain DDL in DuckDB's spelling: <c>create table</c>,
/// <c>create sequence</c>, <c>create index</c>, <c>alter table … add column</c>, the types <c>varchar(n)</c>,
/// <c>integer</c>, <c>smallint</c>, <c>bigint</c>, <c>double</c>, <c>boolean</c>, <c>date</c> and
/// <c>timestamp</c>, and <c>true</c>/<c>false</c>. DuckDB runs it as written; SQL Server gets the T-SQL below,
/// one batch per statement. Anything outside that subset (data changes in a dialect, a column type change whose
/// nullability T-SQL must restate) stays a pair, <c>Migrations/DuckDb/…</c> beside <c>Migrations/SqlServer/…</c>.
/// </summary>
public static partial class PortableDdl
{
    /// <summary>The T-SQL for a shared migration: SQL Server's types, sequence defaults and batches.</summary>
    public static string ToSqlServer(string portable, string scriptName)
    {
        var lines = portable.Replace("\r\n", "\n").Split('\n');
        var output = new List<string>(lines.Length * 2);
        foreach (var line in lines)
        {
            var comment = line.IndexOf("--", StringComparison.Ordinal);
            var code = comment < 0 ? line : line[..comment];
            var rest = comment < 0 ? "" : line[comment..];
            if (UnsizedVarchar().IsMatch(code))
                throw new InvalidOperationException($"{scriptName}: 'varchar' needs a length in a shared migration (T-SQL reads a bare NVARCHAR as one character): {line.Trim()}");
            code = SequenceDefault().Replace(code, "DEFAULT (NEXT VALUE FOR $1)");
            code = CreateSequence().Replace(code, "CREATE SEQUENCE $1 AS BIGINT START WITH 1;");
            code = AddColumn().Replace(code, "ADD ");
            code = Type().Replace(code, m => Types[m.Value.ToLowerInvariant()]);
            output.Add(code + rest);
            // One statement per batch: a column added by ALTER TABLE is visible to the statements after it.
            if (code.TrimEnd().EndsWith(';'))
                output.Add("GO");
        }
        return string.Join('\n', output);
    }

    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["varchar"] = "NVARCHAR",
        ["integer"] = "INT",
        ["double"] = "FLOAT",
        ["boolean"] = "BIT",
        ["timestamp"] = "DATETIME2",
        ["true"] = "1",
        ["false"] = "0",
    };

    [GeneratedRegex(@"\b(varchar|integer|double|boolean|timestamp|true|false)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Type();

    [GeneratedRegex(@"\bvarchar\b(?!\s*\()", RegexOptions.IgnoreCase)]
    private static partial Regex UnsizedVarchar();

    [GeneratedRegex(@"\bdefault\s+nextval\('([\w.]+)'\)", RegexOptions.IgnoreCase)]
    private static partial Regex SequenceDefault();

    [GeneratedRegex(@"\bcreate\s+sequence\s+([\w.]+)\s*;", RegexOptions.IgnoreCase)]
    private static partial Regex CreateSequence();

    [GeneratedRegex(@"(?<=\balter\s+table\s+[\w.]+\s+)add\s+column\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AddColumn();
}
