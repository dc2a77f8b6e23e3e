namespace RegionalWarehouse.Tests.Warehouse;

/// <summary>
/// SQL Server cannot run here, so parity is proved by comparing what DuckDB actually built with what
/// ScriptDom reads from the T-SQL scripts: same tables, same columns, compatible types, same nullability.
/// </summary>
public class SchemaParityTests : IClassFixture<SchemaParityTests.Shapes>
{
    private readonly Shapes _shapes;

    public SchemaParityTests(Shapes shapes) => _shapes = shapes;

    public sealed class Shapes : IDisposable
    {
        private readonly TemporaryWarehouse _warehouse = new();

        public Shapes()
        {
            SqlServer = TsqlSchema.Shape();
            var columns = _warehouse.Rows("""
                select c.table_schema || '.' || c.table_name, c.column_name, c.data_type, c.is_nullable
                from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where t.table_type = 'BASE TABLE' and c.table_schema in ('ref', 'etl', 'dw', 'mart', 'bi')
                order by c.table_schema, c.table_name, c.ordinal_position
                """);
            DuckDb = new SchemaShape(
                columns.GroupBy(c => (string)c[0]!, StringComparer.OrdinalIgnoreCase).ToDictionary(
                    g => g.Key,
                    g => g.Select(c => new ColumnShape(((string)c[1]!).ToLowerInvariant(), TypeFamily.FromDuckDb((string)c[2]!), (string)c[3]! == "YES")).ToList(),
                    StringComparer.OrdinalIgnoreCase),
                _warehouse.Rows("select table_schema || '.' || table_name from information_schema.tables where table_type = 'VIEW' and table_schema in ('ref', 'etl', 'dw', 'mart', 'bi')")
                    .Select(r => (string)r[0]!).ToHashSet(StringComparer.OrdinalIgnoreCase));
        }

        public SchemaShape DuckDb { get; }
        public SchemaShape SqlServer { get; }

        public void Dispose() => _warehouse.Dispose();
    }

    [Fact]
    public void Both_engines_create_the_same_tables()
    {
        Assert.Equal(_shapes.DuckDb.Tables.Keys.Order(), _shapes.SqlServer.Tables.Keys.Order());
        Assert.NotEmpty(_shapes.DuckDb.Tables);
    }

    [Fact]
    public void Both_engines_create_the_same_views()
    {
        Assert.Equal(_shapes.DuckDb.Views.Order(), _shapes.SqlServer.Views.Order());
    }

    [Fact]
    public void Every_table_has_the_same_columns_types_and_nullability_on_both_engines()
    {
        var differences = new List<string>();
        foreach (var (table, duckColumns) in _shapes.DuckDb.Tables)
        {
            if (!_shapes.SqlServer.Tables.TryGetValue(table, out var sqlColumns))
                continue;
            var duck = duckColumns.Select(c => c.ToString()).ToHashSet();
            var sql = sqlColumns.Select(c => c.ToString()).ToHashSet();
            differences.AddRange(duck.Except(sql).Select(c => $"{table}: DuckDB has '{c}', SQL Server does not"));
            differences.AddRange(sql.Except(duck).Select(c => $"{table}: SQL Server has '{c}', DuckDB does not"));
        }

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    [Fact]
    public void No_column_uses_a_type_without_a_counterpart_on_the_other_engine()
    {
        var unmapped = _shapes.DuckDb.Tables.Concat(_shapes.SqlServer.Tables)
            .SelectMany(t => t.Value.Where(c => c.Type.Contains(':')).Select(c => $"{t.Key}.{c}"))
            .ToList();

        Assert.Empty(unmapped);
    }
}
