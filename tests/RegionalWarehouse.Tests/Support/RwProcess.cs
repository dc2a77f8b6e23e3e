using System.Diagnostics;

namespace RegionalWarehouse.Tests.Support;

/// <summary>Runs the real rw executable (copied beside the tests by the project reference) as a user would.</summary>
public static class RwProcess
{
    public static RwResult Run(string workingDirectory, IDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "rw.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        // A developer's own RW__ settings (a pseudonymisation key, say) must not change what a test sees.
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("RW__", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(inherited);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            // What it last said is the way to see where it stopped.
            var said = (stdout.Result + stderr.Result).Split('\n');
            throw new TimeoutException($"rw {string.Join(' ', args)} did not finish; its last lines:\n{string.Join('\n', said.TakeLast(15))}");
        }
        return new RwResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}

public sealed record RwResult(int ExitCode, string Output, string Error);
