namespace RegionalWarehouse.Etl.Validation;

public enum Severity
{
    /// <summary>Rejects the submission: nothing from it is loaded.</summary>
    Error,

    /// <summary>Loads the submission and tells the LA.</summary>
    Warning,
}

/// <summary>
/// What a rule is: a stable code, its severity, the table it reads and what it checks; where the DfE
/// publishes the same check, its code; and the collection years it applies to (null: every year).
/// </summary>
public sealed record RuleInfo(string Code, Severity Severity, string Table, string Description)
{
    /// <summary>The DfE's code for the same check; several, space-separated, where one platform check covers more than one of theirs.</summary>
    public string? DfeCode { get; init; }

    public IReadOnlyList<string> DfeCodes => DfeCode?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];

    public int? FirstYear { get; init; }

    public int? LastYear { get; init; }

    /// <summary>How the platform's check differs from the DfE's, where it does.</summary>
    public string? Note { get; init; }

    public bool AppliesIn(int year) => (FirstYear is null || year >= FirstYear) && (LastYear is null || year <= LastYear);

    public string Years => (FirstYear, LastYear) switch
    {
        (null, null) => "all",
        ({ } first, null) => $"{first - 1}/{first % 100:00} on",
        (null, { } last) => $"to {last - 1}/{last % 100:00}",
        ({ } first, { } last) => $"{first - 1}/{first % 100:00}–{last - 1}/{last % 100:00}",
    };
}

/// <summary>
/// One finding, located to file, row and column, with a message an analyst can act on.
/// <see cref="Value"/> is already masked where the column holds personal data. <see cref="Child"/> is the
/// LA's own child identifier, so the LA can find the record: it goes into that LA's report only, never
/// into the warehouse (the ledger does not store it).
/// </summary>
public sealed record ValidationIssue(
    string RuleCode,
    Severity Severity,
    string? File,
    string? Table,
    int? Row,
    string? Column,
    string? Value,
    string Message,
    string? Child = null)
{
    public string Location =>
        string.Join(", ", new[]
        {
            File,
            Row is null ? null : $"row {Row}",
            Column is null ? null : $"column {Column}",
        }.Where(p => p is not null));

    public override string ToString() => $"{Severity} {RuleCode} ({Location}): {Message}";
}
