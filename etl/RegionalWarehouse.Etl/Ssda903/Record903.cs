namespace RegionalWarehouse.Etl.Ssda903;

/// <summary>
/// One row of a 903 table as submitted, with where it came from. Values are trimmed and, except the LA's
/// own CHILD identifier, upper-cased once here: code lists, cross-episode rules and the loader then all see
/// "S", whether a case-management system exported "S" or "s".
/// </summary>
public sealed class Record903(TableSchema table, string file, int row, IReadOnlyDictionary<string, int> columns, string[] values)
{
    private readonly string[] _values = Normalise(columns, values);

    private static string[] Normalise(IReadOnlyDictionary<string, int> columns, string[] values)
    {
        var child = columns.TryGetValue("CHILD", out var i) ? i : -1;
        return values.Select((v, index) => index == child ? v.Trim() : v.Trim().ToUpperInvariant()).ToArray();
    }

    public TableSchema Table { get; } = table;

    public string File { get; } = file;

    /// <summary>The row number in the file as Excel shows it (the header is row 1).</summary>
    public int Row { get; } = row;

    public string this[string column] =>
        columns.TryGetValue(column, out var i) && i < _values.Length ? _values[i] : "";

    public string Child => this["CHILD"];

    /// <summary>Whether the table as sent has the column at all (an optional item of one form of the return).</summary>
    public bool Has(string column) => columns.ContainsKey(column);

    /// <summary>Empties a value the platform must not load (a field a data-sharing agreement withholds).</summary>
    public void Blank(string column)
    {
        if (columns.TryGetValue(column, out var i) && i < _values.Length)
            _values[i] = "";
    }

    public bool IsBlank(string column) => this[column].Length == 0;

    /// <summary>Whether any of a group of items (a care leaver's, an adoption's) is filled in.</summary>
    public bool HasAnyOf(IEnumerable<string> columns) => columns.Any(c => !IsBlank(c));

    public DateOnly? Date(string column) => DateValue.Parse(this[column]);
}
