using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RegionalWarehouse.Tests.Support;

/// <summary>
/// A copy of a hand-written fixture return in a temporary folder, with small readable edits:
/// "set row 4 of episodes.csv, column DEC, to 10/06/2023". Rows are numbered as Excel shows them.
/// </summary>
public sealed partial class ReturnFixture : IDisposable
{
    private ReturnFixture(string folder) => Folder = folder;

    public string Folder { get; }

    /// <summary>Copies Fixtures/{name} from a capability's test folder (Ssda903, SupportingFamilies, Context).</summary>
    public static ReturnFixture Copy(string name, string capability = "Ssda903")
    {
        var source = Path.Combine(AppContext.BaseDirectory, capability, "Fixtures", name);
        var folder = Directory.CreateTempSubdirectory("rw-fixture-").FullName;
        foreach (var file in Directory.GetFiles(source))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        return new ReturnFixture(folder);
    }

    public ReturnFixture Set(string file, int row, string column, string value) => Edit(file, lines =>
    {
        var header = lines[0].Split(',');
        var cells = lines[row - 1].Split(',');
        cells[Array.IndexOf(header, column)] = value;
        lines[row - 1] = string.Join(",", cells);
    });

    public ReturnFixture RemoveRow(string file, int row) => Edit(file, lines => lines.RemoveAt(row - 1));

    public ReturnFixture Append(string file, string line) => Edit(file, lines => lines.Add(line));

    public ReturnFixture DropColumn(string file, string column) => Edit(file, lines =>
    {
        var index = Array.IndexOf(lines[0].Split(','), column);
        for (var i = 0; i < lines.Count; i++)
            lines[i] = string.Join(",", lines[i].Split(',').Where((_, c) => c != index));
    });

    public ReturnFixture AddColumn(string file, string column, string value) => Edit(file, lines =>
    {
        for (var i = 0; i < lines.Count; i++)
            lines[i] += "," + (i == 0 ? column : value);
    });

    /// <summary>Renames a child in every file (CHILD is each table's first column).</summary>
    public ReturnFixture RenameChild(string from, string to)
    {
        foreach (var file in Directory.GetFiles(Folder, "*.csv"))
            Edit(Path.GetFileName(file), lines =>
            {
                for (var i = 1; i < lines.Count; i++)
                    if (lines[i].StartsWith(from + ",", StringComparison.Ordinal))
                        lines[i] = to + lines[i][from.Length..];
            });
        return this;
    }

    /// <summary>
    /// Moves the whole return by whole years (every dd/MM/yyyy date, birthdays included, so ages stay the same) and
    /// gives each child a new id (prefix + old id): the same return, a different year's children.
    /// </summary>
    public ReturnFixture ShiftYears(int years, string childPrefix)
    {
        foreach (var file in Directory.GetFiles(Folder, "*.csv"))
            Edit(Path.GetFileName(file), lines =>
            {
                for (var i = 1; i < lines.Count; i++)
                    lines[i] = childPrefix + UkDate().Replace(lines[i], m =>
                        DateOnly.ParseExact(m.Value, "dd/MM/yyyy", CultureInfo.InvariantCulture).AddYears(years).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
            });
        return this;
    }

    public ReturnFixture Write(string file, string content)
    {
        File.WriteAllText(Path.Combine(Folder, file), content);
        return this;
    }

    public ReturnFixture Remove(string file)
    {
        File.Delete(Path.Combine(Folder, file));
        return this;
    }

    public string Read(string file) => File.ReadAllText(Path.Combine(Folder, file));

    public void WriteBytes(string file, byte[] bytes) => File.WriteAllBytes(Path.Combine(Folder, file), bytes);

    private ReturnFixture Edit(string file, Action<List<string>> edit)
    {
        var path = Path.Combine(Folder, file);
        var lines = File.ReadAllLines(path).ToList();
        edit(lines);
        File.WriteAllText(path, string.Join("\n", lines) + "\n", new UTF8Encoding(false));
        return this;
    }

    [GeneratedRegex(@"\b\d{2}/\d{2}/\d{4}\b")]
    private static partial Regex UkDate();

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
    }
}
