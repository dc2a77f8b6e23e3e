using System.Diagnostics;

namespace RegionalWarehouse.Synthetic.Bench;

/// <summary>
/// The peak resident memory of this process over one piece of work. Linux lets a process reset its own
/// high-water mark (writing 5 to /proc/self/clear_refs), so each submission's peak is its own rather than
/// the run's so far; elsewhere the process's lifetime peak is the honest upper bound.
/// </summary>
public static class PeakMemory
{
    public static (T Result, long PeakBytes) Measure<T>(Func<T> work)
    {
        // Aggressive: return freed memory to the OS too, so what went before does not count as this work's peak.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var reset = TryResetHighWaterMark();
        var result = work();
        return (result, reset && HighWaterMark() is { } peak ? peak : Process.GetCurrentProcess().PeakWorkingSet64);
    }

    private static bool TryResetHighWaterMark()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return false;
        }
    }

    private static long? HighWaterMark()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0]) * 1024;
    }
}
