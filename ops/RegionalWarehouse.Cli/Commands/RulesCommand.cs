using System.CommandLine;
using RegionalWarehouse.Etl.Hosting;
using RegionalWarehouse.Etl.Submissions;
using Spectre.Console;

namespace RegionalWarehouse.Cli.Commands;

public static class RulesCommand
{
    // Rules need no warehouse, so no host is built: the return types are listed straight from the catalogue.
    private static IReadOnlyList<IReturnType> ReturnTypes => PlatformHost.ReturnTypes;

    public static Command Create()
    {
        var table = new Option<string?>("--table") { Description = "Only the rules for this table (e.g. Episodes)." };
        var returnType = new Option<string?>("--return") { Description = $"Only this return type's rules: {string.Join(", ", ReturnTypes.Select(r => r.Code))}." };
        var command = new Command("rules", "List every validation rule: code, severity, return, table and what it checks.") { table, returnType };
        command.SetAction(parse =>
        {
            var filter = parse.GetValue(table);
            var only = parse.GetValue(returnType);
            if (only is not null && !ReturnTypes.Any(r => string.Equals(r.Code, only, StringComparison.OrdinalIgnoreCase)))
                throw new ArgumentException($"Unknown return type '{only}'. Use one of: {string.Join(", ", ReturnTypes.Select(r => r.Code))}.");
            var grid = new Table().AddColumns("code", "severity", "return", "table", "rule");
            var rules = SubmissionRules.All.Select(r => (Return: "(all)", Rule: r))
                .Concat(ReturnTypes.SelectMany(t => t.RuleCatalogue.Select(r => (Return: t.Code, Rule: r))))
                .Where(x => only is null || x.Return == "(all)" || string.Equals(x.Return, only, StringComparison.OrdinalIgnoreCase))
                .Where(x => filter is null || string.Equals(x.Rule.Table, filter, StringComparison.OrdinalIgnoreCase));
            foreach (var (code, rule) in rules)
                grid.AddRow(rule.Code, rule.Severity.ToString().ToLowerInvariant(), code, Markup.Escape(rule.Table), Markup.Escape(rule.Description));
            AnsiConsole.Write(grid);
            return ExitCodes.Success;
        });
        return command;
    }
}
