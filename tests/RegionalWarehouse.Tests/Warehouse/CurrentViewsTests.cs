using RegionalWarehouse.Warehouse.Migrations;
using RegionalWarehouse.Warehouse.Views;

namespace RegionalWarehouse.Tests.Warehouse;

/// <summary>
/// Views, table macros and functions live one file per object holding the current definition: shared by both
/// engines (Views/&lt;schema&gt;.&lt;name&gt;.sql) or, where the dialects differ, one per engine side by side
/// (Views/DuckDb/… beside Views/SqlServer/…). Migrations hold tables and data changes only.
/// </summary>
public class CurrentViewsTests
{
    [Fact]
    public void Every_view_macro_and_function_has_a_file_in_both_engines()
    {
        var duck = CurrentViews.For("DuckDb").Select(v => v.ObjectName).Order();
        var sql = CurrentViews.For("SqlServer").Select(v => v.ObjectName).Order();

        Assert.Equal(duck, sql);
        Assert.Contains("dw.cla_child_year", duck);
    }

    [Fact]
    public void Each_file_defines_the_object_it_is_named_after_and_nothing_else()
    {
        foreach (var engine in new[] { "DuckDb", "SqlServer" })
            foreach (var view in CurrentViews.For(engine))
            {
                var definitions = System.Text.RegularExpressions.Regex.Matches(view.Sql,
                    @"^\s*create\s+or\s+(replace|alter)\s+(view|macro|function)\s+([\w.]+)",
                    System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.Multiline);
                Assert.True(definitions.Count == 1, $"{view.ScriptName}: {definitions.Count} definitions");
                Assert.Equal(view.ObjectName, definitions[0].Groups[3].Value, ignoreCase: true);
            }
    }

    [Fact]
    public void Migrations_create_no_views_macros_or_functions()
    {
        foreach (var engine in new[] { "DuckDb", "SqlServer" })
            foreach (var migration in WarehouseMigrator.ScriptsFor(engine))
                Assert.DoesNotMatch(@"(?im)^\s*create\s+(or\s+(replace|alter)\s+)?(view|macro|function)\b", migration.Sql);
    }

    [Fact]
    public void A_shared_definition_is_each_engines_replace_in_place()
    {
        var duck = CurrentViews.For("DuckDb").Single(v => v.ObjectName == "dw.cla_child_year");
        var sql = CurrentViews.For("SqlServer").Single(v => v.ObjectName == "dw.cla_child_year");

        Assert.Equal("Views/dw.cla_child_year.sql", duck.ScriptName);
        Assert.Contains("create or replace view dw.cla_child_year", duck.Sql);
        Assert.Contains("CREATE OR ALTER view dw.cla_child_year", sql.Sql);
    }

    [Fact]
    public void A_dialect_specific_definition_is_a_pair_of_files()
    {
        Assert.Equal("Views/DuckDb/dw.cla_child_year_for.sql", CurrentViews.For("DuckDb").Single(v => v.ObjectName == "dw.cla_child_year_for").ScriptName);
        Assert.Equal("Views/SqlServer/dw.cla_child_year_for.sql", CurrentViews.For("SqlServer").Single(v => v.ObjectName == "dw.cla_child_year_for").ScriptName);
    }

    [Fact]
    public void A_view_comes_after_every_object_it_reads()
    {
        var order = CurrentViews.For("DuckDb").Select(v => v.ObjectName).ToList();

        Assert.True(order.IndexOf("dw.cla_child_year_for") < order.IndexOf("dw.cla_child_year"));
        Assert.True(order.IndexOf("dw.cla_episode") < order.IndexOf("dw.cla_episode_sequence"));
        Assert.True(order.IndexOf("dw.cla_stock_flow_for") < order.IndexOf("dw.cla_stock_flow"));
    }

    [Fact]
    public void Every_duckdb_view_exists_on_a_migrated_warehouse()
    {
        using var warehouse = new TemporaryWarehouse();

        var existing = warehouse.Rows("""
            select schema_name || '.' || view_name from duckdb_views() where not internal
            union all
            select schema_name || '.' || function_name from duckdb_functions() where function_type = 'table_macro'
            """).Select(r => (string)r[0]!).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.All(CurrentViews.For("DuckDb"), v => Assert.Contains(v.ObjectName, existing));
    }

    [Fact]
    public void A_changed_view_file_reaches_an_existing_warehouse_on_the_next_migrate()
    {
        using var warehouse = new TemporaryWarehouse();
        // An operator's hand edit (or a warehouse migrated by an older build) is put back to the file's definition.
        warehouse.Execute("create or replace view dw.dim_local_authority as select 1 as stale");

        warehouse.Migrator.Migrate();

        Assert.Contains("la_name", warehouse.Rows("select column_name from information_schema.columns where table_schema = 'dw' and table_name = 'dim_local_authority'")
            .Select(r => (string)r[0]!));
    }

    [Fact]
    public void Views_are_not_journaled_as_migrations()
    {
        using var warehouse = new TemporaryWarehouse();
        warehouse.Migrator.Migrate();

        Assert.Equal(WarehouseMigrator.ScriptsFor("DuckDb").Count, warehouse.Scalar<long>("select count(*) from SchemaVersions"));
    }
}
