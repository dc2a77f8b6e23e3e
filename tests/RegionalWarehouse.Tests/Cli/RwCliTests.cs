using DuckDB.NET.Data;
using RegionalWarehouse.Tests.Support;

namespace RegionalWarehouse.Tests.Cli;

public class RwCliTests
{
    [Fact]
    public void Help_lists_the_commands()
    {
        var result = RwProcess.Run(Path.GetTempPath(), null, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("migrate", result.Output);
    }

    [Fact]
    public void Migrate_help_describes_the_command()
    {
        var result = RwProcess.Run(Path.GetTempPath(), null, "migrate", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--dry-run", result.Output);
    }

    [Fact]
    public void Migrate_in_an_empty_folder_creates_a_duckdb_warehouse_listing_the_eleven_las()
    {
        var folder = Directory.CreateTempSubdirectory("rw-cli-").FullName;
        try
        {
            var result = RwProcess.Run(folder, null, "migrate");

            Assert.Equal(0, result.ExitCode);
            var file = Path.Combine(folder, "data", "warehouse.duckdb");
            Assert.True(File.Exists(file), result.Output + result.Error);
            using var connection = new DuckDBConnection($"Data Source={file}");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "select count(*) from ref.local_authority where is_platform_member";
            Assert.Equal(11L, Convert.ToInt64(command.ExecuteScalar()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_bad_engine_name_exits_1_with_a_one_line_explanation()
    {
        var result = RwProcess.Run(Path.GetTempPath(), new Dictionary<string, string> { ["RW__Warehouse__Engine"] = "Oracle" }, "migrate");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: Warehouse:Engine is 'Oracle'", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }
}
