namespace RegionalWarehouse.SemanticModel;

/// <summary>
/// Reads the TMDL subset this platform writes (tabs, `///` descriptions, `key: value` properties, flags,
/// `=` defaults on one line or as an indented expression block, nested objects). Anything else is an
/// error naming the file and line, so a hand edit that breaks the format is caught in the tests.
/// </summary>
public static class TmdlReader
{
    public sealed class TmdlFormatException(string message) : Exception(message);

    public static List<TmdlObject> Parse(string text, string file = "(tmdl)")
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var roots = new List<TmdlObject>();
        var stack = new List<(int Depth, TmdlObject Object)>();
        var description = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0)
                continue;
            var depth = line.TakeWhile(c => c == '\t').Count();
            var content = line[depth..];
            if (content.StartsWith(' '))
                throw new TmdlFormatException($"{file} line {i + 1}: indent with tabs, not spaces.");
            if (content.StartsWith("///", StringComparison.Ordinal))
            {
                description.Add(content[3..].TrimStart());
                continue;
            }
            while (stack.Count > 0 && stack[^1].Depth >= depth)
                stack.RemoveAt(stack.Count - 1);
            (int Depth, TmdlObject Object)? parent = stack.Count > 0 ? stack[^1] : null;
            if (parent is not null && depth != parent.Value.Depth + 1)
                throw new TmdlFormatException($"{file} line {i + 1}: expected {parent.Value.Depth + 1} tab(s) of indentation.");
            if (parent is null && depth != 0)
                throw new TmdlFormatException($"{file} line {i + 1}: a top-level object starts in column 0.");

            var (head, value, opensBlock) = Split(content);
            var keyword = head.Split(' ', 2)[0];
            var isObject = Tmdl.ObjectKeywords.Contains(keyword) && !(keyword == "expression" && parent is not null);
            List<string>? block = null;
            if (opensBlock)
                block = ReadBlock(lines, ref i, depth + 2, file);

            if (isObject)
            {
                var name = head.Length > keyword.Length ? head[(keyword.Length + 1)..] : null;
                var o = new TmdlObject(keyword, name) { DefaultValue = value, DefaultExpression = block };
                o.Description.AddRange(description);
                description.Clear();
                if (parent is null)
                    roots.Add(o);
                else
                    parent.Value.Object.Children.Add(o);
                stack.Add((depth, o));
            }
            else
            {
                if (parent is null)
                    throw new TmdlFormatException($"{file} line {i + 1}: '{keyword}' is a property, but it is not inside an object.");
                if (description.Count > 0)
                    throw new TmdlFormatException($"{file} line {i + 1}: a /// description must come right before an object.");
                var colon = content.IndexOf(": ", StringComparison.Ordinal);
                parent.Value.Object.Properties.Add(opensBlock
                    ? new TmdlProperty(head, null, block)
                    : colon > 0 && value is null ? new TmdlProperty(content[..colon], content[(colon + 2)..]) : new TmdlProperty(content, null));
            }
        }
        return roots;
    }

    /// <summary>"measure X = 1" → ("measure X", "1", false); "source =" → ("source", null, true).</summary>
    private static (string Head, string? Value, bool OpensBlock) Split(string content)
    {
        if (content.EndsWith(" =", StringComparison.Ordinal))
            return (content[..^2], null, true);
        var colon = content.IndexOf(": ", StringComparison.Ordinal);
        var equals = content.IndexOf(" = ", StringComparison.Ordinal);
        if (equals > 0 && (colon < 0 || equals < colon))
            return (content[..equals], content[(equals + 3)..], false);
        return (content, null, false);
    }

    private static List<string> ReadBlock(string[] lines, ref int i, int depth, string file)
    {
        var block = new List<string>();
        while (i + 1 < lines.Length && lines[i + 1].Length > 0 && lines[i + 1].TakeWhile(c => c == '\t').Count() >= depth)
            block.Add(lines[++i][depth..]);
        if (block.Count == 0)
            throw new TmdlFormatException($"{file} line {i + 1}: an expression after '=' needs its lines indented {depth} tabs.");
        return block;
    }
}
