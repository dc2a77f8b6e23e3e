using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace RegionalWarehouse.Etl.Submissions;

/// <summary>The files of one submission, from a folder or a .zip, and the hash that identifies their content.</summary>
public static class SubmissionFiles
{
    /// <summary>The marker a submitter writes last to say a folder is complete; not part of the content.</summary>
    public const string ReadyMarker = "_READY";

    /// <summary>
    /// A submission that replaces a loaded one with far fewer children must say why, in this file; its text
    /// goes into the report. Without it such a replacement is refused (no silent loss of an LA's year).
    /// </summary>
    public const string ReplacementReason = "REPLACEMENT_REASON.txt";

    public static bool IsReplacementReason(ReturnFile file) => string.Equals(Path.GetFileName(file.Name), ReplacementReason, StringComparison.OrdinalIgnoreCase);

    /// <summary>The reason's text, at most 500 characters of it, or null when the submission gives none.</summary>
    public static string? ReadReplacementReason(IReadOnlyList<ReturnFile> files)
    {
        if (files.FirstOrDefault(IsReplacementReason) is not { } file)
            return null;
        using var reader = new StreamReader(file.Open());
        var buffer = new char[500];
        var text = new string(buffer, 0, reader.ReadBlock(buffer, 0, buffer.Length)).Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>Enumeration that never follows a link: a link in a submission could point anywhere (/etc/passwd).</summary>
    public static readonly EnumerationOptions NoLinks = new() { AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden | FileAttributes.System };

    public static IReadOnlyList<ReturnFile> From(string path)
    {
        if (Directory.Exists(path))
            return Directory.EnumerateFiles(path, "*", NoLinks)
                .Where(f => !IsIgnored(Path.GetFileName(f)))
                .Order(StringComparer.Ordinal)
                .Select(f => new ReturnFile(Path.GetFileName(f), () => OpenBounded(f)))
                .ToList();
        if (File.Exists(path) && path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            return FromZip(path);
        if (File.Exists(path))
            return [new ReturnFile(Path.GetFileName(path), () => OpenBounded(path))];
        throw new FileNotFoundException($"No submission at {path}: give a folder of CSV files or a .zip.", path);
    }

    /// <summary>
    /// The zip's files. A zip that cannot be read (damaged, truncated, not a zip at all) is one file that cannot be
    /// opened: hashing it refuses the submission with a report, so it still reaches a final state.
    /// </summary>
    private static List<ReturnFile> FromZip(string zipPath)
    {
        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(zipPath);
        }
        catch (InvalidDataException)
        {
            return [new ReturnFile(Path.GetFileName(zipPath), () => throw Damaged(Path.GetFileName(zipPath)))];
        }
        using var opened = archive;
        try
        {
            return archive.Entries
                .Where(e => e.Length > 0 && !e.FullName.EndsWith('/') && !e.FullName.StartsWith("__MACOSX", StringComparison.Ordinal) && !IsIgnored(e.Name))
                .Select(e => e.FullName)
                .Order(StringComparer.Ordinal)
                .Select(name => new ReturnFile(name, () => OpenEntry(zipPath, name)))
                .ToList();
        }
        catch (InvalidDataException)
        {
            // Found by fuzzing: a central directory that opens but disagrees with itself fails only when its entries are read.
            return [new ReturnFile(Path.GetFileName(zipPath), () => throw Damaged(Path.GetFileName(zipPath)))];
        }
    }

    /// <summary>A file may hold, or a zip entry expand to, at most this much (<see cref="InputLimits.MaxFileBytes"/>).</summary>
    public const long MaxEntryBytes = InputLimits.MaxFileBytes;

    private static FileStream OpenBounded(string path)
    {
        var stream = File.OpenRead(path);
        var length = stream.Length;
        if (length <= MaxEntryBytes)
            return stream;
        stream.Dispose();
        throw new InputLimitException($"{Path.GetFileName(path)} is {length / 1048576.0:N0} MB, more than the {MaxEntryBytes / 1048576:N0} MB a return's file may hold. Check it is the return's export.");
    }

    /// <summary>Beyond this expansion (for entries over 1 MB) a zip is a bomb, not a compressed CSV.</summary>
    public const double MaxCompressionRatio = 200;

    private static Stream OpenEntry(string zipPath, string entryName)
    {
        // The archive must outlive the entry stream, so copy the entry out (bounded: the declared sizes are
        // checked first, and the copy stops at the limit whatever the header claims).
        try
        {
            return CopyEntry(zipPath, entryName);
        }
        catch (InvalidDataException)
        {
            throw Damaged($"{Path.GetFileName(zipPath)} ({entryName})");
        }
    }

    private static UnreadableInputException Damaged(string what) =>
        new($"{what} cannot be read as a zip archive: it is damaged, truncated or not a zip. Zip the return's files again (or send them unzipped) and submit it again.");

    private static MemoryStream CopyEntry(string zipPath, string entryName)
    {
        using var archive = ZipFile.OpenRead(zipPath);
        var entry = archive.GetEntry(entryName)!;
        if (entry.Length > MaxEntryBytes || entry.Length > 1024 * 1024 && entry.Length > MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
            throw new InputLimitException($"{entryName} in the zip expands to {entry.Length:N0} bytes from {entry.CompressedLength:N0}: more than a return can hold. Zip the return's CSV files as they are.");
        using var source = entry.Open();
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = source.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxEntryBytes)
                throw new InputLimitException($"{entryName} in the zip expands beyond {MaxEntryBytes / 1024 / 1024:N0} MB. Zip the return's CSV files as they are.");
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        return buffer;
    }

    private static bool IsIgnored(string name) =>
        name == ReadyMarker || name.StartsWith('.') || name.StartsWith("report.", StringComparison.OrdinalIgnoreCase);

    /// <summary>SHA-256 over each file's name and bytes, in name order: equal content, equal hash.</summary>
    public static string ContentHash(IEnumerable<ReturnFile> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        foreach (var file in files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file.Name).ToLowerInvariant() + "\0"));
            using var stream = file.Open();
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                hash.AppendData(buffer, 0, read);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
