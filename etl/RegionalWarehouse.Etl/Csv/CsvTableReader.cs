using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace RegionalWarehouse.Etl.Csv;

/// <summary>
/// Streams a CSV file: its header (trimmed, upper case) and then one row at a time, each with the row
/// number an analyst sees in Excel (the header is row 1).
/// </summary>
public sealed class CsvTableReader : ITableReader
{
    private readonly CsvReader _csv;

    private CsvTableReader(ReturnFile file)
    {
        File = file;
        var encoding = TextEncodingDetector.Detect(file.Open);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            DetectDelimiter = false,
            BadDataFound = null,
            MissingFieldFound = null,
            IgnoreBlankLines = true,
            MaxFieldSize = InputLimits.MaxCellLength,
        };
        _csv = new CsvReader(new StreamReader(file.Open(), encoding, detectEncodingFromByteOrderMarks: true), configuration);
        Header = Guarded(() => _csv.Read())
            ? Enumerable.Range(0, Width()).Select(i => (_csv.Parser[i] ?? "").Trim().ToUpperInvariant()).ToArray()
            : [];
    }

    public ReturnFile File { get; }

    public IReadOnlyList<string> Header { get; }

    public static CsvTableReader Open(ReturnFile file) => new(file);

    public IEnumerable<CsvRow> Rows()
    {
        var rows = 0;
        while (Guarded(() => _csv.Read()))
        {
            if (++rows > InputLimits.MaxRows)
                throw new InputLimitException($"The file has more than {InputLimits.MaxRows:N0} rows, more than any LA's return holds. Check it is the return's export, not a whole database.");
            var count = Width();
            var values = new string[count];
            for (var i = 0; i < count; i++)
                values[i] = _csv.Parser[i] ?? "";
            if (values.All(v => v.Length == 0))
                continue;
            yield return new CsvRow(_csv.Parser.Row, values);
        }
    }

    private int Width() => _csv.Parser.Count <= InputLimits.MaxColumns
        ? _csv.Parser.Count
        : throw new InputLimitException($"Row {_csv.Parser.Row} has {_csv.Parser.Count:N0} values; a return's table has at most {InputLimits.MaxColumns}. Check the file is a CSV export of the return.");

    /// <summary>CsvHelper's own limit, reported like the others.</summary>
    private T Guarded<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (MaxFieldSizeException)
        {
            throw new InputLimitException($"A value near row {_csv.Parser.Row} is longer than {InputLimits.MaxCellLength:N0} characters. Check the file is a CSV export of the return (and that its quotes are balanced).");
        }
    }

    public void Dispose() => _csv.Dispose();
}

public readonly record struct CsvRow(int Number, string[] Values);
