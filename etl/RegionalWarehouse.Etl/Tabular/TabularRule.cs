namespace RegionalWarehouse.Etl.Tabular;

/// <summary>Where a rule found a problem, and what to tell the analyst.</summary>
public readonly record struct Finding(TableRow Row, string? Column, string Message);

/// <summary>A single-table return's rows with what its return type knows (the submission, code lists, LAs).</summary>
public sealed record TabularInput<TContext>(TabularData Data, TContext Context);

/// <summary>
/// A validation rule of a single-table return: a stable code, a severity and a check over the rows,
/// given what the return type knows (<typeparamref name="TContext"/>).
/// </summary>
public sealed class TabularRule<TContext>(RuleCode code, Severity severity, string table, string description,
    Func<IReadOnlyList<TableRow>, TContext, IEnumerable<Finding>> check) : IRule<TabularInput<TContext>>
{
    public RuleInfo Info { get; } = code.Describe(severity, table, description);

    /// <summary>A rule that looks at one row at a time.</summary>
    public static TabularRule<TContext> PerRow(RuleCode code, Severity severity, string table, string description,
        Func<TableRow, TContext, IEnumerable<Finding>> check) =>
        new(code, severity, table, description, (rows, context) => rows.SelectMany(r => check(r, context)));

    public IEnumerable<ValidationIssue> Check(TabularInput<TContext> input) =>
        check(input.Data.Rows, input.Context).Select(f => new ValidationIssue(Info.Code, Info.Severity, f.Row.File, input.Data.Layout.Name, f.Row.Row, f.Column,
            f.Column is null || f.Row.IsBlank(f.Column) ? null : input.Data.Layout.PersonalColumns.Contains(f.Column) ? "(withheld)" : f.Row[f.Column],
            f.Message));
}

public static class TabularValidation
{

    /// <summary>File problems first; row rules only run on a file whose header could be read.</summary>
    public static List<ValidationIssue> Validate<TContext>(TabularData data, IEnumerable<TabularRule<TContext>> rules, TContext context)
    {
        var issues = new List<ValidationIssue>(data.FileIssues);
        if (data.Readable)
            RuleRunner.Run(issues, rules, new TabularInput<TContext>(data, context), year: null, data.File, data.Layout.Name);
        return issues;
    }

    /// <summary>Rows whose key appears more than once, reported at the second and later rows.</summary>
    public static IEnumerable<Finding> Duplicates(IEnumerable<TableRow> rows, Func<TableRow, string> key, string column, Func<TableRow, string> message) =>
        rows.Where(r => key(r).Length > 0).GroupBy(key).SelectMany(g => g.Skip(1).Select(r => new Finding(r, column, message(g.First()))));
}
