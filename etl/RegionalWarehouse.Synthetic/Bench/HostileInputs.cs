using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using RegionalWarehouse.Etl.Submissions;
using RegionalWarehouse.Synthetic.Ssda903;

namespace RegionalWarehouse.Synthetic.Bench;

/// <summary>One file built to exhaust the platform, and the submission it lands in.</summary>
public sealed record HostileCase(string Name, string ReturnType, string Period, string RejectedBy, Func<string, string> Build);

/// <summary>What one hostile submission did: its outcome, the rules it tripped, and what it cost.</summary>
public sealed record HostileResult(string Case, string Outcome, string Rules, int FindingsListed, long ReportCharacters, double Seconds, long PeakBytes);

/// <summary>
/// The classes of hostile input the platform must survive in bounded memory (issue 3/6): each is built at
/// full size beside a real-sized Hertfordshire return and sent through the real pipeline, one at a time,
/// with its own peak memory. Sizes are parameters so the tests can run the same cases small.
/// </summary>
public static class HostileInputs
{
    public static IReadOnlyList<HostileCase> Cases(int megabytes = 50) =>
    [
        new("zip expanding to 1 GB", "SSDA903", "2024", "SUB-06", folder => ZipBomb(folder, 1024)),
        new("xlsx with one cell at column ZZZZZZ", "SF", "2024-Q3", "TAB-06", XlsxWideCell),
        new("xlsx whose sheet expands to 200 MB", "SF", "2024-Q3", "TAB-06", XlsxBomb),
        new("a 100 MB CSV", "SSDA903", "2024", "SUB-06", folder =>
            WithReturn(folder, f => Garbage(Table(f, Ssda903Schema.Reviews), "CHILD,DOB,REVIEW,REVIEW_CODE", 100))),
        new($"{megabytes} MB of garbage under a valid header", "SSDA903", "2024", "FILE-06", folder =>
            WithReturn(folder, f => Garbage(Table(f, Ssda903Schema.Reviews), "CHILD,DOB,REVIEW,REVIEW_CODE", megabytes))),
        new("10 MB header line", "SSDA903", "2024", "FILE-10", folder =>
            WithReturn(folder, f => File.WriteAllText(Path.Combine(f, "notes.csv"), new string('A', 10_000_000) + "\n1\n"))),
        new("100,000 columns", "SSDA903", "2024", "FILE-10", folder =>
            WithReturn(folder, f => File.WriteAllText(Path.Combine(f, "wide.csv"), string.Join(",", Enumerable.Range(0, 100_000).Select(i => $"C{i}")) + "\n"))),
        new($"one {megabytes} MB line with no line break", "SSDA903", "2024", "FILE-10", folder =>
            WithReturn(folder, f => OneLongLine(Table(f, Ssda903Schema.Missing), megabytes))),
        new("28,000 episodes each breaking a dozen rules", "SSDA903", "2024", "SUB-04", folder =>
            WithReturn(folder, f => BrokenEpisodes(Table(f, Ssda903Schema.Episodes), 28_000))),
        // The 903's XML form: amplification (a little XML that would become large tables) and nesting.
        new("903 XML nesting 200,000 elements deep", "SSDA903", "2024", "FILE-10", folder =>
            Xml(folder, w =>
            {
                w.Write("<Message><Children><CHILD><CHILDID>C1</CHILDID>");
                for (var i = 0; i < 200_000; i++)
                    w.Write("<EPISODE>");
            })),
        new($"903 XML of {megabytes * 100_000:N0} empty CHILDs", "SSDA903", "2024", "FILE-10", folder =>
            Xml(folder, w =>
            {
                w.Write("<Message><Children>");
                for (var i = 0; i < megabytes * 100_000; i++)
                    w.Write("<CHILD/>");
                w.Write("</Children></Message>");
            })),
        new("903 XML: one CHILD holding 250,000 empty AREVIEWs", "SSDA903", "2024", "FILE-10", folder =>
            Xml(folder, w =>
            {
                w.Write($"<Message><Children><CHILD><CHILDID>{new string('9', 3_990)}</CHILDID>");
                for (var i = 0; i < 250_000; i++)
                    w.Write("<AREVIEW/>");
                w.Write("</CHILD></Children></Message>");
            })),
        // Cell floods in a small workbook: one row of empty cells, and every cell at the same reference.
        new($"xlsx row of {megabytes * 1_000_000:N0} empty cells", "SF", "2024-Q3", "TAB-06", folder =>
            XlsxSheet(folder, w =>
            {
                w.Write("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>FAMILY_ID</t></is></c>");
                for (var i = 0; i < megabytes * 1_000_000; i++)
                    w.Write("<c/>");
                w.Write("</row>");
            })),
        new($"xlsx with {megabytes * 500_000:N0} cells all at A1", "SF", "2024-Q3", "TAB-06", folder =>
            XlsxSheet(folder, w =>
            {
                w.Write("<row r=\"1\">");
                for (var i = 0; i < megabytes * 500_000; i++)
                    w.Write("<c r=\"A1\" t=\"inlineStr\"><is><t>FAMILY_ID</t></is></c>");
                w.Write("</row>");
            })),
    ];

