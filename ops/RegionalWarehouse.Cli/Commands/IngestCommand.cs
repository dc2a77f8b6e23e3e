using RegionalWarehouse.Etl.Submissions;

namespace RegionalWarehouse.Cli.Commands;

public static class IngestCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "A folder of the return's files, a .zip of them, or a single CSV/.xlsx file." };
        var la = new Option<string>("--la") { Description = "The submitting LA's 3-digit DfE code, e.g. 919, or 'region' for an operator's region-wide contextual file.", Required = true };
        var period = new Option<string>("--period")
        {
            Description = "The period: 903 collection year (2024 = April 2023 to March 2024); SF quarter (2024-Q3); POPULATION/INDICATORS year; IMD edition (2019); PUBLISHED label (cla-2025).",
            Required = true,
        };
        var returnType = new Option<string>("--return") { Description = "The return type: SSDA903, SF, POPULATION, IMD, INDICATORS, PUBLISHED, LAIT or NEIGHBOURS.", DefaultValueFactory = _ => "SSDA903" };
        var reports = new Option<string>("--reports") { Description = "Where to write the JSON and Markdown reports.", DefaultValueFactory = _ => Path.Combine("data", "reports") };
        var command = new Command("ingest", "Validate, pseudonymise and load one submission directly (no scheduler). Exit 0 loaded, 2 rejected, 1 failure.")
        {
            path, la, period, returnType, reports,
        };
        command.SetAction(parse =>
        {
            using var host = CliHost.Open();
            var pipeline = host.Services.GetRequiredService<SubmissionPipeline>();
            var source = parse.GetValue(path)!;
            var identity = new SubmissionIdentity(parse.GetValue(la)!.Trim(), parse.GetValue(returnType)!.Trim().ToUpperInvariant(), parse.GetValue(period)!.Trim());
            // An attempt at this return still in flight was left by a run that was killed: it ends as failed, so no attempt
            // stays "validating" for ever. (A worker processing the same return at this moment records its own outcome after.)
            var engine = host.Services.GetRequiredService<IWarehouseEngine>();
            using (var connection = engine.Open())
                new SubmissionLedger(engine, host.Services.GetRequiredService<TimeProvider>()).AbandonInFlight(connection, identity);
            var report = Run(pipeline, identity, source);
            var folder = Path.Combine(parse.GetValue(reports)!, identity.LaCode, identity.ReturnType, identity.Period, report.SubmissionId?.ToString() ?? "unrecorded");
            if (report.Outcome != "unchanged")
                report.WriteTo(folder);
            Print(report, report.Outcome == "unchanged" ? null : folder);
            return report.Outcome == SubmissionStates.Rejected ? ExitCodes.Rejected : ExitCodes.Success;
        });
        return command;
    }

    internal static SubmissionReport Run(SubmissionPipeline pipeline, SubmissionIdentity identity, string source)
    {
        var files = SubmissionFiles.From(source);
        SubmissionReport? report = null;
        AnsiConsole.Status().Start($"Ingesting {identity} from {source}", context =>
        {
            var progress = new Progress<PipelineStage>(stage => context.Status($"{identity}: {stage.Name}…"));
            report = pipeline.Ingest(identity, files, Path.GetFullPath(source), progress);
        });
        return report!;
    }

    internal static void Print(SubmissionReport report, string? reportFolder)
    {
        var colour = report.Outcome switch
        {
            SubmissionStates.Rejected => "red",
            SubmissionStates.LoadedWithWarnings => "yellow",
            SubmissionStates.LoadedWithErrors => "darkorange",
            _ => "green",
        };
        AnsiConsole.MarkupLine($"[{colour}]{report.LaCode} {report.ReturnType} {report.Period}: {report.Outcome.Replace('_', ' ')}[/] " +
                               $"(submission {report.SubmissionId}, {report.RowsLoaded:N0} rows loaded, {report.ErrorCount} errors, {report.WarningCount} warnings)");
        if (report.Message is not null)
            AnsiConsole.WriteLine(report.Message);
        foreach (var issue in report.Issues.Take(20))
            AnsiConsole.WriteLine($"  {ReportText.ForTerminal(issue.ToString())}");
        if (report.Issues.Count > 20)
            AnsiConsole.WriteLine($"  … and {report.Issues.Count - 20} more in the report.");
        if (reportFolder is not null)
            AnsiConsole.WriteLine($"Report: {Path.Combine(reportFolder, "report.md")}");
    }
}
