using RegionalWarehouse.SemanticModel;

namespace RegionalWarehouse.Cli.Commands;

/// <summary>`rw model …`: the Power BI semantic model kept in semantic-model/.</summary>
public static class ModelCommands
{
    private static Option<string> Folder() => new("--folder") { Description = "The semantic-model folder.", DefaultValueFactory = _ => "semantic-model" };

    public static Command Create()
    {
        var model = new Command("model", "The Power BI semantic model (PBIP/TMDL in semantic-model/): generate, check, deploy, refresh, reconcile.");
        model.Subcommands.Add(Generate());
        model.Subcommands.Add(Check());
        foreach (var command in ModelServiceCommands.Create())
            model.Subcommands.Add(command);
        return model;
    }

    private static Command Generate()
    {
        var folder = Folder();
        var source = new Option<ModelSource>("--source")
        {
            Description = "The one source the model reads: sqlserver (Azure SQL / SQL Server, the production model kept in git) or parquet (files from `rw export-parquet`).",
            DefaultValueFactory = _ => ModelSource.SqlServer,
        };
        var command = new Command("generate", "Regenerate the PBIP project from the migrations and the metric catalogue (deterministic: no change, no diff), then check it.") { folder, source };
        command.SetAction(parse =>
        {
            var root = parse.GetValue(folder)!;
            var files = ModelProject.Generate(parse.GetValue(source));
            var changed = ModelProject.Write(root, files);
            AnsiConsole.WriteLine(changed.Count == 0 ? $"{files.Count} files in {root}: already current." : $"{changed.Count} of {files.Count} files changed in {root}:");
            foreach (var path in changed)
                AnsiConsole.WriteLine($"  {path}");
            return Report(new ParsedModel(files));
        });
        return command;
    }

    private static Command Check()
    {
        var folder = Folder();
        var command = new Command("check", "Parse the TMDL in the folder and run the structural and best-practice rules; exit 1 on any violation.") { folder };
        command.SetAction(parse => Report(new ParsedModel(ModelProject.Read(parse.GetValue(folder)!))));
        return command;
    }

    private static int Report(ParsedModel model)
    {
        var violations = ModelRules.Check(model).ToList();
        foreach (var (rule, where) in violations)
            AnsiConsole.MarkupLine($"[red]{rule.Id}[/] {Markup.Escape(where)}: {Markup.Escape(rule.Description)}");
        AnsiConsole.WriteLine($"{model.Tables.Count} tables, {model.Measures.Count()} measures, {model.Relationships.Count} relationships, {model.Roles.Count} roles; " +
                              $"{ModelRules.All.Count} rules, {violations.Count} violation(s).");
        return violations.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }
}
