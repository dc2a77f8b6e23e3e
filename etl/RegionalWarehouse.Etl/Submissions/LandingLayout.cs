using System.Text;

namespace RegionalWarehouse.Etl.Submissions;

/// <summary>Writes a submission the way an LA or the operator drops one: {la}/{return}/{period}/{name}/ with _READY last.</summary>
public static class LandingLayout
{
    public static string WriteSubmission(string root, string laCode, string returnType, string period, string name, IReadOnlyDictionary<string, IEnumerable<string>> files)
    {
        var folder = Path.Combine(root, laCode, returnType, period, name);
        Directory.CreateDirectory(folder);
        foreach (var (file, lines) in files)
        {
            using var writer = new StreamWriter(Path.Combine(folder, file), false, new UTF8Encoding(false));
            foreach (var line in lines)
                writer.WriteLine(line);
        }
        File.WriteAllText(Path.Combine(folder, SubmissionFiles.ReadyMarker), "");
        return folder;
    }
}
