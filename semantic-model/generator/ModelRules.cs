using System.Text.RegularExpressions;

namespace RegionalWarehouse.SemanticModel;

/// <summary>A model check: structural (the model would not load) or a best-practice rule from Tabular Editor's BPA set.</summary>
public sealed record ModelRule(string Id, string Description, Func<ParsedModel, IEnumerable<string>> Violations);

/// <summary>
/// The checks `rw model check` and the tests run on the TMDL as written (Tabular Editor's BPA cannot run
/// on Linux, so its rules that matter for a star schema are re-implemented here; docs/semantic-model.md lists them).
/// </summary>
public static partial class ModelRules
{
    private static readonly string[] Numeric = ["int64", "decimal", "double"];

    [GeneratedRegex(@"'([^']+)'\[([^\]]+)\]")]
    private static partial Regex QualifiedReference();

    [GeneratedRegex(@"(?<!['\w\]])\[([^\]]+)\]")]
    private static partial Regex UnqualifiedReference();

    [GeneratedRegex(@"[\]\)]\s*/(?!/)(?!\*)")]
    private static partial Regex Division();

    [GeneratedRegex(@"\b(SUM|COUNT|AVERAGE|MIN|MAX|DISTINCTCOUNT)\s*\(\s*'([^']+)'\[([^\]]+)\]")]
    private static partial Regex Aggregated();

    private static IEnumerable<string> Dax(ParsedModel m) =>
        m.Measures.Select(x => x.Measure.DefaultText ?? "").Concat(m.Roles.SelectMany(r => r.ChildrenOf("tablePermission")).Select(p => p.DefaultText ?? ""));

    public static readonly IReadOnlyList<ModelRule> Structural =
    [
        new("TABLES_HAVE_A_PARTITION", "Every table has a partition with an M source.",
            m => m.Tables.Where(t => !t.ChildrenOf("partition").Any(p => p.Properties.Any(x => x.Key == "source" && x.Expression is not null))).Select(t => t.UnquotedName)),
        new("TABLES_ARE_REFERENCED", "model.tmdl lists every table (ref table) and only tables that exist.",
            m => m.Tables.Select(t => t.UnquotedName).Except(m.TableRefs).Concat(m.TableRefs.Except(m.Tables.Select(t => t.UnquotedName)))),
        new("UNIQUE_NAMES", "Column and measure names are unique within a table, and measure names across the model.",
            m => m.Tables.SelectMany(t => t.Children.Where(c => c.Keyword is "column" or "measure").GroupBy(c => c.UnquotedName).Where(g => g.Count() > 1).Select(g => $"{t.UnquotedName}.{g.Key}"))
                .Concat(m.Measures.GroupBy(x => x.Measure.UnquotedName).Where(g => g.Count() > 1).Select(g => g.Key))),
        new("RELATIONSHIP_ENDPOINTS_EXIST", "Both ends of every relationship are columns of the model.",
            m => m.Joins.Where(j => m.Column(j.FromTable, j.FromColumn) is null || m.Column(j.ToTable, j.ToColumn) is null).Select(j => $"{j.FromTable}.{j.FromColumn} -> {j.ToTable}.{j.ToColumn}")),
        new("DAX_REFERENCES_EXIST", "Every 'Table'[Column] in a measure or role filter names a column or measure of that table.",
            m => Dax(m).SelectMany(d => QualifiedReference().Matches(d)).Select(x => (Table: x.Groups[1].Value, Name: x.Groups[2].Value))
                .Where(r => m.Table(r.Table) is not { } t || !t.Children.Any(c => c.Keyword is "column" or "measure" && c.UnquotedName == r.Name))
                .Select(r => $"'{r.Table}'[{r.Name}]").Distinct()),
        new("ROLE_TABLES_EXIST", "Every role's table permission names a table of the model.",
            m => m.Roles.SelectMany(r => r.ChildrenOf("tablePermission")).Where(p => m.Table(p.UnquotedName) is null).Select(p => p.UnquotedName)),
        new("SINGLE_DIRECTION_RELATIONSHIPS", "Relationships filter one way, many (fact) to one (dimension).",
            m => m.Relationships.Where(r => r.Property("crossFilteringBehavior") is { } b && b != "oneDirection" || r.Property("toCardinality") == "many").Select(r => r.UnquotedName)),
    ];

