using Microsoft.Extensions.Options;
using RegionalWarehouse.Etl.Governance;

namespace RegionalWarehouse.Cli.Commands;

/// <summary>`rw governance report`: the document a DPO reads before signing.</summary>
public static class GovernanceCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder to write governance-report.md and governance-report.html to (the repository's docs/ copy is a sample).", DefaultValueFactory = _ => Path.Combine("data", "governance") };
        var report = new Command("report",
            "Write the governance report (Markdown and HTML): what is shared by whom and why, where it is stored, who can see child-level rows, " +
            "what is done to each personal field, retention, the last loads and the changes of agreement.") { output };
        report.SetAction(parse =>
        {
            using var host = CliHost.Open();
            var markdown = GovernanceReport.Markdown(host.Services.GetRequiredService<IWarehouseEngine>(),
                host.Services.GetRequiredService<IOptions<AccessOptions>>().Value, DateTime.UtcNow);
            var folder = Directory.CreateDirectory(parse.GetValue(output)!).FullName;
            File.WriteAllText(Path.Combine(folder, "governance-report.md"), markdown);
            File.WriteAllText(Path.Combine(folder, "governance-report.html"), GovernanceReport.Html(markdown));
            AnsiConsole.WriteLine($"Written: {Path.Combine(folder, "governance-report.md")} and governance-report.html");
            return ExitCodes.Success;
        });
        return new Command("governance", "Information governance: the DPO's report.") { report };
    }
}
