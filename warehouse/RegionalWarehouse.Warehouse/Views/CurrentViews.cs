using System.Text.RegularExpressions;
using DbUp;
using DbUp.Engine;
using DbUp.Engine.Transactions;

namespace RegionalWarehouse.Warehouse.Views;

/// <summary>
/// The warehouse's views, table macros and functions: one file per object, named after it and holding its
/// current definition. A definition both engines read alike is one file, <c>Views/&lt;schema&gt;.&lt;name&gt;.sql</c>,
/// written <c>create view …</c>; one that needs each engine's dialect is a pair,
/// <c>Views/DuckDb/&lt;schema&gt;.&lt;name&gt;.sql</c> beside <c>Views/SqlServer/&lt;schema&gt;.&lt;name&gt;.sql</c>.
/// Migrations keep tables and data changes only; these are re-applied on every migrate, after the migrations,
/// so a reader sees a view's definition in one place and a change to it is an edit there.
/// </summary>
public static partial class CurrentViews
{
    /// <summary>Runs after every run-once migration (DbUp's default group is 100).</summary>
    public static readonly int RunGroupOrder = DbUpDefaults.DefaultRunGroupOrder + 1;

    /// <summary>How each engine replaces a definition in place: the only dialect a shared view file leaves open.</summary>
    private static readonly Dictionary<string, string> CreateOrReplace = new(StringComparer.Ordinal)
    {
        ["DuckDb"] = "create or replace",
        ["SqlServer"] = "CREATE OR ALTER",
    };

    /// <summary>The engine's views (shared files and its own), each after every object it references.</summary>
    public static IReadOnlyList<ViewScript> For(string engineFolder)
    {
        var own = EmbeddedSql.In($"Views.{engineFolder}.")
            .Select(v => new ViewScript(v.File, $"Views/{engineFolder}/{v.File}.sql", v.Sql));
        var shared = EmbeddedSql.In("Views.")
            .Where(v => !CreateOrReplace.Keys.Any(engine => v.File.StartsWith(engine + ".", StringComparison.Ordinal)))
            .Select(v => new ViewScript(v.File, $"Views/{v.File}.sql", SharedCreate().Replace(v.Sql, m => m.Groups[1].Value + CreateOrReplace[engineFolder], 1)));
        var scripts = own.Concat(shared).OrderBy(s => s.ScriptName, StringComparer.Ordinal).ToList();
        var twice = scripts.GroupBy(s => s.ObjectName, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new InvalidOperationException($"{twice.Key} is defined twice: {string.Join(" and ", twice.Select(s => s.ScriptName))}. Keep the shared file or the engine's own, not both.");
        return InDependencyOrder(scripts);
    }

    /// <summary>
    /// Orders by references found in the text (an object's name as a whole word), then by name, so the order is
    /// the same on every run and neither engine needs a hand-kept list.
    /// </summary>
    private static List<ViewScript> InDependencyOrder(List<ViewScript> scripts)
    {
        var byName = scripts.ToDictionary(s => s.ObjectName, StringComparer.OrdinalIgnoreCase);
        var dependsOn = scripts.ToDictionary(
            s => s.ObjectName,
            s =>
            {
                var referenced = QualifiedNames(s.Sql);
                return scripts.Where(other => other != s && referenced.Contains(other.ObjectName)).Select(o => o.ObjectName).ToList();
            },
            StringComparer.OrdinalIgnoreCase);

        var ordered = new List<ViewScript>(scripts.Count);
        var state = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase); // false: visiting, true: done
        foreach (var script in scripts)
            Visit(script.ObjectName, []);
        return ordered;

        void Visit(string name, List<string> path)
        {
            if (state.TryGetValue(name, out var done))
            {
                if (!done)
                    throw new InvalidOperationException($"Views reference each other in a cycle: {string.Join(" -> ", path.Append(name))}.");
                return;
            }
            state[name] = false;
            foreach (var dependency in dependsOn[name])
                Visit(dependency, [.. path, name]);
            state[name] = true;
            ordered.Add(byName[name]);
        }
    }

    /// <summary>Every schema-qualified name the definition uses outside its comments, read once per file.</summary>
    private static HashSet<string> QualifiedNames(string sql) =>
        QualifiedName().Matches(LineComment().Replace(sql, "")).Select(m => m.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex LineComment();

    /// <summary>A whole word "schema.name" (not part of a longer dotted or word sequence before it).</summary>
    [GeneratedRegex(@"(?<![\w.])\w+\.\w+(?!\w)")]
    private static partial Regex QualifiedName();

    /// <summary>The "create" that opens a shared file's definition (after its comment lines).</summary>
    [GeneratedRegex(@"^(\s*)create(?=\s+(view|macro|function)\b)", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex SharedCreate();
}

/// <summary>One view, table macro or function: its schema-qualified name, its DbUp script name and its definition.</summary>
public sealed record ViewScript(string ObjectName, string ScriptName, string Sql);

/// <summary>Hands DbUp the engine's views as always-run scripts in dependency order.</summary>
public sealed class CurrentViewsProvider(string engineFolder) : IScriptProvider
{
    public IEnumerable<SqlScript> GetScripts(IConnectionManager connectionManager) =>
        CurrentViews.For(engineFolder).Select(v => new SqlScript(v.ScriptName, v.Sql,
            new SqlScriptOptions { ScriptType = DbUp.Support.ScriptType.RunAlways, RunGroupOrder = CurrentViews.RunGroupOrder }));
}
