using RegionalWarehouse.Warehouse.Migrations;

namespace RegionalWarehouse.Tests.Warehouse;

/// <summary>A migration both engines read alike is written once, in DuckDB's spelling; SQL Server gets T-SQL.</summary>
public class PortableDdlTests
{
    [Fact]
    public void A_shared_table_gets_sql_servers_types_sequence_default_and_one_batch_per_statement()
    {
        const string portable = """
            -- A boolean in a comment stays a boolean.
            create sequence etl.thing_id_seq;
            create table etl.thing (
                thing_id   bigint       not null default nextval('etl.thing_id_seq') primary key,
                name       varchar(40)  not null,
                seen_at    timestamp    not null,
                is_live    boolean      not null,
                score      double,
                tally      integer
            );
            alter table etl.thing add column note varchar(200);
            insert into etl.thing_flag select thing_id from etl.thing where is_live = true;
            """;

        var tsql = PortableDdl.ToSqlServer(portable, "test.sql");

        Assert.Equal("""
            -- A boolean in a comment stays a boolean.
            CREATE SEQUENCE etl.thing_id_seq AS BIGINT START WITH 1;
            GO
            create table etl.thing (
                thing_id   bigint       not null DEFAULT (NEXT VALUE FOR etl.thing_id_seq) primary key,
                name       NVARCHAR(40)  not null,
                seen_at    DATETIME2    not null,
                is_live    BIT      not null,
                score      FLOAT,
                tally      INT
            );
            GO
            alter table etl.thing ADD note NVARCHAR(200);
            GO
            insert into etl.thing_flag select thing_id from etl.thing where is_live = 1;
            GO
            """, tsql);
        Assert.Empty(TsqlSchema.Parse(tsql.Replace("GO", ""), out _));
    }

    [Fact]
    public void A_varchar_without_a_length_is_refused_because_tsql_would_read_one_character()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PortableDdl.ToSqlServer("create table x.y (a varchar not null);", "0099_x.sql"));

        Assert.Contains("0099_x.sql", error.Message);
        Assert.Contains("needs a length", error.Message);
    }

    [Fact]
    public void A_shared_migration_keeps_the_journal_name_each_engine_gave_it_when_it_was_a_pair()
    {
        // Warehouses migrated while 0002 was a DuckDB/SQL Server pair journaled it under the engine's folder;
        // the same name means they do not run it again.
        Assert.Contains("RegionalWarehouse.Warehouse.Migrations.DuckDb.0002_reference_tables.sql", WarehouseMigrator.ScriptsFor("DuckDb").Select(s => s.Name));
        Assert.Contains("RegionalWarehouse.Warehouse.Migrations.SqlServer.0002_reference_tables.sql", WarehouseMigrator.ScriptsFor("SqlServer").Select(s => s.Name));
    }
}
