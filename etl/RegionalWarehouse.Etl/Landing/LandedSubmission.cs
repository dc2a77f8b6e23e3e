namespace RegionalWarehouse.Etl.Landing;

/// <summary>
/// A complete submission found in the landing area: a folder {la}/{return}/{period}/{name}/ holding
/// a _READY marker, or a single {la}/{return}/{period}/{name}.zip. The path is the only source of the LA.
/// A folder deeper than that (a period typed with a slash, 2024/25) is a submission too, whose period is the
/// folders between return and name: it is refused as a period (SUB-02) with a report, never left unseen.
/// </summary>
public sealed record LandedSubmission(string LaCode, string ReturnType, string Period, string Name, string Path, bool IsZip)
{
    public SubmissionIdentity Identity => new(LaCode, ReturnType.ToUpperInvariant(), Period);

    /// <summary>Parses a landing path: LA, return, period (one folder or more) and name; null when it is shallower.</summary>
    public static LandedSubmission? FromPath(string path, bool isZip)
    {
        var parts = path.Trim('/').Split('/');
        if (parts.Length < 4 || parts.Any(string.IsNullOrWhiteSpace))
            return null;
        var name = isZip ? System.IO.Path.GetFileNameWithoutExtension(parts[^1]) : parts[^1];
        return new LandedSubmission(parts[0], parts[1], string.Join('/', parts[2..^1]), name, path.Trim('/'), isZip);
    }

    /// <summary>
    /// The path as logs and messages show it: a name is the LA's to choose, so control characters (a newline that
    /// would forge a log line, an escape sequence for a terminal) are shown escaped, never written as they are.
    /// </summary>
    public override string ToString() =>
        Path.Any(char.IsControl) ? string.Concat(Path.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString())) : Path;
}

/// <summary>The areas beside landing: an immutable copy of what loaded, what was refused, and the LA reports.</summary>
public enum LandingArea
{
    Archive,
    Quarantine,
    Reports,
}

/// <summary>Held while one worker processes a submission; disposing releases it.</summary>
public interface ILandingClaim : IAsyncDisposable
{
    /// <summary>Set when the claim could not be kept alive (e.g. a lease renewal failed).</summary>
    bool Lost { get; }
}

public sealed class LandingUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
