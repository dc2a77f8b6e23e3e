namespace RegionalWarehouse.Etl.Ssda903;

/// <summary>
/// Reads a submission's files into a <see cref="Ssda903Return"/>, recognising each table by its header
/// row. Problems with the files themselves become FILE-* issues rather than exceptions.
/// </summary>
public static class Ssda903Parser
{
    public static Ssda903Return Parse(IEnumerable<ReturnFile> files, string laCode, int collectionYear)
    {
        var result = new Ssda903Return(laCode, collectionYear);
        foreach (var file in files)
            try
            {
                if (Ssda903Xml.IsXml(file))
                    foreach (var table in Ssda903Xml.Tables(file))
                        ReadTable(table, result);
                else if (file.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                    ReadTable(file, result);
                else
                    result.FileIssues.Add(Issue(FileRules.UnknownFile, file.Name, null,
                        "This is neither a CSV file nor the 903's XML. Send each 903 table as CSV, or the whole return as one XML file; remove other files from the submission."));
            }
            catch (InputLimitException ex)
            {
                result.FileIssues.Add(Issue(FileRules.TooLarge, file.Name, null, ex.Message));
            }
            catch (System.Xml.XmlException ex)
            {
                result.FileIssues.Add(Issue(FileRules.UnknownFile, file.Name, ex.LineNumber == 0 ? null : ex.LineNumber,
                    ex.Message.Contains("DTD", StringComparison.Ordinal)
                        ? "This XML file declares a DTD (<!DOCTYPE …>), which the platform refuses: it can make a reader fetch other files. Export the 903 XML without one."
                        // The reader's own message can quote the file's content (an entity's name, a UPN): never repeat it.
                        : $"This XML file is not well-formed at line {ex.LineNumber}, position {ex.LinePosition}. Export the 903 XML again, or send the CSV files."));
            }

        foreach (var table in Ssda903Schema.Tables.Where(t => t.Required && !result.Sources.ContainsKey(t)))
            result.FileIssues.Add(Issue(FileRules.RequiredTableMissing, null, null,
                $"No {table.Name} table was found. Include the {table.Name} file (its header row starts {string.Join(",", table.Columns.Take(4))},…)."));
        // An export that kept its headers but lost its rows would otherwise replace the LA's whole year with nothing.
        if (result.Sources.TryGetValue(Ssda903Schema.Episodes, out var episodesFile) && result[Ssda903Schema.Episodes].Count == 0)
            result.FileIssues.Add(Issue(FileRules.NoEpisodes, episodesFile, null,
                "The Episodes table has a header but no rows: every 903 has children looked after. Check the export ran to completion and submit it again."));
        return result;
    }

    private static void ReadTable(ReturnFile file, Ssda903Return result)
    {
        using var reader = CsvTableReader.Open(file);
        var header = reader.Header.ToHashSet();
        var table = Ssda903Schema.Identify(header);
        if (table is not null && !Ssda903Schema.PartOfTheReturnIn(table, result.CollectionYear))
        {
            result.FileIssues.Add(Issue(FileRules.NotPartOfTheYear, file.Name, 1,
                $"This is the {table.Name} table, part of the DfE's 903 from {Ssda903Schema.FirstYear(table) - 1}/{Ssda903Schema.FirstYear(table) % 100:00}: " +
                $"a {result.CollectionYear - 1}/{result.CollectionYear % 100:00} return does not include it, so it is neither checked nor loaded. The rest of the return is unaffected."));
            return;
        }
        if (table is null)
        {
            // The first row is echoed only where its cells are 903 column names: in a file exported without
            // its header it is a child's record (CHILD, date of birth, UPN), which must not reach a report.
            var columnNames = reader.Header.Where(c => Ssda903Schema.Tables.Any(t => t.Columns.Contains(c))).Distinct().Take(6).ToList();
            result.FileIssues.Add(Issue(FileRules.UnknownFile, file.Name, 1,
                $"The first row {(columnNames.Count == 0 ? "holds no 903 column names" : $"(903 columns found: {string.Join(", ", columnNames)})")} and matches none of the ten 903 tables. " +
                "Check it is a 903 export and its first row holds the column names."));
            return;
        }
        if (result.Sources.TryGetValue(table, out var earlier))
        {
            result.FileIssues.Add(Issue(FileRules.DuplicateTable, file.Name, 1,
                $"This is a second {table.Name} table (the first is {earlier}). Send each table once."));
            return;
        }
        result.Sources[table] = file.Name;

        var missing = table.Columns.Where(c => !header.Contains(c)).ToList();
        foreach (var column in missing)
            result.FileIssues.Add(Issue(FileRules.MissingColumn, file.Name, 1,
                $"The {table.Name} table has no {column} column. Add it to the header row (it may be left blank where the guide allows).", table.Name, column));
        // With columns missing the first row may be data rather than a header: its other cells are not echoed.
        foreach (var column in missing.Count > 0 ? [] : reader.Header.Where(c => c.Length > 0 && !table.Columns.Contains(c) && !table.Optional.Contains(c)).Distinct())
            result.FileIssues.Add(Issue(FileRules.ExtraColumn, file.Name, 1,
                $"The {table.Name} table has a column {column} that the 903 does not define; it will be ignored.", table.Name, column));
        if (missing.Count > 0)
            return;

        var index = reader.Header.Select((c, i) => (c, i)).GroupBy(x => x.c).ToDictionary(g => g.Key, g => g.First().i);
        var ragged = 0;
        foreach (var row in reader.Rows())
        {
            // A row whose values do not line up with the header holds them under the wrong columns (a line break or comma
            // inside a value shifts the rest): a postcode can sit under RNE. It is reported, and neither checked nor echoed.
            if (row.Values.Length != reader.Header.Count)
            {
                if (ragged++ < FindingLimit.PerRule)
                    result.FileIssues.Add(Issue(FileRules.RaggedRow, file.Name, row.Number,
                        $"This row has {row.Values.Length} values but the header has {reader.Header.Count} columns, so its values cannot be matched to columns and it is not checked further. " +
                        "Check for a comma or line break inside a value (put it in quotes) or a missing value.", table.Name));
                continue;
            }
            result.Add(new Record903(table, file.Name, row.Number, index, row.Values));
        }
        if (ragged > FindingLimit.PerRule)
            result.FileIssues.Add(Issue(FileRules.RaggedRow, file.Name, null,
                $"…and {ragged - FindingLimit.PerRule:N0} more rows whose values do not match the header, not listed. Check the file is the return's CSV export.", table.Name));
    }

    private static ValidationIssue Issue(RuleInfo rule, string? file, int? row, string message, string? table = null, string? column = null) =>
        new(rule.Code, rule.Severity, file, table, row, column, null, message);
}
