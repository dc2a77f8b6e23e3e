using DuckDB.NET.Data;

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

    public static TheoryData<string> EveryCommand()
    {
        IEnumerable<string> Paths(System.CommandLine.Command command, string prefix) =>
            command.Subcommands.SelectMany(c => new[] { $"{prefix}{c.Name}" }.Concat(Paths(c, $"{prefix}{c.Name} ")));
        return new TheoryData<string>(Paths(RegionalWarehouse.Cli.Commands.RwCommands.Root(), ""));
    }

    [Theory]
    [MemberData(nameof(EveryCommand))]
    public void Every_command_has_help_and_a_description(string command)
    {
        var root = RegionalWarehouse.Cli.Commands.RwCommands.Root();
        var output = new StringWriter();

        var parse = root.Parse([.. command.Split(' '), "--help"]);
        var exit = parse.Invoke(new System.CommandLine.InvocationConfiguration { Output = output });

        Assert.Equal(0, exit);
        Assert.Empty(parse.Errors);
        Assert.False(string.IsNullOrWhiteSpace(parse.CommandResult.Command.Description), $"rw {command} has no description");
        Assert.Contains("Usage:", output.ToString());
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

    [Fact]
    public void A_dashboard_port_already_in_use_is_one_error_line_naming_the_setting_not_a_stack_trace()
    {
        using var occupied = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        occupied.Start();
        var port = ((System.Net.IPEndPoint)occupied.LocalEndpoint).Port;
        var folder = Directory.CreateTempSubdirectory("rw-port-").FullName;
        try
        {
            var result = RwProcess.Run(folder, new Dictionary<string, string> { ["RW__Dashboard__Url"] = $"http://127.0.0.1:{port}" }, "dashboard");

            Assert.Equal(1, result.ExitCode);
            var error = result.Error.Trim();
            Assert.StartsWith("error: ", error);
            Assert.Contains("Dashboard:Url", error);
            Assert.DoesNotContain('\n', error);
            Assert.DoesNotContain("   at ", result.Error + result.Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static readonly Dictionary<string, string> WithKey = new()
    {
        ["RW__Privacy__PseudonymisationKey"] = "cli-test-key-0123456789-0123456789",
        ["RW__Logging__LogLevel__Default"] = "Warning",
    };

    [Fact]
    public void Ingest_exits_0_when_loaded_2_when_rejected_and_says_unchanged_the_second_time()
    {
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        var folder = Directory.CreateTempSubdirectory("rw-cli-").FullName;
        try
        {
            var loaded = RwProcess.Run(folder, WithKey, "ingest", fixture.Folder, "--la", "919", "--period", "2024");
            var again = RwProcess.Run(folder, WithKey, "ingest", fixture.Folder, "--la", "919", "--period", "2024");
            fixture.Set("episodes.csv", 9, "LS", "ZZ");
            var rejected = RwProcess.Run(folder, WithKey, "ingest", fixture.Folder, "--la", "919", "--period", "2024");

            Assert.Equal(0, loaded.ExitCode);
            Assert.Contains("loaded", loaded.Output);
            Assert.Contains("unchanged", again.Output);
            Assert.Equal(2, rejected.ExitCode);
            Assert.Contains("EPI-04", rejected.Output);
            Assert.True(Directory.EnumerateFiles(Path.Combine(folder, "data", "reports"), "report.md", SearchOption.AllDirectories).Count() >= 2);

            // Status says the refused resubmission is the latest and which one the figures still come from; an LA by name.
            var status = RwProcess.Run(folder, WithKey, "status", "--la", "hertfordshire");
            Assert.Equal(0, status.ExitCode);
            var row = status.Output.Split('\n').Single(l => l.Contains("SSDA903"));
            Assert.Contains("rejected", row);
            Assert.Matches(@"\s\d+$", row.TrimEnd()); // the current column names the submission the figures come from

            // A damaged zip is refused unread with its own rule, one report, exit 2.
            var zip = Path.Combine(folder, "return.zip");
            File.WriteAllBytes(zip, [0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
            var damaged = RwProcess.Run(folder, WithKey, "ingest", zip, "--la", "919", "--period", "2024");
            Assert.Equal(2, damaged.ExitCode);
            Assert.Contains("SUB-11", damaged.Output);
            Assert.DoesNotContain("   at ", damaged.Output + damaged.Error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("benchmark --la Hertfordshre --year 2024", "Unknown LA 'Hertfordshre'. Did you mean: 919 Hertfordshire")]
    [InlineData("correlate cla_rate_per_10k imd --year 2024", "Unknown indicator 'imd'. Did you mean: imd_")]
    [InlineData("correlate cla_rate --year 2024 imd_average_score", "Unknown metric 'cla_rate'. Did you mean: cla_rate_per_10k")]
    [InlineData("export-parquet out --agreement EOE-BENCH-2024", "agreement EOE-BENCH-2024 (Regional benchmarking (aggregates)) shares aggregates only")]
    [InlineData("export-parquet out --la 919", "--la limits a child-level export: name the agreement that allows it with --agreement.")]
    public void An_unknown_la_metric_or_indicator_is_one_error_line_naming_the_nearest_exit_1(string arguments, string expected)
    {
        var folder = Directory.CreateTempSubdirectory("rw-cli-").FullName;
        try
        {
            var result = RwProcess.Run(folder, WithKey, arguments.Split(' '));

            Assert.Equal(1, result.ExitCode);
            var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("error: ", line);
            Assert.Contains(expected, line);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Ingest_without_a_pseudonymisation_key_refuses_to_start()
    {
        using var fixture = ReturnFixture.Copy("valid-919-2024");

        var result = RwProcess.Run(Path.GetTempPath(), new Dictionary<string, string> { ["RW__Warehouse__DuckDbPath"] = Path.Combine(fixture.Folder, "w.duckdb") },
            "ingest", fixture.Folder, "--la", "919", "--period", "2024");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("PseudonymisationKey", result.Error);
    }

    [Fact]
    public void Rules_lists_code_severity_table_and_description()
    {
        var result = RwProcess.Run(Path.GetTempPath(), null, "rules", "--table", "Episodes");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("EPI-13", result.Output);
        Assert.Contains("overlap", result.Output);
        Assert.DoesNotContain("HDR-01", result.Output);
    }

    [Fact]
    public void Generate_writes_complete_submissions_in_the_landing_layout()
    {
        var folder = Directory.CreateTempSubdirectory("rw-cli-").FullName;
        try
        {
            var result = RwProcess.Run(folder, null, "generate", "--la", "822", "--years", "2023-2024", "--scale", "0.1", "--out", "landing");

            Assert.Equal(0, result.ExitCode);
            Assert.True(File.Exists(Path.Combine(folder, "landing", "822", "SSDA903", "2024", "seed1", "_READY")));
            Assert.Equal(10, Directory.GetFiles(Path.Combine(folder, "landing", "822", "SSDA903", "2023", "seed1"), "*.csv").Length);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_database_error_during_a_command_is_one_error_line_not_a_stack_trace()
    {
        // What DuckDB says when a query outgrows Warehouse:DuckDbMemoryLimit, advice and all.
        var root = new System.CommandLine.RootCommand("test");
        root.SetAction(int (_) => throw new WarehouseRefusal(
            "Out of Memory Error: could not allocate block of size 256.0 KiB (122.0 MiB/122.0 MiB used)\n\nPossible solutions:\n* Reducing the number of threads"));
        var errors = new StringWriter();

        var exit = await RegionalWarehouse.Cli.Commands.CliRunner.RunAsync(root, [], errors);

        Assert.Equal(1, exit);
        Assert.Equal("error: the warehouse refused the work: Out of Memory Error: could not allocate block of size 256.0 KiB (122.0 MiB/122.0 MiB used)",
            errors.ToString().TrimEnd());
    }

    private sealed class WarehouseRefusal(string message) : System.Data.Common.DbException(message);
}
