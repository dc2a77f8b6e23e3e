namespace RegionalWarehouse.Etl.Submissions;

/// <summary>
/// A data-quality check on what a load left in the warehouse, shown in the LA's report below the
/// findings: a titled table of figures, each with what it means, and a closing note. Informational: it
/// never changes the outcome.
/// </summary>
public sealed record ReportSection(string Title, IReadOnlyList<ReportLine> Lines, string Note, bool NeedsAttention);

/// <summary>One figure of a report section. Explanation says what the figure means and, where it signals a data problem, what to check.</summary>
public sealed record ReportLine(string Label, long Value, string? Explanation = null);
