using System.CommandLine;
using RegionalWarehouse.Etl.Ssda903.Rules;
using RegionalWarehouse.Etl.Submissions;
using Spectre.Console;

namespace RegionalWarehouse.Cli.Commands;

public static class RulesCommand
{
    public static Command Create()
    {
        var table = new Option<string?>("--table") { Description = "Only the rules for this table (e.g. Episodes)." };
        var command = new Command("rules", "List every validation rule: code, severity, table and what it checks.") { table };
        command.SetAction(parse =>
        {
            var filter = parse.GetValue(table);
            var grid = new Table().AddColumns("code", "severity", "table", "rule");
            foreach (var rule in SubmissionRules.All.Concat(Ssda903RuleSet.Catalogue)
                         .Where(r => filter is null || string.Equals(r.Table, filter, StringComparison.OrdinalIgnoreCase)))
                grid.AddRow(rule.Code, rule.Severity.ToString().ToLowerInvariant(), Markup.Escape(rule.Table), Markup.Escape(rule.Description));
            AnsiConsole.Write(grid);
            return ExitCodes.Success;
        });
        return command;
    }
}
