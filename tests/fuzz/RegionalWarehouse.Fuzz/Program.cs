using RegionalWarehouse.Fuzz;

// rw-fuzz <csv|xml|xlsx|zip>            run under afl-fuzz (ops/fuzz.sh): input on stdin, instrumented by SharpFuzz
// rw-fuzz <target> --replay <folder>    run every file in a folder once (a corpus, or afl's crashes) and report
if (args.Length == 0 || !FuzzTargets.All.ContainsKey(args[0]))
{
    Console.Error.WriteLine($"error: name a target: {string.Join(", ", FuzzTargets.All.Keys)}");
    return 1;
}
if (args.Length == 3 && args[1] == "--replay")
{
    var failures = 0;
    foreach (var file in Directory.EnumerateFiles(args[2]).Order(StringComparer.Ordinal))
    {
        try
        {
            using var input = File.OpenRead(file);
            FuzzTargets.Run(args[0], input);
        }
        catch (Exception ex)
        {
            failures++;
            // Where in the platform it was thrown, so a finding points at the code to fix.
            var at = ex.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("RegionalWarehouse.Etl", StringComparison.Ordinal))?.Trim();
            Console.Error.WriteLine($"{Path.GetFileName(file)}: {ex.GetType().Name}: {ex.Message.Split('\n')[0]}{(at is null ? "" : $" ({at})")}");
        }
    }
    Console.WriteLine($"{failures} of the files failed.");
    return failures == 0 ? 0 : 1;
}
SharpFuzz.Fuzzer.OutOfProcess.Run(stream => FuzzTargets.Run(args[0], stream));
return 0;
