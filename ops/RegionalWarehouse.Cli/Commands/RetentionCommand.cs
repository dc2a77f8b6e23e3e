using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RegionalWarehouse.Etl.Governance;
using RegionalWarehouse.Etl.Hosting;
using RegionalWarehouse.Warehouse.Engines;
using Spectre.Console;

namespace RegionalWarehouse.Cli.Commands;

/// <summary>`rw retention --dry-run`: which child-level returns are past their agreement's retention, and how many rows each holds.</summary>
public static class RetentionCommand
{
    public static Command Create()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what is past its retention without deleting anything (required: deletion is not built yet).", Required = true };
        var on = new Option<string?>("--on") { Description = "Judge retention as on this day (yyyy-mm-dd) instead of today, e.g. to see what next April will expire." };
        var command = new Command("retention",
            "List the loaded 903 and Supporting Families returns past the retention of their LA's data-sharing agreement, with the child-level rows each holds.")
        {
            dryRun, on,
        };
        command.SetAction(parse =>
        {
            var today = parse.GetValue(on) is { } text
                ? DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                    ? day
                    : throw new ArgumentException($"--on {text} is not a date: give it as yyyy-mm-dd, e.g. 2031-04-01.")
                : DateOnly.FromDateTime(DateTime.UtcNow);
            using var host = CliHost.Open();
            var expired = RetentionPlan.Find(host.Services.GetRequiredService<IWarehouseEngine>(), PlatformHost.ReturnTypes, today);
            if (expired.Count == 0)
            {
                AnsiConsole.WriteLine($"Nothing is past its retention on {today:yyyy-MM-dd}.");
                return ExitCodes.Success;
            }
            var table = new Table().AddColumns("LA", "return", "period", "submission", "agreement", "retention", "period ended", "expired on", "child-level rows");
            foreach (var e in expired)
                table.AddRow(e.LaCode, e.ReturnType, e.Period, e.SubmissionId.ToString(CultureInfo.InvariantCulture), Markup.Escape(e.AgreementId),
                    $"{e.RetentionYears} years", e.PeriodEnds.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.ExpiredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    e.Rows.ToString("N0", CultureInfo.InvariantCulture));
            AnsiConsole.Write(table);
            AnsiConsole.WriteLine($"{expired.Count:N0} return(s), {expired.Sum(e => e.Rows):N0} child-level rows past retention on {today:yyyy-MM-dd} (dry run: nothing was deleted).");
            return ExitCodes.Success;
        });
        return command;
    }
}
