using RegionalWarehouse.Synthetic.Demo;
using RegionalWarehouse.Synthetic.Ssda903;

namespace RegionalWarehouse.Cli.Commands;

public static class GenerateCommand
{
    public static readonly string[] EastOfEngland = ["821", "822", "823", "873", "874", "881", "882", "883", "919", "926", "935"];

    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder to write into (the landing layout {la}/SSDA903/{year}/…).", DefaultValueFactory = _ => Path.Combine("data", "generated") };
        var las = new Option<string>("--la") { Description = "Comma-separated DfE LA codes, or 'region' for all eleven.", DefaultValueFactory = _ => "region" };
        var years = new Option<string>("--years") { Description = "Collection years, e.g. 2019-2025 or 2024.", DefaultValueFactory = _ => "2019-2025" };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed writes the same files.", DefaultValueFactory = _ => 1 };
        var scale = new Option<double>("--scale") { Description = "Multiply each LA's typical size (e.g. 0.1 for small test data).", DefaultValueFactory = _ => 1.0 };
        var kind = new Option<string>("--kind") { Description = "What to write: 903, sf (Supporting Families), context (population, IMD, published statistics) or all.", DefaultValueFactory = _ => "903" };
        var inject = new Option<string?>("--inject") { Description = $"Plant a named error in every return: {string.Join(", ", ErrorInjection.Kinds.Select(k => k.Name))}." };
        var command = new Command("generate", "Write realistic synthetic 903 returns for any LAs and years (deterministic for a seed).")
        {
            output, las, years, seed, scale, kind, inject,
        };
        command.SetAction(parse =>
        {
            var request = new GeneratorRequest(ParseLas(parse.GetValue(las)!), 0, 0, parse.GetValue(seed), parse.GetValue(scale), parse.GetValue(inject));
            var (first, last) = ParseYears(parse.GetValue(years)!);
            request = request with { FirstYear = first, LastYear = last };
            var kinds = ParseKinds(parse.GetValue(kind)!);
            if (request.InjectError is not null && kinds != SyntheticKinds.Ssda903)
                throw new ArgumentException("--inject plants 903 errors; use it with --kind 903.");
            var returns = 0;
            var landing = new SyntheticLanding(parse.GetValue(output)!, $"seed{request.Seed}");
            landing.Written += folder =>
            {
                returns++;
                AnsiConsole.WriteLine($"→ {folder}");
            };
            landing.Write(kinds, request);
            AnsiConsole.MarkupLine($"[green]{returns} submission(s) written.[/]");
            return ExitCodes.Success;
        });
        return command;
    }

    public static SyntheticKinds ParseKinds(string value) => value.ToLowerInvariant() switch
    {
        "903" or "ssda903" => SyntheticKinds.Ssda903,
        "sf" => SyntheticKinds.SupportingFamilies,
        "context" => SyntheticKinds.Context,
        "all" => SyntheticKinds.All,
        _ => throw new ArgumentException($"Unknown --kind '{value}'. Use 903, sf, context or all."),
    };

    public static IReadOnlyList<string> ParseLas(string value) =>
        value.Equals("region", StringComparison.OrdinalIgnoreCase) ? EastOfEngland : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static (int First, int Last) ParseYears(string value)
    {
        var parts = value.Split('-', StringSplitOptions.TrimEntries);
        return parts.Length == 2 ? (int.Parse(parts[0]), int.Parse(parts[1])) : (int.Parse(parts[0]), int.Parse(parts[0]));
    }
}
