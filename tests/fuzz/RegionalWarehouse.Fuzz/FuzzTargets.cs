using RegionalWarehouse.Etl.Csv;
using RegionalWarehouse.Etl.Ssda903;
using RegionalWarehouse.Etl.Submissions;
using RegionalWarehouse.Etl.SupportingFamilies;
using RegionalWarehouse.Etl.Tabular;

namespace RegionalWarehouse.Fuzz;

/// <summary>
/// One fuzz target per input form: the bytes become a submission's file and go through the parser the pipeline
/// uses. Bad input must come back as findings; the only exception a target lets through is one the pipeline
/// itself turns into a finding (a zip that cannot be read: SUB-11). Anything else escaping is a defect afl++ reports.
/// </summary>
public static class FuzzTargets
{
    public static readonly IReadOnlyDictionary<string, (string FileName, Action<string> Parse)> All = new Dictionary<string, (string, Action<string>)>
    {
        ["csv"] = ("episodes.csv", path => Ssda903Parser.Parse(SubmissionFiles.From(path), "919", 2024)),
        ["xml"] = ("return.xml", path => Ssda903Parser.Parse(SubmissionFiles.From(path), "919", 2024)),
        ["xlsx"] = ("sf_919_2024-Q3.xlsx", path => TabularFile.Read(SubmissionFiles.From(path), SfSchema.Layout)),
        ["zip"] = ("return.zip", path =>
        {
            try
            {
                var files = SubmissionFiles.From(path);
                SubmissionFiles.ContentHash(files);
                Ssda903Parser.Parse(files, "919", 2024);
            }
            catch (UnreadableInputException)
            {
                // Refused unread, with its own rule: the pipeline's answer to a damaged zip.
            }
        }
        ),
    };

    /// <summary>Runs one target on some bytes, in a folder of its own that is removed afterwards.</summary>
    public static void Run(string target, Stream input)
    {
        var (fileName, parse) = All[target];
        var folder = Directory.CreateTempSubdirectory("rw-fuzz-").FullName;
        try
        {
            var path = Path.Combine(folder, fileName);
            using (var file = File.Create(path))
                input.CopyTo(file);
            parse(fileName.EndsWith(".zip", StringComparison.Ordinal) ? path : folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
