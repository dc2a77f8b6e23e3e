using RegionalWarehouse.Etl.Benchmarks;
namespace RegionalWarehouse.Cli.Commands;

public static class StatusCommand
{
    public static Command Create()
    {
        var la = new Option<string?>("--la") { Description = "Only this LA: its DfE code (919) or name." };
        var format = Listing.FormatOption();
        var command = new Command("status", "Show the latest submission for each LA x return x period (state, rows, errors, warnings, when) and which submission is current: the one the figures come from.") { la, format };
        command.SetAction(parse =>
        {
            using var host = CliHost.Open();
            var engine = host.Services.GetRequiredService<IWarehouseEngine>();
            Print(engine, parse.GetValue(la) is { } given ? CliArguments.La(engine, given).DfeCode : null, parse.GetValue(format));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The latest submission per identity and, in "current", which one the warehouse's figures come from.</summary>
    public static void Print(IWarehouseEngine engine, string? la = null, OutputFormat format = OutputFormat.Table)
    {
        var synthetic = BenchmarkQuery.SyntheticLas(engine);
        if (format == OutputFormat.Table && synthetic.Count > 0 && (la is null || synthetic.ContainsKey(la)))
            Listing.Say($"Synthetic data: the returns of {(la is null ? $"{synthetic.Count} LA(s)" : la)} in this warehouse are synthetic (rw demo), not the LAs' own.");
        using var connection = engine.Open();
        using var command = connection.Command(null,
            $"""
             select la_code, return_type, period, state, rows_loaded, error_count, warning_count, updated_at, submission_id, current_submission_id
             from etl.submission_status
             where {engine.Parameter("la")} is null or la_code = {engine.Parameter("la")}
             order by la_code, return_type, period
             """, ("la", la));
        using var reader = command.ExecuteReader();
        var listing = new Listing("LA", "return", "period", "latest", "rows", "errors", "warnings", "when (UTC)", "id", "current")
            .Droppable("when (UTC)", "rows", "warnings");
        while (reader.Read())
            listing.Add(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? "" : $"{reader.GetInt64(4):N0}", reader.GetInt32(5).ToString(), reader.GetInt32(6).ToString(),
                reader.GetDateTime(7).ToString("dd MMM HH:mm"), reader.GetInt64(8).ToString(),
                // Which submission the figures come from: this one, an earlier one (the latest was refused), or none.
                reader.IsDBNull(9) ? "none" : reader.GetInt64(9) == reader.GetInt64(8) ? "this" : reader.GetInt64(9).ToString());
        if (listing.Count == 0 && format == OutputFormat.Table)
            AnsiConsole.WriteLine("No submissions yet.");
        else
            listing.Write(format);
    }
}
