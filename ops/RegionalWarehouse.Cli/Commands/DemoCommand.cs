using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using RegionalWarehouse.Etl.Landing;
using RegionalWarehouse.Etl.Privacy;
using RegionalWarehouse.Synthetic.Demo;
using RegionalWarehouse.Synthetic.Ssda903;
using RegionalWarehouse.Warehouse;
using RegionalWarehouse.Warehouse.Migrations;

namespace RegionalWarehouse.Cli.Commands;

public static class DemoCommand
{
    public static Command Create()
    {
        var years = new Option<string>("--years") { Description = "Collection years to generate on first run.", DefaultValueFactory = _ => "2019-2025" };
        var scale = new Option<double>("--scale") { Description = "Size of each LA's synthetic return relative to its real scale.", DefaultValueFactory = _ => 1.0 };
        var exitWhenIdle = new Option<bool>("--exit-when-idle") { Description = "Stop once everything is processed (otherwise run until Ctrl+C)." };
        var command = new Command("demo", "The main job on the embedded default: seed a synthetic 11-LA history into the landing folder on first run, then run the workers on it and a DuckDB warehouse.")
        {
            years, scale, exitWhenIdle,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configuration = new ConfigurationBuilder()
                .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
                .AddJsonFile("appsettings.json", optional: true)
                .AddEnvironmentVariables(PlatformHost.EnvironmentPrefix)
                .Build();
            var overrides = new Dictionary<string, string?> { ["Landing:Kind"] = "Folder" };
            if (string.IsNullOrWhiteSpace(configuration["Privacy:PseudonymisationKey"]))
            {
                overrides["Privacy:PseudonymisationKey"] = PrivacyOptions.DemoKey;
                AnsiConsole.MarkupLine("[yellow]Using the built-in demo pseudonymisation key: synthetic data only.[/]");
            }
            var landing = new FolderLandingStore(configuration["Landing:Folder"] ?? new LandingOptions().Folder);
            var warehouse = configuration.GetSection(WarehouseOptions.Section).Get<WarehouseOptions>() ?? new WarehouseOptions();
            var firstRun = warehouse.EngineKind != WarehouseEngineKind.DuckDb || !File.Exists(warehouse.DuckDbPath);
            if (firstRun && !Directory.Exists(landing.LandingFolder))
            {
                Seed(landing, parse.GetValue(years)!, parse.GetValue(scale));
                // Before anything loads, the warehouse records that the members' returns are synthetic.
                var engine = WarehouseEngineFactory.Create(warehouse);
                new WarehouseMigrator(engine, NullLogger<WarehouseMigrator>.Instance).Migrate();
                SyntheticMark.Mark(engine, GenerateCommand.EastOfEngland);
            }

            await WorkerCommand.RunAsync(overrides, parse.GetValue(exitWhenIdle), cancellationToken);

            using var host = PlatformHost.CreateBuilder([], overrides).Build();
            StatusCommand.Print(WarehouseEngineFactory.Create(warehouse));
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Seed(FolderLandingStore landing, string years, double scale)
    {
        var (first, last) = GenerateCommand.ParseYears(years);
        var request = new GeneratorRequest(GenerateCommand.EastOfEngland, first, last, Seed: 1, Scale: scale);
        AnsiConsole.Progress().Start(progress =>
        {
            var task = progress.AddTask($"Generating synthetic 903, Supporting Families and context returns for 11 LAs, {first}-{last}",
                maxValue: SyntheticLanding.CountSubmissions(SyntheticKinds.All, request.LaCodes.Count, first, last));
            var writer = new SyntheticLanding(landing.LandingFolder, "demo");
            writer.Written += _ => task.Increment(1);
            writer.Write(SyntheticKinds.All, request);
        });
        AnsiConsole.MarkupLine($"Synthetic returns are in [blue]{landing.LandingFolder}[/]; the workers pick them up now.");
    }
}
