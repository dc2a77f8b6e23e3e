using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RegionalWarehouse.Etl.Tabular;

/// <summary>
/// Reads the first worksheet of an .xlsx file a row at a time (OpenXML's SAX reader, so a large sheet is
/// never held in memory). Cells Excel stores as dates become dd/mm/yyyy text, as in the CSV layout.
/// </summary>
public sealed class XlsxTableReader : ITableReader
{
    private readonly SpreadsheetDocument _document;
    private readonly OpenXmlReader _reader;
    private readonly string[] _sharedStrings;
    private readonly HashSet<uint> _dateStyles;
    private int _lastRow;

    private XlsxTableReader(Stream stream)
    {
        _document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbook = _document.WorkbookPart ?? throw new InvalidDataException("The .xlsx file has no workbook.");
        var firstSheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("The .xlsx file has no worksheet.");
        // Found by afl++: a sheet whose relationship names a part of another kind, or none, is a damaged workbook, not a crash.
        var sheetPart = firstSheet.Id?.Value is { Length: > 0 } id && workbook.TryGetPartById(id, out var part) && part is WorksheetPart worksheet
            ? worksheet
            : throw new InvalidDataException("The .xlsx file's first sheet is not a worksheet.");
        _sharedStrings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
        _dateStyles = DateStyles(workbook.WorkbookStylesPart?.Stylesheet);
        _reader = OpenXmlReader.Create(sheetPart);
        var first = NextRow();
        Header = first is null ? [] : first.Value.Values.Select(v => v.Trim().ToUpperInvariant()).ToArray();
    }

    public IReadOnlyList<string> Header { get; }

    public static XlsxTableReader Open(ReturnFile file)
    {
        var stream = file.Open();
        if (!stream.CanSeek)
        {
            var buffer = new MemoryStream();
            using (stream)
                stream.CopyTo(buffer);
            buffer.Position = 0;
            stream = buffer;
        }
        CheckExpansion(stream);
        return new XlsxTableReader(stream);
    }

    /// <summary>The shared strings are read whole (OpenXML's DOM): a few hundred KB in any real return.</summary>
    private const long MaxSharedStringsBytes = 8L * 1024 * 1024;

    /// <summary>
    /// An .xlsx is a zip: before OpenXML reads it, no part may expand beyond a return's file limit (nor the
    /// shared strings beyond theirs), so a small workbook cannot unpack into gigabytes.
    /// </summary>
    private static void CheckExpansion(Stream stream)
    {
        try
        {
            using var package = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
            foreach (var part in package.Entries)
            {
                var limit = part.FullName.EndsWith("sharedStrings.xml", StringComparison.OrdinalIgnoreCase) ? MaxSharedStringsBytes : InputLimits.MaxFileBytes;
                if (part.Length > limit)
                    throw new InputLimitException($"The workbook's {part.FullName} expands to {part.Length / 1048576.0:N0} MB, more than a return's sheet holds ({limit / 1048576:N0} MB). Save the sheet again as a plain workbook or CSV.");
            }
        }
        catch (InvalidDataException)
        {
            // Not a zip at all: OpenXML says so in its own words below.
        }
        stream.Position = 0;
    }

    public IEnumerable<CsvRow> Rows()
    {
        var rows = 0;
        while (NextRow() is { } row)
        {
            if (++rows > InputLimits.MaxRows)
                throw new InputLimitException($"The sheet has more than {InputLimits.MaxRows:N0} rows, more than any LA's return holds. Check it is the return, not a whole database.");
            if (row.Values.All(v => v.Length == 0))
                continue;
            yield return row;
        }
    }

    /// <summary>
    /// The next row, read a cell at a time: a row is never loaded whole, so a small file holding a row of millions of
    /// empty cells (or millions of cells at one reference) is refused at the limit, in bounded memory.
    /// </summary>
    private CsvRow? NextRow()
    {
        while (_reader.Read())
        {
            if (_reader.ElementType != typeof(Row) || !_reader.IsStartElement)
                continue;
            var rowIndex = _reader.Attributes.FirstOrDefault(a => a.LocalName == "r").Value;
            var cells = new SortedDictionary<int, string>();
            var seen = 0;
            var positioned = false; // LoadCurrentElement leaves the reader on what follows the cell
            while (positioned || _reader.Read())
            {
                positioned = false;
                if (_reader.ElementType == typeof(Row) && _reader.IsEndElement)
                    break;
                if (_reader.ElementType != typeof(Cell) || !_reader.IsStartElement)
                    continue;
                if (++seen > InputLimits.MaxColumns)
                    throw new InputLimitException($"Row {rowIndex} has more than {InputLimits.MaxColumns} cells, more than a return's table has columns. Delete the stray cells and save again.");
                var cell = (Cell)_reader.LoadCurrentElement()!;
                positioned = true;
                var column = ColumnIndex(cell.CellReference?.Value, cells.Count);
                if (column >= InputLimits.MaxColumns)
                    throw new InputLimitException($"Row {rowIndex} has a cell at {cell.CellReference?.Value}, beyond the {InputLimits.MaxColumns} columns a return's table may have. Delete the stray cell and save again.");
                var text = CellText(cell);
                cells[column] = text.Length <= InputLimits.MaxCellLength ? text
                    : throw new InputLimitException($"Cell {cell.CellReference?.Value} holds more than {InputLimits.MaxCellLength:N0} characters. A return's cells hold codes, dates and identifiers.");
            }
            var width = cells.Count == 0 ? 0 : cells.Keys.Max() + 1;
            var values = Enumerable.Range(0, width).Select(i => cells.GetValueOrDefault(i, "")).ToArray();
            // Some writers leave out the row number; such rows follow the previous one.
            _lastRow = uint.TryParse(rowIndex, out var number) ? (int)number : _lastRow + 1;
            return new CsvRow(_lastRow, values);
        }
        return null;
    }

    private string CellText(Cell cell)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
            return cell.InlineString?.InnerText ?? "";
        var raw = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
            return int.TryParse(raw, out var i) && i < _sharedStrings.Length ? _sharedStrings[i] : "";
        if (cell.DataType?.Value == CellValues.Boolean)
            return raw == "1" ? "TRUE" : "FALSE";
        if (cell.StyleIndex is not null && _dateStyles.Contains(cell.StyleIndex.Value)
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial))
            return DateOnly.FromDateTime(DateTime.FromOADate(serial)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        return raw;
    }

    /// <summary>"C7" is column 2; cells without a reference follow the previous one.</summary>
    private static int ColumnIndex(string? reference, int fallback)
    {
        if (string.IsNullOrEmpty(reference))
            return fallback;
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
            if (index > InputLimits.MaxColumns)
                return int.MaxValue;   // far beyond any real column (and never an overflow)
        }
        return index - 1;
    }

    /// <summary>The cell styles whose number format shows a date (Excel's built-in ids 14–22 and 45–47, or a custom d/m/y format).</summary>
    private static HashSet<uint> DateStyles(Stylesheet? styles)
    {
        var dateFormats = new HashSet<uint>([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);
        foreach (var format in styles?.NumberingFormats?.Elements<NumberingFormat>() ?? [])
            if (format.FormatCode?.Value is { } code && code.Any(c => c is 'd' or 'y') && format.NumberFormatId is not null)
                dateFormats.Add(format.NumberFormatId.Value);
        var result = new HashSet<uint>();
        var index = 0u;
        foreach (var cellFormat in styles?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            if (cellFormat.NumberFormatId is not null && dateFormats.Contains(cellFormat.NumberFormatId.Value))
                result.Add(index);
            index++;
        }
        return result;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _document.Dispose();
    }
}
