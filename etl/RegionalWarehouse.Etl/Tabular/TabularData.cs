namespace RegionalWarehouse.Etl.Tabular;

/// <summary>A single-table return as read: its header, its rows and what was wrong with the file itself.</summary>
public sealed class TabularData(TableLayout layout)
{
    public TableLayout Layout { get; } = layout;

    public string? File { get; set; }

    public IReadOnlyList<string> Header { get; set; } = [];

    public List<TableRow> Rows { get; } = [];

    public List<ValidationIssue> FileIssues { get; } = [];

    /// <summary>Columns beyond the layout's (indicator columns of a published-statistics file).</summary>
    public IEnumerable<string> OtherColumns => Header.Where(c => c.Length > 0 && !Layout.Columns.Contains(c, StringComparer.OrdinalIgnoreCase)).Distinct();

    public bool Readable => File is not null && !FileIssues.Any(i => i.Severity == Severity.Error && i.RuleCode != TabularFileRules.RaggedRow.Code);
}
