using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using RegionalWarehouse.Synthetic.Ssda903;
using RegionalWarehouse.Synthetic.Verification;
using RegionalWarehouse.Warehouse;

namespace RegionalWarehouse.Cli.Commands;

/// <summary>
/// `rw verify-engine`: proves the configured engine computes what DuckDB computes. On SQL Server it loads a generated
/// region into the empty scratch database Warehouse:VerifyConnectionString names (never the warehouse itself); on the
/// embedded default it checks a second DuckDB file and says what it would check on Azure.
/// </summary>
public static class VerifyEngineCommand
{
    public const string ScratchSetting = "Warehouse:VerifyConnectionString";

    public static Command Create()
    {
        var years = new Option<string>("--years") { Description = "Collection years to generate.", DefaultValueFactory = _ => "2024-2025" };
        var scale = new Option<double>("--scale") { Description = "Size of each LA's synthetic return relative to its real scale.", DefaultValueFactory = _ => 0.05 };
        var las = new Option<string>("--la") { Description = "The LAs to generate (DfE codes, comma-separated), or 'region' for the eleven members.", DefaultValueFactory = _ => "region" };
        var command = new Command("verify-engine",
            "Load a generated region into the configured engine (on SQL Server, the empty scratch database Warehouse:VerifyConnectionString) and into DuckDB, " +
            "and compare every mart table row for row. Exit 1 on any difference.")
        {
            years, scale, las,
        };
        command.SetAction(parse =>
        {
            var builder = PlatformHost.CreateBuilder([]);
            using var host = builder.Build();
            var options = host.Services.GetRequiredService<IOptions<WarehouseOptions>>().Value;
            var work = Directory.CreateTempSubdirectory("rw-verify-").FullName;
            try
            {
                IWarehouseEngine target;
                if (options.EngineKind == WarehouseEngineKind.SqlServer)
                {
                    var scratch = host.Services.GetRequiredService<IConfiguration>()[ScratchSetting];
                    if (string.IsNullOrWhiteSpace(scratch))
                        throw new InvalidOperationException($"Set {ScratchSetting} (RW__Warehouse__VerifyConnectionString) to an empty scratch database: verify-engine loads a synthetic region into it, never into the warehouse.");
                    target = new SqlServerEngine(scratch);
                }
                else
                {
                    AnsiConsole.WriteLine("Embedded default: comparing a second DuckDB warehouse with the reference. On Azure, set Warehouse:Engine to SqlServer and " +
                                          $"{ScratchSetting} to an empty scratch database: the same run then proves the T-SQL migrations and views.");
                    target = new DuckDbEngine(Path.Combine(work, "target.duckdb"));
                }
                var (first, last) = GenerateCommand.ParseYears(parse.GetValue(years)!);
                var results = new EngineVerification(AnsiConsole.WriteLine)
                    .Run(target, new GeneratorRequest(GenerateCommand.ParseLas(parse.GetValue(las)!), first, last, Seed: 11, Scale: parse.GetValue(scale)), work);
                var table = new Listing("mart table", "rows", "DuckDB rows", "differences", "verdict");
                foreach (var r in results)
                    table.Add(r.Table, r.Rows.ToString("N0"), r.ReferenceRows.ToString("N0"), r.Differences.ToString("N0"), r.Same ? "same" : "differs");
                table.Write(OutputFormat.Table);
                foreach (var r in results.Where(r => !r.Same))
                    AnsiConsole.WriteLine($"{r.Table}: {r.FirstDifference}");
                AnsiConsole.WriteLine(results.All(r => r.Same)
                    ? $"The {target.Describe()} computes every mart row as DuckDB does ({results.Sum(r => r.Rows):N0} rows in {results.Count} tables)."
                    : $"{results.Count(r => !r.Same)} mart table(s) differ from DuckDB.");
                return results.All(r => r.Same) ? ExitCodes.Success : ExitCodes.Failure;
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        });
        return command;
    }
}