    /// <summary>A submission holding one 903 XML file written by <paramref name="write"/>.</summary>
    private static string Xml(string folder, Action<StreamWriter> write)
    {
        using (var writer = new StreamWriter(Path.Combine(folder, "919_903_2024.xml"), false, new UTF8Encoding(false)))
            write(writer);
        return folder;
    }

    /// <summary>
    /// A valid small workbook whose sheet data is replaced by what <paramref name="writeRows"/> streams, copied part by part
    /// into a new archive (Update mode would hold the whole archive in memory).
    /// </summary>
    private static string XlsxSheet(string folder, Action<StreamWriter> writeRows)
    {
        var valid = Path.Combine(XlsxWideCell(Directory.CreateTempSubdirectory("rw-xlsx-").FullName), "sf_919_2024-Q3.xlsx");
        using (var source = ZipFile.OpenRead(valid))
        using (var flood = ZipFile.Open(Path.Combine(folder, "sf_919_2024-Q3.xlsx"), ZipArchiveMode.Create))
            foreach (var part in source.Entries)
            {
                using var target = flood.CreateEntry(part.FullName, CompressionLevel.SmallestSize).Open();
                if (!part.FullName.Contains("worksheets/", StringComparison.Ordinal))
                {
                    using var content = part.Open();
                    content.CopyTo(target);
                    continue;
                }
                using var writer = new StreamWriter(target, new UTF8Encoding(false));
                writer.Write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
                writeRows(writer);
                writer.Write("</sheetData></worksheet>");
            }
        Directory.Delete(Path.GetDirectoryName(valid)!, recursive: true);
        return folder;
    }

