using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using RegionalWarehouse.Etl.Csv;

namespace RegionalWarehouse.Etl.Submissions;

/// <summary>The files of one submission, from a folder or a .zip, and the hash that identifies their content.</summary>
public static class SubmissionFiles
{
    /// <summary>The marker a submitter writes last to say a folder is complete; not part of the content.</summary>
    public const string ReadyMarker = "_READY";

    /// <summary>Enumeration that never follows a link: a link in a submission could point anywhere (/etc/passwd).</summary>
    public static readonly EnumerationOptions NoLinks = new() { AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden | FileAttributes.System };

    public static IReadOnlyList<ReturnFile> From(string path)
    {
        if (Directory.Exists(path))
            return Directory.EnumerateFiles(path, "*", NoLinks)
                .Where(f => !IsIgnored(Path.GetFileName(f)))
                .Order(StringComparer.Ordinal)
                .Select(f => new ReturnFile(Path.GetFileName(f), () => File.OpenRead(f)))
                .ToList();
        if (File.Exists(path) && path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            return FromZip(path);
        if (File.Exists(path))
            return [new ReturnFile(Path.GetFileName(path), () => File.OpenRead(path))];
        throw new FileNotFoundException($"No submission at {path}: give a folder of CSV files or a .zip.", path);
    }

    private static List<ReturnFile> FromZip(string zipPath)
    {
        using var archive = ZipFile.OpenRead(zipPath);
        return archive.Entries
            .Where(e => e.Length > 0 && !e.FullName.EndsWith('/') && !e.FullName.StartsWith("__MACOSX", StringComparison.Ordinal) && !IsIgnored(e.Name))
            .Select(e => e.FullName)
            .Order(StringComparer.Ordinal)
            .Select(name => new ReturnFile(name, () => OpenEntry(zipPath, name)))
            .ToList();
    }

    private static Stream OpenEntry(string zipPath, string entryName)
    {
        // The archive must outlive the entry stream, so copy the entry out; returns are a few MB at most.
        using var archive = ZipFile.OpenRead(zipPath);
        using var entry = archive.GetEntry(entryName)!.Open();
        var buffer = new MemoryStream();
        entry.CopyTo(buffer);
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
