namespace RegionalWarehouse.Etl.Csv;

/// <summary>A table read a row at a time: its header (trimmed, upper case), then rows numbered as Excel shows them.</summary>
public interface ITableReader : IDisposable
{
    IReadOnlyList<string> Header { get; }

    IEnumerable<CsvRow> Rows();
}
