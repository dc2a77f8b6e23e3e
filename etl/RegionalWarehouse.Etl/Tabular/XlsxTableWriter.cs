using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RegionalWarehouse.Etl.Tabular;

/// <summary>One worksheet to write: a header row, data rows, and which columns hold dates.</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<string>> Rows, IReadOnlySet<string>? DateColumns = null);

/// <summary>
/// Writes .xlsx workbooks (templates users fill in, and test files) with OpenXML. Text stays text (so
/// codes like 919 keep their form); dd/mm/yyyy values in date columns become real Excel dates.
/// </summary>
public static class XlsxTableWriter
{
    private const uint DateStyle = 1;
    private const uint HeaderStyle = 2;

    public static void Write(Stream stream, params XlsxSheet[] sheets)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var sheetList = workbook.Workbook.AppendChild(new Sheets());
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            part.Worksheet = new Worksheet(data);
            data.Append(Row(sheet.Header, _ => false, HeaderStyle));
            var dates = sheet.Header.Select(h => sheet.DateColumns?.Contains(h) == true).ToArray();
            foreach (var row in sheet.Rows)
                data.Append(Row(row, i => i < dates.Length && dates[i], null));
            sheetList.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = sheet.Name });
        }
        workbook.Workbook.Save();
    }

    private static Row Row(IReadOnlyList<string> values, Func<int, bool> isDate, uint? style)
    {
        var row = new Row();
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].Length == 0)
                continue;
            var reference = ColumnName(i);
            row.Append(isDate(i) && DateValue.Parse(values[i]) is { } date
                ? new Cell { CellReference = reference, StyleIndex = DateStyle, CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)) }
                : new Cell { CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style, InlineString = new InlineString(new Text(values[i])) });
        }
        return row;
    }

    /// <summary>Column letters without a row number: a cell's position in its row is all the reader needs.</summary>
    private static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
            name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellStyleFormats(new CellFormat()),
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
            new CellFormat { FontId = 1, ApplyFont = true }));
}
