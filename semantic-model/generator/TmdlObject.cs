using System.Text;

namespace RegionalWarehouse.SemanticModel;

/// <summary>A TMDL property: `key: value`, a bare flag (`isHidden`), or an expression (`source =` with lines below).</summary>
public sealed record TmdlProperty(string Key, string? Value, IReadOnlyList<string>? Expression = null);

/// <summary>
/// One TMDL object (table, column, measure, partition, relationship, role, …) as written on disk: its
/// `///` description, keyword, name (as written, quoted if needed), default value after `=` (single line or
/// an expression block), properties, then child objects. The writer and reader share this shape, so a
/// read file written back is byte-for-byte the same.
/// </summary>
public sealed class TmdlObject(string keyword, string? name)
{
    public string Keyword { get; } = keyword;

    /// <summary>The name as written (quoted if needed).</summary>
    public string? Name { get; } = name;

    public string UnquotedName => Tmdl.Unquote(Name ?? "");

    public List<string> Description { get; } = [];

    public string? DefaultValue { get; set; }

    public List<string>? DefaultExpression { get; set; }

    public List<TmdlProperty> Properties { get; } = [];

    public List<TmdlObject> Children { get; } = [];

    public string? Property(string key) => Properties.FirstOrDefault(p => p.Key == key)?.Value;

    public bool Flag(string key) => Properties.Any(p => p.Key == key && p.Value is null && p.Expression is null);

    public IEnumerable<TmdlObject> ChildrenOf(string keyword) => Children.Where(c => c.Keyword == keyword);

    /// <summary>The DAX or M of the default value, whether on one line or a block.</summary>
    public string? DefaultText => DefaultExpression is null ? DefaultValue : string.Join("\n", DefaultExpression);

    public TmdlObject With(string key, string? value = null)
    {
        Properties.Add(new TmdlProperty(key, value));
        return this;
    }

    public TmdlObject WithExpression(string key, IEnumerable<string> lines)
    {
        Properties.Add(new TmdlProperty(key, null, lines.ToList()));
        return this;
    }

    public void Write(StringBuilder text, int depth)
    {
        var indent = new string('\t', depth);
        foreach (var line in Description)
            text.Append(indent).Append("/// ").Append(line).Append('\n');
        text.Append(indent).Append(Keyword);
        if (Name is not null)
            text.Append(' ').Append(Name);
        if (DefaultExpression is not null)
        {
            text.Append(" =\n");
            foreach (var line in DefaultExpression)
                text.Append(indent).Append("\t\t").Append(line).Append('\n');
        }
        else
        {
            if (DefaultValue is not null)
                text.Append(" = ").Append(DefaultValue);
            text.Append('\n');
        }
        foreach (var property in Properties)
        {
            text.Append(indent).Append('\t').Append(property.Key);
            if (property.Expression is not null)
            {
                text.Append(" =\n");
                foreach (var line in property.Expression)
                    text.Append(indent).Append("\t\t\t").Append(line).Append('\n');
            }
            else
            {
                if (property.Value is not null)
                    text.Append(": ").Append(property.Value);
                text.Append('\n');
            }
        }
        foreach (var child in Children)
        {
            text.Append('\n');
            child.Write(text, depth + 1);
        }
    }
}

/// <summary>TMDL naming and file text: tabs for depth, one blank line before each object, a newline at the end.</summary>
public static class Tmdl
{
    /// <summary>Object types the writer emits; any other word at the start of a line is a property.</summary>
    public static readonly IReadOnlySet<string> ObjectKeywords = new HashSet<string>
    {
        "database", "model", "table", "column", "measure", "partition", "relationship", "role", "tablePermission", "expression", "annotation", "ref", "dataAccessOptions",
    };

    public static string Quote(string name) =>
        System.Text.RegularExpressions.Regex.IsMatch(name, "^[A-Za-z_][A-Za-z0-9_]*$") ? name : $"'{name.Replace("'", "''")}'";

    public static string Unquote(string name) =>
        name.Length >= 2 && name[0] == '\'' && name[^1] == '\'' ? name[1..^1].Replace("''", "'") : name;

    public static string Serialize(IEnumerable<TmdlObject> objects)
    {
        var text = new StringBuilder();
        var first = true;
        foreach (var o in objects)
        {
            if (!first)
                text.Append('\n');
            o.Write(text, 0);
            first = false;
        }
        return text.ToString();
    }

    /// <summary>A stable UUID (version 5 style) from an object's path, so regenerating the model changes no lineage tag.</summary>
    public static string LineageTag(string path)
    {
        var hash = System.Security.Cryptography.SHA1.HashData(Encoding.UTF8.GetBytes("regional-warehouse/" + path));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(hash.AsSpan(0, 16));
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}";
    }
}
