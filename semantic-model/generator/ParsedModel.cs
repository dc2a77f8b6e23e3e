namespace RegionalWarehouse.SemanticModel;

/// <summary>A semantic-model folder read back from its TMDL files: what the checks and rules inspect.</summary>
public sealed class ParsedModel
{
    public ParsedModel(IReadOnlyDictionary<string, string> files)
    {
        foreach (var (path, text) in files.Where(f => f.Key.EndsWith(".tmdl", StringComparison.Ordinal)))
            Files[path] = TmdlReader.Parse(text, path);
        var all = Files.Values.SelectMany(o => o).ToList();
        Tables = all.Where(o => o.Keyword == "table").ToList();
        Relationships = all.Where(o => o.Keyword == "relationship").ToList();
        Roles = all.Where(o => o.Keyword == "role").ToList();
        ModelAnnotations = Files.Where(f => f.Key.EndsWith("/model.tmdl", StringComparison.Ordinal)).SelectMany(f => f.Value).Where(o => o.Keyword == "annotation").ToList();
        TableRefs = Files.Where(f => f.Key.EndsWith("/model.tmdl", StringComparison.Ordinal)).SelectMany(f => f.Value)
            .Where(o => o.Keyword == "ref" && o.Name!.StartsWith("table ", StringComparison.Ordinal)).Select(o => Tmdl.Unquote(o.Name!["table ".Length..])).ToList();
    }

    public SortedDictionary<string, List<TmdlObject>> Files { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<TmdlObject> Tables { get; }

    public IReadOnlyList<TmdlObject> Relationships { get; }

    public IReadOnlyList<TmdlObject> Roles { get; }

    public IReadOnlyList<TmdlObject> ModelAnnotations { get; }

    public IReadOnlyList<string> TableRefs { get; }

    public TmdlObject? Table(string name) => Tables.FirstOrDefault(t => t.UnquotedName == name);

    public TmdlObject? Column(string table, string column) => Table(table)?.ChildrenOf("column").FirstOrDefault(c => c.UnquotedName == column);

    public IEnumerable<(TmdlObject Table, TmdlObject Column)> Columns => Tables.SelectMany(t => t.ChildrenOf("column").Select(c => (t, c)));

    public IEnumerable<(TmdlObject Table, TmdlObject Measure)> Measures => Tables.SelectMany(t => t.ChildrenOf("measure").Select(m => (t, m)));

    /// <summary>'Table'.'Column' (as relationships write it) → (Table, Column).</summary>
    public static (string Table, string Column) Endpoint(string reference)
    {
        var quoted = reference.StartsWith('\'');
        var split = quoted ? reference.IndexOf("'.", 1, StringComparison.Ordinal) + 1 : reference.IndexOf('.');
        return (Tmdl.Unquote(reference[..split]), Tmdl.Unquote(reference[(split + 1)..]));
    }

    public IEnumerable<(TmdlObject Relationship, string FromTable, string FromColumn, string ToTable, string ToColumn)> Joins =>
        Relationships.Select(r =>
        {
            var (ft, fc) = Endpoint(r.Property("fromColumn") ?? "");
            var (tt, tc) = Endpoint(r.Property("toColumn") ?? "");
            return (r, ft, fc, tt, tc);
        });

    public bool IsIgnored(TmdlObject o, string ruleId) =>
        o.ChildrenOf("annotation").Any(a => a.UnquotedName == "BestPracticeAnalyzer_IgnoreRules" && (a.DefaultValue ?? "").Contains($"\"{ruleId}\"", StringComparison.Ordinal));
}
