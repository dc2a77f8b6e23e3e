using System.Globalization;
using RegionalWarehouse.Etl.Governance;

namespace RegionalWarehouse.Cli.Commands;

/// <summary>
/// `rw retention --dry-run`: which child-level returns are past their agreement's retention, and how many rows each
/// holds; `rw retention --delete`: delete them now, as the nightly retention job does.
/// </summary>
public static class RetentionCommand
{
    public static Command Create()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what is past its retention without deleting anything." };
        var delete = new Option<bool>("--delete")
        {
            Description = "Delete it now, as the workers' nightly retention job does: each return's child-level rows in one transaction (its aggregates kept), then its archived and quarantined raw files.",
        };
        var on = new Option<string?>("--on") { Description = "With --dry-run: judge retention as on this day (yyyy-mm-dd) instead of today, e.g. to see what next April will expire." };
        var command = new Command("retention",
            "List (--dry-run) or delete (--delete) the loaded 903 and Supporting Families returns past the retention of their LA's data-sharing agreement.")
        {
            dryRun, delete, on,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(dryRun) == parse.GetValue(delete))
                throw new ArgumentException("Say --dry-run to see what is past its retention, or --delete to delete it (one of the two).");
            if (parse.GetValue(delete) && parse.GetValue(on) is not null)
                throw new ArgumentException("--on only goes with --dry-run: deletion always judges retention as on today.");
            var today = parse.GetValue(on) is { } text
                ? DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                    ? day
                    : throw new ArgumentException($"--on {text} is not a date: give it as yyyy-mm-dd, e.g. 2031-04-01.")
                : DateOnly.FromDateTime(DateTime.UtcNow);
            using var host = CliHost.Open();
            if (parse.GetValue(delete))
            {
                var run = await host.Services.GetRequiredService<ExpiredReturnDeletion>().RunAsync(today, RegionalWarehouse.Warehouse.Audit.AuditLog.Operator("rw retention --delete"), cancellationToken);
                Show(run.Deleted.Select(d => (d.Return, d.RowsDeleted)).ToList());
                AnsiConsole.WriteLine($"{run.Deleted.Count:N0} return(s) past retention on {today:yyyy-MM-dd}: {run.Deleted.Sum(d => d.RowsDeleted):N0} child-level rows deleted, " +
                                      $"{run.Deleted.Sum(d => d.MeasuresRetained):N0} aggregate measures kept, {run.FilesDeleted:N0} raw file(s) deleted.");
                return ExitCodes.Success;
            }
            var expired = RetentionPlan.Find(host.Services.GetRequiredService<IWarehouseEngine>(), PlatformHost.ReturnTypes, today);
            Show(expired.Select(e => (e, e.Rows)).ToList());
            AnsiConsole.WriteLine($"{expired.Count:N0} return(s), {expired.Sum(e => e.Rows):N0} child-level rows past retention on {today:yyyy-MM-dd} (dry run: nothing was deleted).");
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Show(IReadOnlyList<(ExpiredReturn Return, long Rows)> returns)
    {
        if (returns.Count == 0)
            return;
        var table = new Listing("LA", "return", "period", "submission", "agreement", "retention", "period ended", "expired on", "child-level rows")
            .Droppable("period ended", "agreement", "submission");
        foreach (var (e, rows) in returns)
        {
            table.Add(e.LaCode, e.ReturnType, e.Period, e.SubmissionId.ToString(CultureInfo.InvariantCulture), e.AgreementId,
                $"{e.RetentionYears} years", e.PeriodEnds.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.ExpiredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                rows.ToString("N0", CultureInfo.InvariantCulture));
        }
        table.Write(OutputFormat.Table);
    }
}
