using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using RegionalWarehouse.Warehouse.Migrations;
using RegionalWarehouse.Warehouse.Views;

namespace RegionalWarehouse.Tests.Warehouse;

/// <summary>Reads the SQL Server migrations with ScriptDom, the parser SQL Server tooling itself uses.</summary>
public static partial class TsqlSchema
{
    /// <summary>Every batch SQL Server would run on a fresh database: the migrations, then the current views.</summary>
    public static IEnumerable<(string Script, string Batch)> Batches() =>
        WarehouseMigrator.ScriptsFor("SqlServer").Select(s => (s.Name, s.Sql))
            .Concat(CurrentViews.For("SqlServer").Select(v => (v.ScriptName, v.Sql)))
            .SelectMany(s => GoSeparator().Split(s.Item2).Where(b => !string.IsNullOrWhiteSpace(b)).Select(b => (s.Item1, b)));

    public static IList<ParseError> Parse(string batch, out TSqlFragment fragment)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(batch);
        fragment = parser.Parse(reader, out var errors);
        return errors;
    }

    public static SchemaShape Shape()
    {
        var visitor = new ShapeVisitor();
        foreach (var (_, batch) in Batches())
        {
            Parse(batch, out var fragment);
            fragment.Accept(visitor);
        }
        return new SchemaShape(visitor.Columns, visitor.Views);
    }

    private sealed class ShapeVisitor : TSqlFragmentVisitor
    {
        public Dictionary<string, List<ColumnShape>> Columns { get; } = new(StringComparer.OrdinalIgnoreCase);
        public HashSet<string> Views { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override void Visit(CreateTableStatement node)
        {
            var table = Name(node.SchemaObjectName);
            var primaryKey = node.Definition.TableConstraints.OfType<UniqueConstraintDefinition>()
                .Where(c => c.IsPrimaryKey).SelectMany(c => c.Columns).Select(c => c.Column.MultiPartIdentifier.Identifiers.Last().Value)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            Columns[table] = node.Definition.ColumnDefinitions.Select(c => new ColumnShape(
                c.ColumnIdentifier.Value.ToLowerInvariant(),
                TypeFamily.FromTsql(c.DataType),
                Nullable: !primaryKey.Contains(c.ColumnIdentifier.Value)
                          && !c.Constraints.OfType<UniqueConstraintDefinition>().Any(u => u.IsPrimaryKey)
                          && c.Constraints.OfType<NullableConstraintDefinition>().All(n => n.Nullable)))
                .ToList();
        }

        public override void Visit(AlterTableAddTableElementStatement node) =>
            Columns[Name(node.SchemaObjectName)].AddRange(node.Definition.ColumnDefinitions.Select(c => new ColumnShape(
                c.ColumnIdentifier.Value.ToLowerInvariant(), TypeFamily.FromTsql(c.DataType), c.Constraints.OfType<NullableConstraintDefinition>().All(n => n.Nullable))));

        public override void Visit(AlterTableAlterColumnStatement node)
        {
            var columns = Columns[Name(node.SchemaObjectName)];
            var index = columns.FindIndex(c => c.Name == node.ColumnIdentifier.Value.ToLowerInvariant());
            if (index >= 0 && node.DataType is not null)
                columns[index] = columns[index] with { Type = TypeFamily.FromTsql(node.DataType) };
        }

        public override void Visit(CreateViewStatement node) => Views.Add(Name(node.SchemaObjectName));

        public override void Visit(CreateOrAlterViewStatement node) => Views.Add(Name(node.SchemaObjectName));

        private static string Name(SchemaObjectName name) =>
            $"{name.SchemaIdentifier?.Value ?? "dbo"}.{name.BaseIdentifier.Value}".ToLowerInvariant();
    }

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoSeparator();
}

public sealed record SchemaShape(Dictionary<string, List<ColumnShape>> Tables, HashSet<string> Views);

public sealed record ColumnShape(string Name, string Type, bool Nullable)
{
    public override string ToString() => $"{Name} {Type}{(Nullable ? "" : " not null")}";
}

/// <summary>Engine types folded into the families that must agree for the two engines to be interchangeable.</summary>
public static class TypeFamily
{
    public static string FromTsql(DataTypeReference type) => type switch
    {
        SqlDataTypeReference sql => sql.SqlDataTypeOption switch
        {
            SqlDataTypeOption.Int => "integer",
            SqlDataTypeOption.BigInt => "bigint",
            SqlDataTypeOption.SmallInt => "smallint",
            SqlDataTypeOption.NVarChar or SqlDataTypeOption.VarChar or SqlDataTypeOption.NChar or SqlDataTypeOption.Char => "text",
            SqlDataTypeOption.Date => "date",
            SqlDataTypeOption.DateTime2 or SqlDataTypeOption.DateTime => "timestamp",
            SqlDataTypeOption.Bit => "boolean",
            SqlDataTypeOption.Float => "double",
            SqlDataTypeOption.Real => "float",
            SqlDataTypeOption.Decimal or SqlDataTypeOption.Numeric =>
                $"decimal({string.Join(",", sql.Parameters.Select(p => p.Value))})",
            var other => "tsql:" + other,
        },
        _ => "tsql:" + type.Name.BaseIdentifier.Value,
    };

    public static string FromDuckDb(string dataType) => dataType.ToUpperInvariant() switch
    {
        "INTEGER" => "integer",
        "BIGINT" => "bigint",
        "SMALLINT" => "smallint",
        "VARCHAR" => "text",
        "DATE" => "date",
        "TIMESTAMP" => "timestamp",
        "BOOLEAN" => "boolean",
        "DOUBLE" => "double",
        "FLOAT" => "float",
        var d when d.StartsWith("DECIMAL(") => d.ToLowerInvariant().Replace(" ", ""),
        var other => "duckdb:" + other,
    };
}
