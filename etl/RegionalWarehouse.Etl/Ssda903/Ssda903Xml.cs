using System.Text;
using System.Xml;

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


    /// <summary>The XML's names for two columns; every other element is named as its column.</summary>
    private static string Column(string element) => element switch { "CHILDID" => "CHILD", "PL" => "PLACE", _ => element };

    /// <summary>How deep a 903 XML nests: EXPSSDA903, CHILD, a group or a wrapper, an item (with room for a supplier's extra wrappers).</summary>
    public const int MaxDepth = 8;

    /// <summary>
    /// The tables found in <paramref name="xml"/>, each as an in-memory CSV named "file.xml [Table]" (rows are
    /// numbered within the table, header row 1). Throws <see cref="XmlException"/> for a file that is not
    /// well-formed, and <see cref="InputLimitException"/> for one deeper, wider, longer or larger than
    /// <see cref="InputLimits"/> allow: one pass over the file, a child at a time, in memory bounded by those limits
    /// whatever the file holds.
    /// </summary>
    public static IReadOnlyList<ReturnFile> Tables(ReturnFile xml)
    {
        var tables = Ssda903Schema.Tables.ToDictionary(t => t, t => new XmlTable(t));
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = InputLimits.MaxFileBytes,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            IgnoreProcessingInstructions = true,
        };
        using (var stream = xml.Open())
        using (var reader = XmlReader.Create(stream, settings))
        {
            var lines = (IXmlLineInfo)reader;
            // Found by fuzzing: on some damaged declarations (<?xml version="1.0\u0084…) .NET's reader throws an
            // ArgumentException, not an XmlException; either way the file is not well-formed XML.
            bool Read(Func<bool> step)
            {
                try
                {
                    return step();
                }
                catch (ArgumentException ex)
                {
                    throw new XmlException("The XML reader could not read the file.", ex, lines.LineNumber, lines.LinePosition);
                }
            }
            Read(() => reader.MoveToContent() != XmlNodeType.None);
            var output = new OutputBudget(xml.Name, stream.CanSeek ? stream.Length : InputLimits.MaxFileBytes);
            ChildReader? child = null;
            var childDepth = -1;
            Func<bool> next = reader.Read;
            while (Read(next))
            {
                var depth = reader.Depth;
                if (depth > MaxDepth)
                    throw new InputLimitException($"{xml.Name}: elements are nested more than {MaxDepth} deep at line {lines.LineNumber}; a 903 XML nests CHILD, then a group such as EPISODE, then its items. Export the 903 XML again.");
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element when child is null && reader.LocalName == "CHILD":
                        (child, childDepth) = (new ChildReader(), depth);
                        if (reader.IsEmptyElement)
                        {
                            child.AddTo(tables, output);
                            child = null;
                        }
                        break;
                    case XmlNodeType.Element when child is not null:
                        child.Start(reader.LocalName, depth, reader.IsEmptyElement);
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace when child is not null:
                        child.Text(reader.Value, xml.Name, lines.LineNumber);
                        break;
                    case XmlNodeType.EndElement when child is not null && depth == childDepth:
                        child.AddTo(tables, output);
                        child = null;
                        break;
                    case XmlNodeType.EndElement when child is not null:
                        child.End(depth);
                        break;
                }
            }
        }
        return tables.Values.Where(t => t.Rows.Count > 0 || t.Schema.Required)
            .Select(t => t.AsCsv($"{xml.Name} [{t.Schema.Name}]"))
            .ToList();
    }

    /// <summary>
    /// One CHILD element as it streams past: the child's own items (leaves outside any group, the first of each
    /// name kept) and a row per group. Items arrive in any order, so the group rows take the child's identifier and
    /// date of birth when the child ends.
    /// </summary>
    private sealed class ChildReader
    {
        private readonly Dictionary<string, string> _items = [];
        private readonly List<(TableSchema Table, Dictionary<string, string> Row)> _groups = [];
        private (TableSchema Table, Dictionary<string, string> Row, int Depth)? _group;
        private (string Column, int Depth, StringBuilder Value)? _leaf;

        public void Start(string element, int depth, bool empty)
        {
            // An element inside the one being read makes that one a container, not an item.
            _leaf = null;
            if (_group is null && Groups.FirstOrDefault(g => g.Element == element) is { Table: { } table })
            {
                _group = (table, [], depth);
                if (empty)
                    EndGroup();
                return;
            }
            if (empty)
                Keep(Column(element), "");
            else
                _leaf = (Column(element), depth, new StringBuilder());
        }

        public void Text(string text, string file, int line)
        {
            if (_leaf is not { } leaf)
                return;
            if (leaf.Value.Length + text.Length > InputLimits.MaxCellLength)
                throw new InputLimitException($"{file}: the item {leaf.Column} at line {line} holds more than {InputLimits.MaxCellLength:N0} characters; no 903 item is that long. Check the export.");
            leaf.Value.Append(text);
        }

        public void End(int depth)
        {
            if (_leaf is { } leaf && leaf.Depth == depth)
            {
                Keep(leaf.Column, leaf.Value.ToString().Trim());
                _leaf = null;
            }
            else if (_group is { } group && group.Depth == depth)
            {
                EndGroup();
            }
        }

        private void Keep(string column, string value)
        {
            var target = _group?.Row ?? _items;
            if (_group is not null || !target.ContainsKey(column))
                target[column] = value;
        }

        private void EndGroup()
        {
            // One child's groups are held until the child ends: as bounded as any table's rows.
            if (_groups.Count >= InputLimits.MaxRows)
                throw new InputLimitException($"One CHILD holds more than {InputLimits.MaxRows:N0} groups (EPISODE, AREVIEW, …); a child has a few dozen at most. Check the export.");
            _groups.Add((_group!.Value.Table, _group.Value.Row));
            _group = null;
        }

        public void AddTo(Dictionary<TableSchema, XmlTable> tables, OutputBudget output)
        {
            tables[Ssda903Schema.Header].Add(_items, output);
            if (Has("DUC") || _items.GetValueOrDefault("UASC") == "1")
                tables[Ssda903Schema.Uasc].Add(_items, output);
            if (Has("IN_TOUCH") || Has("ACTIV") || Has("ACCOM"))
                tables[Ssda903Schema.Oc3].Add(_items, output);
            if (Has("DATE_INT") || Has("DATE_MATCH"))
                tables[Ssda903Schema.Ad1].Add(_items, output);
            foreach (var (table, row) in _groups)
            {
                // A group's row carries the child's identifier, and its date of birth where the table has one.
                foreach (var column in table.Columns.Where(c => c is "CHILD" or "DOB"))
                    row.TryAdd(column, _items.GetValueOrDefault(column, ""));
                tables[table].Add(row, output);
            }
        }

        private bool Has(string column) => _items.TryGetValue(column, out var value) && value.Length > 0;
    }

    /// <summary>
    /// The CSV the tables become stays within a few times the XML's own size (and the file size limit), however often
    /// the XML repeats a long item: a real return's CSV is smaller than its XML, whose tags outweigh the identifier and
    /// date of birth each group's row repeats.
    /// </summary>
    private sealed class OutputBudget(string file, long xmlBytes)
    {
        private readonly long _limit = Math.Min(InputLimits.MaxFileBytes, 4 * xmlBytes + 1024 * 1024);
        private long _bytes;

        public void Spend(Dictionary<string, string> row)
        {
            _bytes += row.Count + row.Values.Sum(v => (long)v.Length);
            if (_bytes > _limit)
                throw new InputLimitException($"{file}: its tables would come to more than {_limit / (1024 * 1024.0):N0} MB, several times the XML itself; a real 903's tables are smaller than its XML. Check the export (an item repeated in every group?), or send the tables as CSV files.");
        }
    }

    /// <summary>One table's rows as read: its columns in the order first seen (bounded) and each row's values by column.</summary>
    private sealed class XmlTable(TableSchema schema)
    {
        private static readonly HashSet<string> Defined = Ssda903Schema.Tables.SelectMany(t => t.Columns.Concat(t.Optional)).ToHashSet();

        private readonly List<string> _columns = [];
        private readonly Dictionary<string, int> _index = [];

        public TableSchema Schema { get; } = schema;

        public List<string?[]> Rows { get; } = [];

        public void Add(Dictionary<string, string> row, OutputBudget output)
        {
            if (Rows.Count >= InputLimits.MaxRows)
                throw new InputLimitException($"The {Schema.Name} table has more than {InputLimits.MaxRows:N0} rows; the largest LA's 903 has a few thousand. Check the export.");
            output.Spend(row);
            var values = new string?[Math.Max(_columns.Count, row.Count)];
            foreach (var (column, value) in row)
            {
                if (!_index.TryGetValue(column, out var at))
                {
                    if (_columns.Count >= InputLimits.MaxColumns)
                        throw new InputLimitException($"The {Schema.Name} table has more than {InputLimits.MaxColumns} different items; the 903 defines a few dozen. Check the export.");
                    at = _index[column] = _columns.Count;
                    _columns.Add(column);
                }
                if (at >= values.Length)
                    Array.Resize(ref values, _columns.Count);
                values[at] = value;
            }
            Rows.Add(values);
        }

        /// <summary>
        /// The rows as CSV: the table's 903 columns, then any element it held that no 903 table defines (for the
        /// Header, the child's own items; for a group, the group's). UASC, OC3 and AD1 rows are views of the
        /// child's items, so their unknown items are reported once, with the Header.
        /// </summary>
        public ReturnFile AsCsv(string name)
        {
            var reportsUnknown = Schema == Ssda903Schema.Header || IsGroupTable(Schema);
            var extra = reportsUnknown
                ? _columns.Where(k => Schema == Ssda903Schema.Header ? !Defined.Contains(k) : !Schema.Columns.Contains(k)).Order(StringComparer.Ordinal).ToList()
                : [];
            var optional = Schema.Optional.Where(_index.ContainsKey);
            var columns = Schema.Columns.Concat(optional).Concat(extra).ToList();
            var positions = columns.Select(c => _index.TryGetValue(c, out var at) ? at : -1).ToArray();
            var csv = new StringBuilder();
            csv.AppendLine(string.Join(",", columns));
            foreach (var row in Rows)
                csv.AppendLine(string.Join(",", positions.Select(at => at >= 0 && at < row.Length ? Quote(row[at] ?? "") : "")));
            var bytes = Encoding.UTF8.GetBytes(csv.ToString());
            return new ReturnFile(name, () => new MemoryStream(bytes, writable: false));
        }
    }

    private static bool IsGroupTable(TableSchema table) => Groups.Any(g => g.Table == table);

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