    public static readonly IReadOnlyList<ModelRule> BestPractice =
    [
        new("HIDE_FOREIGN_KEYS", "The many-side column of a relationship is hidden.",
            m => m.Joins.Where(j => m.Column(j.FromTable, j.FromColumn) is { } c && !c.Flag("isHidden")).Select(j => $"{j.FromTable}.{j.FromColumn}")),
        new("MARK_PRIMARY_KEYS", "The one-side column of a relationship is marked isKey (date tables excepted).",
            m => m.Joins.Where(j => m.Table(j.ToTable)?.Property("dataCategory") != "Time" && m.Column(j.ToTable, j.ToColumn) is { } c && !c.Flag("isKey")).Select(j => $"{j.ToTable}.{j.ToColumn}")),
        new("RELATIONSHIP_COLUMNS_SAME_DATA_TYPE", "Both ends of a relationship have the same data type.",
            m => m.Joins.Where(j => m.Column(j.FromTable, j.FromColumn)?.Property("dataType") != m.Column(j.ToTable, j.ToColumn)?.Property("dataType")).Select(j => $"{j.FromTable}.{j.FromColumn}")),
        new("RELATIONSHIP_COLUMNS_SHOULD_BE_OF_INTEGER_DATA_TYPE", "Relationship columns are integers (surrogate keys).",
            m => m.Joins.Where(j => m.Column(j.ToTable, j.ToColumn)?.Property("dataType") != "int64").Select(j => $"{j.ToTable}.{j.ToColumn}")),
        new("AVOID_FLOATING_POINT_DATA_TYPES", "No column is a floating-point double (use int64 or decimal).",
            m => m.Columns.Where(x => x.Column.Property("dataType") == "double").Select(x => $"{x.Table.UnquotedName}.{x.Column.UnquotedName}")),
        new("PROVIDE_FORMAT_STRING_FOR_MEASURES", "Every visible measure has a format string.",
            m => m.Measures.Where(x => !x.Measure.Flag("isHidden") && x.Measure.Property("formatString") is null).Select(x => x.Measure.UnquotedName)),
        new("NUMERIC_COLUMN_SUMMARIZE_BY", "Numeric columns do not summarise implicitly (summarizeBy: none).",
            m => m.Columns.Where(x => Numeric.Contains(x.Column.Property("dataType")) && x.Column.Property("summarizeBy") != "none").Select(x => $"{x.Table.UnquotedName}.{x.Column.UnquotedName}")),
        new("HIDE_FACT_TABLE_COLUMNS", "Columns that measures aggregate are hidden (use the measures).",
            m => Dax(m).SelectMany(d => Aggregated().Matches(d)).Select(x => (x.Groups[2].Value, x.Groups[3].Value)).Distinct()
                .Where(r => m.Column(r.Item1, r.Item2) is { } c && !c.Flag("isHidden")).Select(r => $"{r.Item1}.{r.Item2}")),
        new("MODEL_SHOULD_HAVE_A_DATE_TABLE", "A table is marked as the date table (dataCategory Time with a dateTime key).",
            m => m.Tables.Any(t => t.Property("dataCategory") == "Time" && t.ChildrenOf("column").Any(c => c.Flag("isKey") && c.Property("dataType") == "dateTime")) ? [] : ["(model)"]),
        new("REMOVE_AUTO-DATE_TABLE", "Auto date/time is off (no hidden LocalDateTable_ tables).",
            m => m.ModelAnnotations.Any(a => a.UnquotedName == "__PBI_TimeIntelligenceEnabled" && a.DefaultValue == "0") && !m.Tables.Any(t => t.UnquotedName.StartsWith("LocalDateTable_", StringComparison.Ordinal))
                ? [] : ["(model)"]),
        new("SNOWFLAKE_SCHEMA_ARCHITECTURE", "No table is both the many side and the one side of relationships (a star, not a snowflake).",
            m => m.Joins.Select(j => j.FromTable).Intersect(m.Joins.Select(j => j.ToTable))),
        new("ENSURE_TABLES_HAVE_RELATIONSHIPS", "Every table takes part in a relationship.",
            m => m.Tables.Where(t => !m.IsIgnored(t, "ENSURE_TABLES_HAVE_RELATIONSHIPS") && !m.Joins.Any(j => j.FromTable == t.UnquotedName || j.ToTable == t.UnquotedName)).Select(t => t.UnquotedName)),
        new("DATA_COLUMNS_MUST_HAVE_A_SOURCE_COLUMN", "Every data column names its source column.",
            m => m.Columns.Where(x => x.Column.DefaultText is null && string.IsNullOrWhiteSpace(x.Column.Property("sourceColumn"))).Select(x => $"{x.Table.UnquotedName}.{x.Column.UnquotedName}")),
        new("OBJECTS_WITH_NO_DESCRIPTION", "Visible tables, columns and measures have a description.",
            m => m.Tables.Where(t => t.Description.Count == 0).Select(t => t.UnquotedName)
                .Concat(m.Columns.Where(x => !x.Column.Flag("isHidden") && x.Column.Description.Count == 0).Select(x => $"{x.Table.UnquotedName}.{x.Column.UnquotedName}"))
                .Concat(m.Measures.Where(x => !x.Measure.Flag("isHidden") && x.Measure.Description.Count == 0).Select(x => x.Measure.UnquotedName))),
        new("USE_THE_DIVIDE_FUNCTION_FOR_DIVISION", "Measures divide with DIVIDE, never '/', so an empty denominator gives blank, not an error.",
            m => m.Measures.Where(x => Division().IsMatch(x.Measure.DefaultText ?? "")).Select(x => x.Measure.UnquotedName)),
        new("DAX_COLUMNS_FULLY_QUALIFIED", "DAX names columns as 'Table'[Column], never a bare [Column].",
            m => m.Measures.SelectMany(x => UnqualifiedReference().Matches(x.Measure.DefaultText ?? "").Select(r => r.Groups[1].Value)
                .Where(name => m.Columns.Any(c => c.Column.UnquotedName == name) && !m.Measures.Any(y => y.Measure.UnquotedName == name))
                .Select(name => $"{x.Measure.UnquotedName}: [{name}]"))),
        new("ONE_SOURCE_PER_PARTITION", "A partition reads one source (Sql.Database or File.Contents, never both): the service takes every function named as a source and asks for a gateway.",
            m => m.Tables.Where(t => t.ChildrenOf("partition").Any(p => p.Properties.Where(x => x.Key == "source").Select(x => string.Join("\n", x.Expression ?? [x.Value ?? ""]))
                    .Any(source => source.Contains("Sql.Database(", StringComparison.Ordinal) && source.Contains("File.Contents(", StringComparison.Ordinal))))
                .Select(t => t.UnquotedName)),
        new("PARTITION_NAME_SHOULD_MATCH_TABLE_NAME", "A single-partition table's partition has the table's name.",
            m => m.Tables.Where(t => t.ChildrenOf("partition").Count() == 1 && t.ChildrenOf("partition").Single().UnquotedName != t.UnquotedName).Select(t => t.UnquotedName)),
    ];

    public static IReadOnlyList<ModelRule> All { get; } = [.. Structural, .. BestPractice];

    public static IEnumerable<(ModelRule Rule, string Where)> Check(ParsedModel model) =>
        All.SelectMany(rule => rule.Violations(model).Select(v => (rule, v)));
}