    /// <summary>Builds each case under <paramref name="root"/> and ingests it; <paramref name="ingest"/> is the real pipeline.</summary>
    public static IEnumerable<HostileResult> Run(string root, IEnumerable<HostileCase> cases, Func<HostileCase, string, SubmissionReport> ingest)
    {
        foreach (var hostile in cases)
        {
            var folder = Path.Combine(root, Slug(hostile.Name));
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
            Directory.CreateDirectory(folder);
            var path = hostile.Build(folder);
            var clock = Stopwatch.StartNew();
            var (report, peak) = PeakMemory.Measure(() => ingest(hostile, path));
            var seconds = clock.Elapsed.TotalSeconds;
            // Submission and file rules first: they are why a hostile input is refused.
            var rules = string.Join(", ", report.Issues.Where(i => i.Severity == RegionalWarehouse.Etl.Validation.Severity.Error).Select(i => i.RuleCode).Distinct()
                .OrderBy(code => code.StartsWith("SUB-", StringComparison.Ordinal) ? 0 : code.StartsWith("FILE-", StringComparison.Ordinal) || code.StartsWith("TAB-", StringComparison.Ordinal) ? 1 : 2)
                .ThenBy(code => code, StringComparer.Ordinal).Take(6));
            yield return new HostileResult(hostile.Name, report.Outcome, rules, report.Issues.Count, report.ToMarkdown().Length + report.ToJson().Length, seconds, peak);
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Slug(string name) => new(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    /// <summary>The generated return's file for <paramref name="table"/>, to be replaced by a hostile one.</summary>
    private static string Table(string folder, TableSchema table) => Path.Combine(folder, $"919_{table.Name.ToLowerInvariant()}_2024.csv");

    /// <summary>A real-sized Hertfordshire 2024 return (generated), then one file made hostile.</summary>
    private static string WithReturn(string folder, Action<string> makeHostile)
    {
        var generated = Ssda903Generator.Generate(new GeneratorRequest(["919"], 2024, 2024, Seed: 5)).Single();
        var path = Ssda903Generator.Write(generated, folder, "hostile");
        makeHostile(path);
        return path;
    }

    private static string ZipBomb(string folder, int expandedMegabytes)
    {
        var zip = Path.Combine(folder, "return.zip");
        using var archive = ZipFile.Open(zip, ZipArchiveMode.Create);
        using var entry = archive.CreateEntry("episodes.csv", CompressionLevel.SmallestSize).Open();
        var zeros = new byte[1024 * 1024];
        for (var i = 0; i < expandedMegabytes; i++)
            entry.Write(zeros);
        return zip;
    }

    /// <summary>A workbook of a few KB whose one stray cell sits at column ZZZZZZ; returns the folder holding it.</summary>
    public static string XlsxWideCell(string folder)
    {
        var path = Path.Combine(folder, "sf_919_2024-Q3.xlsx");
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheet = workbook.AddNewPart<WorksheetPart>();
        sheet.Worksheet = new Worksheet(new SheetData(
            new Row(new Cell { CellReference = "A1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("FAMILY_ID")) },
                    new Cell { CellReference = "ZZZZZZ1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("x")) })
            { RowIndex = 1 }));
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Sheet1" }));
        return folder;
    }

    /// <summary>A valid workbook whose sheet part is replaced by 200 MB of rows that compress to almost nothing.</summary>
    private static string XlsxBomb(string folder) => XlsxSheet(folder, writer =>
    {
        const string row = "<row><c t=\"inlineStr\"><is><t>FAMILY</t></is></c></row>";
        for (long written = 0; written < 200L * 1024 * 1024; written += row.Length)
            writer.Write(row);
    });

    private static void Garbage(string path, string header, int megabytes)
    {
        var random = new Random(1);
        using var writer = new StreamWriter(path, false, Encoding.ASCII);
        writer.WriteLine(header);
        var line = new char[40];
        for (long written = 0; written < megabytes * 1024L * 1024; written += line.Length + 1)
        {
            for (var i = 0; i < line.Length; i++)
                line[i] = (char)random.Next('a', 'z');
            writer.WriteLine(line);
        }
    }

    private static void OneLongLine(string path, int megabytes)
    {
        using var writer = new StreamWriter(path, false, Encoding.ASCII);
        writer.Write("CHILD,DOB,MISSING,MIS_START,MIS_END\nC1,01/01/2010,M,01/05/2023,");
        var block = new string('x', 1024 * 1024);
        for (var i = 0; i < megabytes; i++)
            writer.Write(block);
    }

    private static void BrokenEpisodes(string path, int rows)
    {
        using var writer = new StreamWriter(path, false, Encoding.ASCII);
        writer.WriteLine(string.Join(",", Ssda903Schema.Episodes.Columns));
        for (var i = 0; i < rows; i++)
            writer.WriteLine($"X{i},99/99/9999,Q,Q9,Q9,Q9,Q9,99/99/9999,Q9,Q9,{new string('Z', 100)},ZZ,{new string('9', 100)}");
    }
}
