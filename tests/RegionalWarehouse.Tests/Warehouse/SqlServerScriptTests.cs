namespace RegionalWarehouse.Tests.Warehouse;

public class SqlServerScriptTests
{
    public static TheoryData<string, string> Batches()
    {
        var data = new TheoryData<string, string>();
        foreach (var (script, batch) in TsqlSchema.Batches())
            data.Add(script, batch);
        return data;
    }

    [Theory]
    [MemberData(nameof(Batches))]
    public void Every_tsql_batch_parses_without_errors(string script, string batch)
    {
        var errors = TsqlSchema.Parse(batch, out _);

        Assert.True(errors.Count == 0,
            $"{script}: " + string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}")));
    }

    [Fact]
    public void Both_engines_have_the_same_migration_script_names()
    {
        var duck = RegionalWarehouse.Warehouse.Migrations.WarehouseMigrator.ScriptsFor("DuckDb").Select(s => s.Name.Split('.')[^2]);
        var sql = RegionalWarehouse.Warehouse.Migrations.WarehouseMigrator.ScriptsFor("SqlServer").Select(s => s.Name.Split('.')[^2]);

        Assert.Equal(duck, sql);
    }
}
