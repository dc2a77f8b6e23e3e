using RegionalWarehouse.Etl.SupportingFamilies;

namespace RegionalWarehouse.Cli.Commands;

public static class TemplateCommand
{
    public static Command Create()
    {
        var kind = new Argument<string>("return") { Description = "The return whose template to write: sf (Supporting Families)." };
        var output = new Option<string>("--out") { Description = "Folder to write the CSV and .xlsx templates into.", DefaultValueFactory = _ => Path.Combine("data", "templates") };
        var markdown = new Option<bool>("--markdown") { Description = "Print the data dictionary (docs/supporting-families.md) instead." };
        var command = new Command("template", "Write a blank return template for LAs to fill in (CSV and Excel with a guide sheet).") { kind, output, markdown };
        command.SetAction(parse =>
        {
            if (!string.Equals(parse.GetValue(kind), "sf", StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException($"No template for '{parse.GetValue(kind)}'. Templates exist for: sf. The 903 uses the DfE's own format.");
            if (parse.GetValue(markdown))
            {
                Console.Write(SfTemplate.Markdown(new SfReturnType().RuleCatalogue));
                return ExitCodes.Success;
            }
            var folder = Directory.CreateDirectory(parse.GetValue(output)!).FullName;
            File.WriteAllText(Path.Combine(folder, "supporting-families-template.csv"), SfTemplate.Csv);
            using (var stream = File.Create(Path.Combine(folder, "supporting-families-template.xlsx")))
                SfTemplate.WriteXlsx(stream);
            AnsiConsole.MarkupLine($"Wrote [blue]supporting-families-template.csv[/] and [blue]supporting-families-template.xlsx[/] to {Markup.Escape(folder)}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
