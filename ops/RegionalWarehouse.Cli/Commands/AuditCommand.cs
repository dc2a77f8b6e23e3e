using System.Globalization;
using RegionalWarehouse.Warehouse.Audit;

namespace RegionalWarehouse.Cli.Commands;

/// <summary>`rw audit`: the warehouse's audit trail, for an IG lead or an operator.</summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var la = new Option<string?>("--la") { Description = "Only this LA's returns (DfE code), with the events that concern every LA." };
        var since = new Option<string?>("--since") { Description = "Only events on or after this day (yyyy-mm-dd)." };
        var format = Listing.FormatOption();
        var command = new Command("audit",
            "Print the audit trail: every load, rejection, replacement, mart refresh and change of data-sharing agreement, " +
            "with who or what did it, when, which LA, return and period, and row counts.") { la, since, format };
        command.SetAction(parse =>
        {
            DateOnly? from = null;
            if (parse.GetValue(since) is { } text)
                from = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                    ? day
                    : throw new ArgumentException($"--since {text} is not a date: give it as yyyy-mm-dd, e.g. 2025-01-01.");
            using var host = CliHost.Open();
            var events = new AuditLog(host.Services.GetRequiredService<IWarehouseEngine>()).Read(parse.GetValue(la), from);
            if (events.Count == 0)
            {
                AnsiConsole.WriteLine("No audit events match.");
                return ExitCodes.Success;
            }
            var listing = new Listing("when (UTC)", "who / what", "action", "LA", "return", "period", "submission", "rows", "detail")
                .Droppable("rows", "return", "period", "who / what");
            foreach (var e in events)
                listing.Add(e.OccurredAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), e.Actor, e.Action,
                    e.LaCode ?? "", e.ReturnType ?? "", e.Period ?? "", e.SubmissionId?.ToString(CultureInfo.InvariantCulture) ?? "",
                    e.Rows is { } rows ? rows.ToString("N0", CultureInfo.InvariantCulture) : "", e.Detail ?? "");
            listing.Write(parse.GetValue(format));
            if (parse.GetValue(format) == OutputFormat.Table)
                AnsiConsole.WriteLine($"{events.Count:N0} event(s).");
            return ExitCodes.Success;
        });
        return command;
    }
}
