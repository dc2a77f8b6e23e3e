using System.Globalization;

namespace RegionalWarehouse.Etl.Tabular;

/// <summary>One data row of a single-table return (trimmed text), with the file and row an analyst sees in Excel.</summary>
public sealed class TableRow(string file, int row, IReadOnlyDictionary<string, int> columns, string[] values)
{
    public string File { get; } = file;

    /// <summary>The row number as Excel shows it (the header is row 1).</summary>
    public int Row { get; } = row;

    public string this[string column] =>
        columns.TryGetValue(column, out var i) && i < values.Length ? values[i].Trim() : "";

    /// <summary>The header's columns, in file order.</summary>
    public IEnumerable<string> Columns => columns.Keys;

    public bool IsBlank(string column) => this[column].Length == 0;

    public DateOnly? Date(string column) => DateValue.Parse(this[column]);

    public double? Number(string column) =>
        double.TryParse(this[column], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : null;

    public int? Integer(string column) =>
        int.TryParse(this[column], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
