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
        };
        _csv = new CsvReader(new StreamReader(file.Open(), encoding, detectEncodingFromByteOrderMarks: true), configuration);
        Header = _csv.Read()
            ? Enumerable.Range(0, _csv.Parser.Count).Select(i => (_csv.Parser[i] ?? "").Trim().ToUpperInvariant()).ToArray()
            : [];
    }

    public ReturnFile File { get; }

    public IReadOnlyList<string> Header { get; }

    public static CsvTableReader Open(ReturnFile file) => new(file);

    public IEnumerable<CsvRow> Rows()
    {
        while (_csv.Read())
        {
            var count = _csv.Parser.Count;
            var values = new string[count];
            for (var i = 0; i < count; i++)
                values[i] = _csv.Parser[i] ?? "";
            if (values.All(v => v.Length == 0))
                continue;
            yield return new CsvRow(_csv.Parser.Row, values);
        }
    }

    public void Dispose() => _csv.Dispose();
}

public readonly record struct CsvRow(int Number, string[] Values);
