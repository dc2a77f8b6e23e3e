using Microsoft.Extensions.Options;
using RegionalWarehouse.Warehouse.Migrations;

namespace RegionalWarehouse.Cli.Commands;

/// <summary>Runs the parsed command and turns the platform's expected failures into one clear line and exit code 1.</summary>
public static class CliRunner
{
    public static async Task<int> RunAsync(RootCommand root, string[] args, TextWriter? errors = null)
    {
        errors ??= Console.Error;
        if (Console.IsOutputRedirected)
            Spectre.Console.AnsiConsole.Profile.Width = 200; // logs and pipes should not wrap tables at 80 columns
        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception thrown) when (CauseOf(thrown) is OptionsValidationException or WarehouseUnavailableException or MigrationFailedException
                                           or ArgumentException or InvalidOperationException or FileNotFoundException or DirectoryNotFoundException
                                           or PowerBi.PowerBiException or PowerBi.RefreshInProgressException or HttpRequestException
                                           or System.Data.Common.DbException)
        {
            var ex = CauseOf(thrown);
            var message = ex switch
            {
                OptionsValidationException ove => string.Join(Environment.NewLine, ove.Failures),
                System.Data.Common.DbException db => $"the warehouse refused the work: {DbMessage.FirstLine(db)}",
                _ => ex.Message,
            };
            await errors.WriteLineAsync($"error: {message}");
            return ExitCodes.Failure;
        }
        catch (IOException bind) when (bind.Message.StartsWith("Failed to bind to address", StringComparison.Ordinal))
        {
            await errors.WriteLineAsync($"error: {bind.Message.TrimEnd('.')}. Stop what uses it, or set Dashboard:Url (RW__Dashboard__Url) to another address; port 0 picks a free one.");
            return ExitCodes.Failure;
        }
        catch (Exception unexpected) when (unexpected is not OperationCanceledException)
        {
            // Every error path is one line: anything not foreseen above still says what failed, without a stack trace.
            var ex = CauseOf(unexpected);
            await errors.WriteLineAsync($"error: {ex.GetType().Name}: {OneLine(ex.Message)}");
            return ExitCodes.Failure;
        }
    }

    private static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>Work run in parallel (the bench's returns, say) fails with one real cause, reported like any other.</summary>
    private static Exception CauseOf(Exception thrown) => thrown is AggregateException { InnerExceptions.Count: 1 } one ? one.InnerExceptions[0] : thrown;
}

public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Rejected = 2;
}
