namespace RegionalWarehouse.Warehouse;

/// <summary>Reads the SQL files compiled into this assembly (migrations and views) by folder.</summary>
internal static class EmbeddedSql
{
    /// <summary>The prefix every embedded resource name carries: the assembly's name and a dot.</summary>
    public static readonly string Root = $"{typeof(EmbeddedSql).Assembly.GetName().Name}.";

    /// <summary>
    /// Each <c>.sql</c> file whose resource name starts with <paramref name="folder"/> (dotted, e.g.
    /// <c>Views.DuckDb.</c>), as the rest of its name without <c>.sql</c> and its text, in name order.
    /// </summary>
    public static IEnumerable<(string File, string Sql)> In(string folder)
    {
        var assembly = typeof(EmbeddedSql).Assembly;
        var prefix = Root + folder;
        foreach (var name in assembly.GetManifestResourceNames()
                     .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            yield return (name[prefix.Length..^".sql".Length], reader.ReadToEnd());
        }
    }
}
