using RegionalWarehouse.Etl.Benchmarks;
namespace RegionalWarehouse.Cli.Commands;

public static class StatusCommand
{
    public static Command Create()
    {
        var la = new Option<string?>("--la") { Description = "Only this LA (DfE code)." };
        var command = new Command("status", "Show the latest submission for each LA x return x period: state, rows, errors, warnings, when.") { la };
        command.SetAction(parse =>
        {
            using var host = CliHost.Open();
            Print(host.Services.GetRequiredService<IWarehouseEngine>(), parse.GetValue(la));
            return ExitCodes.Success;
        });
        return command;
    }

    public static void Print(IWarehouseEngine engine, string? la = null)
    {
        var synthetic = BenchmarkQuery.SyntheticLas(engine);
        if (synthetic.Count > 0 && (la is null || synthetic.ContainsKey(la)))
            AnsiConsole.MarkupLine($"[yellow]Synthetic data: the returns of {(la is null ? $"{synthetic.Count} LA(s)" : la)} in this warehouse are synthetic (rw demo), not the LAs' own.[/]");
        using var connection = engine.Open();
        using var command = connection.Command(null,
            $"""
             select la_code, return_type, period, state, rows_loaded, error_count, warning_count, updated_at, submission_id
             from etl.submission_status
             where {engine.Parameter("la")} is null or la_code = {engine.Parameter("la")}
             order by la_code, return_type, period
             """, ("la", la));
        using var reader = command.ExecuteReader();
        var table = new Table().AddColumns("LA", "return", "period", "state", "rows", "errors", "warnings", "when (UTC)", "id");
        var count = 0;
        while (reader.Read())
        {
            count++;
            var state = reader.GetString(3);
            var colour = state switch { "rejected" or "failed" => "red", "loaded_with_warnings" => "yellow", "loaded" => "green", _ => "grey" };
            table.AddRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), $"[{colour}]{state}[/]",
                reader.IsDBNull(4) ? "" : $"{reader.GetInt64(4):N0}", reader.GetInt32(5).ToString(), reader.GetInt32(6).ToString(),
                reader.GetDateTime(7).ToString("dd MMM HH:mm"), reader.GetInt64(8).ToString());
        }
        if (count == 0)
            AnsiConsole.WriteLine("No submissions yet.");
        else
            AnsiConsole.Write(table);
    }
}
