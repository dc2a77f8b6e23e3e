using System.Text.Json;
using CsvHelper;

namespace RegionalWarehouse.Cli.Commands;

/// <summary>How a command prints a listing: a table for people, CSV or JSON for programs.</summary>
public enum OutputFormat
{
    Table,
    Csv,
    Json,
}

/// <summary>
/// One listing a command prints, in the format asked for. As a table it fits the terminal (COLUMNS, or 80 when
/// piped): a table when every row fits on one line, otherwise one block of "column: value" lines per row, so no
/// cell is ever broken across lines. CSV and JSON carry the same cells, one value each, for programs.
/// </summary>
public sealed class Listing(params string[] columns)
{
    private readonly List<string[]> _rows = [];
    private readonly List<string> _droppable = [];

    public IReadOnlyList<string> Columns { get; } = columns;

    public Listing Add(params string?[] cells)
    {
        if (cells.Length != Columns.Count)
            throw new ArgumentException($"A listing row has {cells.Length} cells for {Columns.Count} columns.");
        _rows.Add(cells.Select(c => c ?? "").ToArray());
        return this;
    }

    public int Count => _rows.Count;

    /// <summary>Columns a narrow table may leave out, first named first, to keep one line a row (CSV and JSON keep every column).</summary>
    public Listing Droppable(params string[] columns)
    {
        _droppable.AddRange(columns);
        return this;
    }

    /// <summary>The --format option every listing command takes.</summary>
    public static Option<OutputFormat> FormatOption() => new("--format")
    {
        Description = "table (default: fits the terminal, or 80 columns when piped), csv or json.",
        DefaultValueFactory = _ => OutputFormat.Table,
    };

