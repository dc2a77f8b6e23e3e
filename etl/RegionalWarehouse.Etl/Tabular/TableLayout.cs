namespace RegionalWarehouse.Etl.Tabular;

/// <summary>
/// The columns a single-table return's header must hold (any order, any case), plus the columns that
/// hold personal data and so are never echoed back in a report.
/// </summary>
public sealed record TableLayout(string Name, IReadOnlyList<string> Columns, IReadOnlySet<string> PersonalColumns, bool AllowOtherColumns = false)
{
    public static TableLayout Of(string name, params string[] columns) =>
        new(name, columns, new HashSet<string>());
}
