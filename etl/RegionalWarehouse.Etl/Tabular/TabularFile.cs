namespace RegionalWarehouse.Etl.Tabular;

/// <summary>
/// Reads a single-table return (Supporting Families, population, deprivation, indicators, published
/// statistics) from its one file, CSV or Excel. Problems with the file become TAB-* issues, not exceptions.
/// </summary>
public static class TabularFile
{
    public static TabularData Read(IReadOnlyList<ReturnFile> files, TableLayout layout)
    {
        var data = new TabularData(layout);
        var usable = files.Where(f => IsCsv(f) || IsXlsx(f)).ToList();
        foreach (var other in files.Except(usable))
            data.FileIssues.Add(Issue(TabularFileRules.OneFile, other.Name, null,
                $"This is not a .csv or .xlsx file. A {layout.Name} submission is one CSV or Excel file; remove this one."));
        if (usable.Count == 0)
        {
            data.FileIssues.Add(Issue(TabularFileRules.OneFile, null, null, $"The submission holds no .csv or .xlsx file. Add the {layout.Name} file."));
            return data;
        }
        foreach (var extra in usable.Skip(1))
            data.FileIssues.Add(Issue(TabularFileRules.OneFile, extra.Name, null,
                $"A {layout.Name} submission is one file, but {usable[0].Name} came first. Merge them, or submit this one separately."));

        var file = usable[0];
        data.File = file.Name;
        try
        {
            return ReadRows(data, file, layout);
        }
        catch (InputLimitException ex)
        {
            data.Rows.Clear();
            data.FileIssues.Add(Issue(TabularFileRules.TooLarge, file.Name, null, ex.Message));
            return data;
        }
        catch (Exception ex) when (IsXlsx(file) && ex is InvalidDataException or IOException or System.Xml.XmlException or FormatException or OverflowException
                                       or ArgumentException or InvalidOperationException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException)
        {
            // Whatever is wrong inside the workbook, the LA hears which file, never the library's words (they can quote a cell).
            data.Rows.Clear();
            data.FileIssues.Add(Issue(TabularFileRules.Unreadable, file.Name, null,
                $"{file.Name} cannot be read as an Excel workbook (it is damaged, truncated, or holds a cell Excel cannot). Open it in Excel, save it again as .xlsx, and submit it again; or send it as CSV."));
            return data;
        }
    }

    private static TabularData ReadRows(TabularData data, ReturnFile file, TableLayout layout)
    {
        using var reader = IsXlsx(file) ? XlsxTableReader.Open(file) : CsvTableReader.Open(file) as ITableReader;
        data.Header = reader.Header;
        var header = reader.Header.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = layout.Columns.Where(c => !header.Contains(c)).ToList();
        foreach (var column in missing)
            data.FileIssues.Add(Issue(TabularFileRules.MissingColumn, file.Name, 1,
                $"The header row has no {column} column. Add it (the template in docs/ lists every column; it may be blank where allowed).", column));
        // With columns missing the first row may be a data row (a file exported without its header): its
        // cells may identify a family and are not echoed as "extra columns".
        if (!layout.AllowOtherColumns && missing.Count == 0)
            foreach (var column in data.OtherColumns)
                data.FileIssues.Add(Issue(TabularFileRules.ExtraColumn, file.Name, 1,
                    $"{column} is not a {layout.Name} column; it will be ignored.", column));
        if (missing.Count > 0)
            return data;

        var index = reader.Header.Select((c, i) => (c, i)).GroupBy(x => x.c, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().i, StringComparer.OrdinalIgnoreCase);
        var ragged = 0;
        foreach (var row in reader.Rows())
        {
            // Too many values: a comma inside a value shifted the rest to the wrong columns, so the row is reported and
            // neither checked nor echoed. Too few is a row whose last values are blank, as the DfE's tools read it.
            if (row.Values.Length > reader.Header.Count)
            {
                if (ragged++ < FindingLimit.PerRule)
                    data.FileIssues.Add(Issue(TabularFileRules.RaggedRow, file.Name, row.Number,
                        $"This row has {row.Values.Length} values but the header has {reader.Header.Count} columns, so its values cannot be matched to columns and it is not checked further. Check for an unquoted comma."));
                continue;
            }
            data.Rows.Add(new TableRow(file.Name, row.Number, index, row.Values));
        }
        if (ragged > FindingLimit.PerRule)
            data.FileIssues.Add(Issue(TabularFileRules.RaggedRow, file.Name, null,
                $"…and {ragged - FindingLimit.PerRule:N0} more rows with too many values, not listed. Check the file is the return's CSV export."));
        if (data.Rows.Count == 0)
            data.FileIssues.Add(Issue(TabularFileRules.NoRows, file.Name, null, $"The file has a header but no data rows. Submit the {layout.Name} data under the header."));
        return data;
    }

    private static bool IsCsv(ReturnFile f) => f.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    private static bool IsXlsx(ReturnFile f) => f.Name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    private static ValidationIssue Issue(RuleInfo rule, string? file, int? row, string message, string? column = null) =>
        new(rule.Code, rule.Severity, file, null, row, column, null, message);
}
