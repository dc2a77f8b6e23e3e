using RegionalWarehouse.Etl.Csv;

namespace RegionalWarehouse.Etl.Ssda903;

/// <summary>One row of a 903 table as submitted (trimmed text), with where it came from.</summary>
public sealed class Record903(TableSchema table, string file, int row, IReadOnlyDictionary<string, int> columns, string[] values)
{
    public TableSchema Table { get; } = table;

    public string File { get; } = file;

    /// <summary>The row number in the file as Excel shows it (the header is row 1).</summary>
    public int Row { get; } = row;

    public string this[string column] =>
        columns.TryGetValue(column, out var i) && i < values.Length ? values[i].Trim() : "";

    public string Child => this["CHILD"];

    public bool IsBlank(string column) => this[column].Length == 0;

    public DateOnly? Date(string column) => DateValue.Parse(this[column]);
}
