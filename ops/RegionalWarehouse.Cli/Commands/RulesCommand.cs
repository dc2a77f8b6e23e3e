using RegionalWarehouse.Etl.Submissions;

namespace RegionalWarehouse.Cli.Commands;

public static class RulesCommand
{
    // Rules need no warehouse, so no host is built: the return types are listed straight from the catalogue.
    private static IReadOnlyList<IReturnType> ReturnTypes => PlatformHost.ReturnTypes;

    public static Command Create()
    {
        var table = new Option<string?>("--table") { Description = "Only the rules for this table (e.g. Episodes)." };
        var returnType = new Option<string?>("--return") { Description = $"Only this return type's rules: {string.Join(", ", ReturnTypes.Select(r => r.Code))}." };
        var year = new Option<int?>("--year") { Description = "Only the rules that apply to this collection year (e.g. 2024 for 2023/24)." };
        var summary = new Option<bool>("--summary") { Description = "Counts by return and table (and how many carry a DfE code) instead of the list." };
        var format = Listing.FormatOption();
        var command = new Command("rules", "List every validation rule: code, the DfE's code for the same check, the years it applies to, severity, return, table and what it checks.")
        {
            table, returnType, year, summary, format,
        };
        command.SetAction(parse =>
        {
            var filter = parse.GetValue(table);
            var only = parse.GetValue(returnType);
            if (only is not null && !ReturnTypes.Any(r => string.Equals(r.Code, only, StringComparison.OrdinalIgnoreCase)))
                throw new ArgumentException($"Unknown return type '{only}'. Use one of: {string.Join(", ", ReturnTypes.Select(r => r.Code))}.");
            var inYear = parse.GetValue(year);
            var rules = SubmissionRules.All.Select(r => (Return: "(all)", Rule: r))
                .Concat(ReturnTypes.SelectMany(t => t.RuleCatalogue.Select(r => (Return: t.Code, Rule: r))))
                .Where(x => only is null || x.Return == "(all)" || string.Equals(x.Return, only, StringComparison.OrdinalIgnoreCase))
                .Where(x => filter is null || string.Equals(x.Rule.Table, filter, StringComparison.OrdinalIgnoreCase))
                .Where(x => inYear is null || x.Rule.AppliesIn(inYear.Value))
                .ToList();
            if (parse.GetValue(summary))
            {
                var counts = new Listing("return", "table", "rules", "with DfE code", "DfE codes", "errors", "warnings");
                foreach (var group in rules.GroupBy(x => (x.Return, x.Rule.Table)))
                    counts.Add(group.Key.Return, group.Key.Table, group.Count().ToString(), group.Count(x => x.Rule.DfeCode is not null).ToString(),
                        DfeCodesCovered(group).ToString(),
                        group.Count(x => x.Rule.Severity == Etl.Validation.Severity.Error).ToString(), group.Count(x => x.Rule.Severity == Etl.Validation.Severity.Warning).ToString());
                counts.Add("all", "", rules.Count.ToString(), rules.Count(x => x.Rule.DfeCode is not null).ToString(), DfeCodesCovered(rules).ToString(),
                    rules.Count(x => x.Rule.Severity == Etl.Validation.Severity.Error).ToString(), rules.Count(x => x.Rule.Severity == Etl.Validation.Severity.Warning).ToString());
                counts.Write(parse.GetValue(format));
                return ExitCodes.Success;
            }
            var grid = new Listing("code", "DfE", "years", "severity", "return", "table", "rule").Droppable("return", "years");
            foreach (var (code, rule) in rules)
                grid.Add(rule.Code, rule.DfeCode ?? "", rule.Years, rule.Severity.ToString().ToLowerInvariant(), code, rule.Table,
                    rule.Note is null ? rule.Description : $"{rule.Description} ({rule.Note})");
            grid.Write(parse.GetValue(format));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Distinct DfE rule codes the rules carry (one platform check can cover several, and several one).</summary>
    private static int DfeCodesCovered(IEnumerable<(string Return, Etl.Validation.RuleInfo Rule)> rules) =>
        rules.SelectMany(x => x.Rule.DfeCodes).Distinct().Count();
}
