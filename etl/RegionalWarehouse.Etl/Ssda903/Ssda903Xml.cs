using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace RegionalWarehouse.Etl.Ssda903;

/// <summary>
/// The XML form of the 903 (root EXPSSDA903, one CHILD element per child, holding its HEADER items and
/// EPISODE, AREVIEW, AMISSING, OC2, PERMANENCE and AD_PLACED groups) turned into the ten tables in their CSV
/// shape, so one parser and one rule set read both forms. Read a child at a time, with DTDs and external
/// entities refused, so a hostile file cannot reach outside the submission or expand without bound.
/// Elements the 903 does not define become extra columns of their table, which the parser warns about.
/// </summary>
public static class Ssda903Xml
{
    public static bool IsXml(ReturnFile file) => file.Name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where a repeating group's rows go: the table, and the group element that holds one row.</summary>
    private static readonly (string Element, TableSchema Table)[] Groups =
    [
        ("EPISODE", Ssda903Schema.Episodes), ("AREVIEW", Ssda903Schema.Reviews), ("AMISSING", Ssda903Schema.Missing),
        ("OC2", Ssda903Schema.Oc2), ("PERMANENCE", Ssda903Schema.PrevPerm), ("AD_PLACED", Ssda903Schema.PlacedAdoption),
    ];

    private static readonly HashSet<string> GroupElements = [.. Groups.Select(g => g.Element)];

    /// <summary>The XML's names for two columns; every other element is named as its column.</summary>
    private static string Column(string element) => element switch { "CHILDID" => "CHILD", "PL" => "PLACE", _ => element };

    /// <summary>
    /// The tables found in <paramref name="xml"/>, each as an in-memory CSV named "file.xml [Table]" (rows are
    /// numbered within the table, header row 1). Throws <see cref="XmlException"/> for a file that is not well-formed.
    /// </summary>
    public static IReadOnlyList<ReturnFile> Tables(ReturnFile xml)
    {
        var rows = Ssda903Schema.Tables.ToDictionary(t => t, _ => new List<Dictionary<string, string>>());
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = InputLimits.MaxFileBytes,
            IgnoreComments = true,
            IgnoreWhitespace = true,
        };
        using (var stream = xml.Open())
        using (var reader = XmlReader.Create(stream, settings))
        {
            reader.MoveToContent();
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "CHILD")
                    AddChild((XElement)XNode.ReadFrom(reader), rows);
                else
                    reader.Read();
            }
        }
        return rows.Where(t => t.Value.Count > 0 || t.Key.Required)
            .Select(t => AsCsv($"{xml.Name} [{t.Key.Name}]", t.Key, t.Value))
            .ToList();
    }

    private static void AddChild(XElement child, Dictionary<TableSchema, List<Dictionary<string, string>>> rows)
    {
        // Items of the child itself: leaves that are not inside a repeating group.
        var items = child.Descendants()
            .Where(e => !e.HasElements && !e.Ancestors().Any(a => GroupElements.Contains(a.Name.LocalName)))
            .GroupBy(e => Column(e.Name.LocalName))
            .ToDictionary(g => g.Key, g => g.First().Value.Trim());

        rows[Ssda903Schema.Header].Add(items);
        if (Has(items, "DUC") || items.GetValueOrDefault("UASC") == "1")
            rows[Ssda903Schema.Uasc].Add(items);
        if (Has(items, "IN_TOUCH") || Has(items, "ACTIV") || Has(items, "ACCOM"))
            rows[Ssda903Schema.Oc3].Add(items);
        if (Has(items, "DATE_INT") || Has(items, "DATE_MATCH"))
            rows[Ssda903Schema.Ad1].Add(items);

        foreach (var (element, table) in Groups)
            foreach (var group in child.Descendants(element))
            {
                // A group's row carries the child's identifier, and its date of birth where the table has one.
                var row = table.Columns.Where(c => c is "CHILD" or "DOB").ToDictionary(c => c, c => items.GetValueOrDefault(c, ""));
                foreach (var leaf in group.Descendants().Where(e => !e.HasElements))
                    row[Column(leaf.Name.LocalName)] = leaf.Value.Trim();
                rows[table].Add(row);
            }
    }

    private static bool Has(Dictionary<string, string> items, string column) => items.TryGetValue(column, out var value) && value.Length > 0;

    /// <summary>
    /// A table's rows as CSV: its 903 columns, then any element it held that no 903 table defines (for the
    /// Header, the child's own items; for a group, the group's). UASC, OC3 and AD1 rows are views of the
    /// child's items, so their unknown items are reported once, with the Header.
    /// </summary>
    private static ReturnFile AsCsv(string name, TableSchema table, List<Dictionary<string, string>> rows)
    {
        var defined = Ssda903Schema.Tables.SelectMany(t => t.Columns.Concat(t.Optional)).ToHashSet();
        var reportsUnknown = table == Ssda903Schema.Header || IsGroupTable(table);
        var extra = reportsUnknown
            ? rows.SelectMany(r => r.Keys).Where(k => table == Ssda903Schema.Header ? !defined.Contains(k) : !table.Columns.Contains(k)).Distinct().Order(StringComparer.Ordinal).ToList()
            : [];
        var optional = table.Optional.Where(c => rows.Any(r => r.ContainsKey(c)));
        var columns = table.Columns.Concat(optional).Concat(extra).ToList();
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(",", columns));
        foreach (var row in rows)
            csv.AppendLine(string.Join(",", columns.Select(c => Quote(row.GetValueOrDefault(c, "")))));
        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        return new ReturnFile(name, () => new MemoryStream(bytes, writable: false));
    }

    private static bool IsGroupTable(TableSchema table) => Groups.Any(g => g.Table == table);

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
