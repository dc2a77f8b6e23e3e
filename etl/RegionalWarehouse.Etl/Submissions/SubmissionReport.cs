using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RegionalWarehouse.Etl.Submissions;

/// <summary>What an LA is told about its submission: outcome, counts, and every finding located to row and column.</summary>
public sealed record SubmissionReport(
    long? SubmissionId,
    string LaCode,
    string ReturnType,
    string Period,
    string Outcome,
    string ContentHash,
    DateTime CompletedAtUtc,
    long RowsLoaded,
    IReadOnlyDictionary<string, long> RowsByTable,
    IReadOnlyList<ValidationIssue> Issues,
    string? Message)
{
    /// <summary>Data-quality checks on the loaded data (the 903's stock-flow reconciliation, for one).</summary>
    public IReadOnlyList<ReportSection> Sections { get; init; } = [];

    private readonly int? _errorCount;
    private readonly int? _warningCount;

    /// <summary>Every error found, including any beyond those the report lists (<see cref="Validation.FindingLimit"/>).</summary>
    public int ErrorCount { get => _errorCount ?? Issues.Count(i => i.Severity == Severity.Error); init => _errorCount = value; }

    public int WarningCount { get => _warningCount ?? Issues.Count(i => i.Severity == Severity.Warning); init => _warningCount = value; }

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine($"# {Cell(ReturnType)} {Cell(Period)} for LA {Cell(LaCode)}: {Outcome.Replace('_', ' ')}");
        text.AppendLine();
        text.AppendLine($"- Submission: {SubmissionId?.ToString() ?? "(not recorded)"}; content hash `{ContentHash[..Math.Min(12, ContentHash.Length)]}`");
        text.AppendLine($"- Completed: {CompletedAtUtc:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine($"- Rows loaded: {RowsLoaded:N0}; errors: {ErrorCount:N0}; warnings: {WarningCount:N0}");
        if (Message is not null)
            text.AppendLine($"- {Message}");
        text.AppendLine();
        text.AppendLine(Outcome switch
        {
            SubmissionStates.Rejected => "**Nothing from this submission was loaded.** Fix every error below and submit the whole return again.",
            SubmissionStates.LoadedWithErrors => "The return was loaded, but some children's records have errors (listed below, with your own CHILD id). " +
                                                 "They are loaded as sent and flagged, and count against your data-quality score; please correct them in your next submission.",
            SubmissionStates.LoadedWithWarnings => "The return was loaded. Please review the warnings below; they may affect your figures.",
            SubmissionStates.Loaded => "The return was loaded with no findings.",
            _ => "",
        });
        if (RowsByTable.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("| table | rows |");
            text.AppendLine("|---|---:|");
            foreach (var (table, rows) in RowsByTable)
                text.AppendLine($"| {table} | {rows:N0} |");
        }
        foreach (var section in Sections)
        {
            text.AppendLine();
            text.AppendLine($"## {section.Title}{(section.NeedsAttention ? " (please check)" : "")}");
            text.AppendLine();
            text.AppendLine("| | number | what it means |");
            text.AppendLine("|---|---:|---|");
            foreach (var line in section.Lines)
                text.AppendLine($"| {Cell(line.Label)} | {line.Value:N0} | {Cell(line.Explanation)} |");
            text.AppendLine();
            text.AppendLine(section.Note);
        }
        foreach (var group in Issues.GroupBy(i => i.Severity).OrderBy(g => g.Key))
        {
            text.AppendLine();
            text.AppendLine($"## {(group.Key == Severity.Error ? "Errors" : "Warnings")} ({group.Count():N0} listed)");
            text.AppendLine();
            text.AppendLine("| rule | file | row | child | column | value | what to fix |");
            text.AppendLine("|---|---|---:|---|---|---|---|");
            foreach (var issue in group.OrderBy(i => i.File).ThenBy(i => i.Row))
                text.AppendLine($"| {issue.RuleCode} | {Cell(issue.File)} | {issue.Row} | {Cell(issue.Child)} | {Cell(issue.Column)} | {Cell(issue.Value)} | {Cell(issue.Message)} |");
        }
        return text.ToString();
    }

    private static string Cell(string? value) => ReportText.ForMarkdown(value);

    /// <summary>Writes report.json and report.md into <paramref name="folder"/>.</summary>
    public void WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "report.json"), ToJson());
        File.WriteAllText(Path.Combine(folder, "report.md"), ToMarkdown());
    }
}
