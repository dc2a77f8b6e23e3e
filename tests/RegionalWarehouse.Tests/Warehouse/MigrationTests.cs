namespace RegionalWarehouse.Tests.Warehouse;

public class MigrationTests
{
    [Fact]
    public void Every_duckdb_migration_applies_to_a_fresh_file_and_is_journaled()
    {
        using var warehouse = new TemporaryWarehouse(migrate: false);

        var outcome = warehouse.Migrator.Migrate();

        var scripts = RegionalWarehouse.Warehouse.Migrations.WarehouseMigrator.ScriptsFor("DuckDb");
        Assert.Equal(scripts.Count, outcome.AppliedScripts.Count);
        Assert.Equal(scripts.Count, warehouse.Scalar<long>("select count(*) from SchemaVersions"));
    }

    [Fact]
    public void Migrating_twice_applies_nothing_and_leaves_reference_data_unchanged()
    {
        using var warehouse = new TemporaryWarehouse();

        var second = warehouse.Migrator.Migrate();

        Assert.Empty(second.AppliedScripts);
        Assert.Equal("unchanged", second.Seed.ToString());
        Assert.Empty(warehouse.Migrator.PendingScripts());
    }

    [Fact]
    public void The_duckdb_journal_has_the_columns_dbup_sqlserver_uses()
    {
        using var warehouse = new TemporaryWarehouse();

        var columns = warehouse.Rows(
            "select column_name, data_type from information_schema.columns where table_name = 'SchemaVersions' order by ordinal_position");

        Assert.Equal(
            [("Id", "INTEGER"), ("ScriptName", "VARCHAR"), ("Applied", "TIMESTAMP")],
            columns.Select(c => ((string)c[0]!, (string)c[1]!)).ToArray());
        Assert.All(warehouse.Rows("select ScriptName, Applied from SchemaVersions"), r => Assert.NotNull(r[1]));
    }

    [Fact]
    public void The_four_schemas_exist()
    {
        using var warehouse = new TemporaryWarehouse();

        var schemas = warehouse.Rows("select schema_name from information_schema.schemata").Select(r => (string)r[0]!).ToHashSet();

        Assert.Superset(new HashSet<string> { "ref", "etl", "dw", "mart" }, schemas);
    }

    [Fact]
    public void A_reseed_restores_reference_rows_an_operator_changed_by_hand()
    {
        using var warehouse = new TemporaryWarehouse();
        warehouse.Execute("update ref.local_authority set la_name = 'Typo' where dfe_code = '919'");
        warehouse.Execute("delete from ref.code_list where field_name = 'RNE' and code = 'S'");
        warehouse.Execute("insert into ref.region values ('X1', 'Not a region', null)");

        var outcome = warehouse.Migrator.Migrate();

        Assert.Equal((1, 1, 1), (outcome.Seed.Inserted, outcome.Seed.Updated, outcome.Seed.Deleted));
        Assert.Equal("Hertfordshire", warehouse.Scalar<string>("select la_name from ref.local_authority where dfe_code = '919'"));
    }
}