    /// <summary>The width a table must fit: the terminal's, else COLUMNS, else 80.</summary>
    public static int Width()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 20)
            return columns;
        return Console.IsOutputRedirected ? 80 : Math.Max(40, AnsiConsole.Profile.Width);
    }

    /// <summary>A note under a listing, wrapped at spaces to the width a table keeps to.</summary>
    public static void Say(string text, TextWriter? output = null)
    {
        output ??= Console.Out;
        foreach (var line in Wrap(text, Width()))
            output.WriteLine(line.Text);
    }

    public void Write(OutputFormat format, TextWriter? output = null, int? width = null)
    {
        output ??= Console.Out;
        switch (format)
        {
            case OutputFormat.Csv:
                using (var csv = new CsvWriter(output, System.Globalization.CultureInfo.InvariantCulture, leaveOpen: true))
                {
                    foreach (var column in Columns)
                        csv.WriteField(column);
                    csv.NextRecord();
                    foreach (var row in _rows)
                    {
                        foreach (var cell in row)
                            csv.WriteField(cell);
                        csv.NextRecord();
                    }
                }
                break;
            case OutputFormat.Json:
                output.WriteLine(JsonSerializer.Serialize(_rows.Select(r => Columns.Select((c, i) => (c, r[i])).ToDictionary(p => p.c, p => p.Item2)),
                    new JsonSerializerOptions { WriteIndented = true }));
                break;
            default:
                WriteNarrowest(output, width ?? Width());
                break;
        }
    }

    /// <summary>The table with as few droppable columns left out as it takes to fit, saying which were.</summary>
    private void WriteNarrowest(TextWriter output, int width)
    {
        var listing = this;
        var dropped = new List<string>();
        foreach (var column in _droppable.Where(Columns.Contains))
        {
            if (listing.Fits(width))
                break;
            dropped.Add(column);
            listing = Without(dropped);
        }
        listing.WriteTable(output, width);
        if (dropped.Count > 0)
            foreach (var line in Wrap($"(Not shown at this width: {string.Join(", ", dropped)}; --format csv shows every column.)", width))
                output.WriteLine(line.Text);
    }

    private int[] NaturalWidths() => Columns.Select((c, i) => _rows.Select(r => r[i].Length).Append(c.Length).Max()).ToArray();

    /// <summary>The widest text column, which may wrap inside itself; -1 when every column is numbers.</summary>
    private int FlexColumn(int[] widths) =>
        Enumerable.Range(0, widths.Length).Where(i => !_rows.All(r => r[i].Length == 0 || LooksNumeric(r[i]))).DefaultIfEmpty(-1).MaxBy(i => i < 0 ? 0 : widths[i]);

    /// <summary>One line a row, or the flexible column wrapped with at least 20 characters of room.</summary>
    private bool Fits(int width)
    {
        var widths = NaturalWidths();
        var separators = 2 * (widths.Length - 1);
        var flex = FlexColumn(widths);
        return widths.Sum() + separators <= width
               || (flex >= 0 && widths.Sum() - widths[flex] + separators + Math.Min(20, widths[flex]) <= width);
    }

    private Listing Without(IReadOnlyCollection<string> columns)
    {
        var kept = Columns.Select((c, i) => (c, i)).Where(x => !columns.Contains(x.c)).ToList();
        var narrower = new Listing(kept.Select(x => x.c).ToArray());
        foreach (var row in _rows)
            narrower._rows.Add(kept.Select(x => row[x.i]).ToArray());
        return narrower;
    }

    private void WriteTable(TextWriter output, int width)
    {
        var widths = NaturalWidths();
        var separators = 2 * (widths.Length - 1);
        // The widest text column may wrap (at spaces, inside its own column) so the rest keep one line a row.
        var flex = FlexColumn(widths);
        if (widths.Sum() + separators > width && flex >= 0)
        {
            var room = width - (widths.Sum() - widths[flex]) - separators;
            if (room >= Math.Min(20, widths[flex]))
                widths[flex] = room;
        }
        if (widths.Sum() + separators <= width)
        {
            output.WriteLine(Line(Columns.Select((c, i) => Fit(c, widths[i])).ToArray(), widths).TrimEnd());
            output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
            foreach (var row in _rows)
            {
                var wrapped = flex < 0 ? [row[0]] : Wrap(row[flex], widths[flex]).Select(l => l.Text).ToList();
                for (var line = 0; line < Math.Max(1, wrapped.Count); line++)
                {
                    var cells = line == 0 ? (string[])row.Clone() : new string[row.Length].Select(_ => "").ToArray();
                    if (flex >= 0)
                        cells[flex] = line < wrapped.Count ? wrapped[line] : "";
                    output.WriteLine(Line(cells, widths).TrimEnd());
                }
            }
            return;
        }
        // Still too wide: each row as a block, the first column as its heading.
        var label = Columns.Skip(1).Select(c => c.Length).DefaultIfEmpty(0).Max();
        foreach (var row in _rows)
        {
            output.WriteLine(Fit(row[0], width));
            for (var i = 1; i < Columns.Count; i++)
                if (row[i].Length > 0)
                    foreach (var line in Wrap(row[i], width - label - 4))
                        output.WriteLine(Fit($"  {(line.First ? Columns[i] : "").PadRight(label)}  {line.Text}", width));
            output.WriteLine();
        }
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => LooksNumeric(c) ? c.PadLeft(widths[i]) : c.PadRight(widths[i])));

    private static bool LooksNumeric(string cell) => cell.Length > 0 && (char.IsDigit(cell[0]) || cell[0] is '-' or '£') && cell.Any(char.IsDigit) && !cell.Contains(' ');

    private static string Fit(string line, int width) => line.Length <= width ? line : line[..(width - 1)] + "…";

    /// <summary>Breaks a long value at spaces (never inside a word or number) to the width left beside its label.</summary>
    private static IEnumerable<(bool First, string Text)> Wrap(string value, int width)
    {
        width = Math.Max(10, width);
        var line = "";
        var first = true;
        foreach (var word in value.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return (first, line);
                first = false;
                line = "";
            }
            // A single word longer than the column (a path, a URL) is cut at the column's width, never left to overflow.
            var rest = word;
            while (line.Length == 0 && rest.Length > width)
            {
                yield return (first, rest[..width]);
                first = false;
                rest = rest[width..];
            }
            line = line.Length == 0 ? rest : line + " " + rest;
        }
        yield return (first, line);
    }
}
