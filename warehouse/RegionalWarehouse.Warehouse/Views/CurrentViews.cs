using System.Text.RegularExpressions;
using DbUp;
using DbUp.Engine;
using DbUp.Engine.Transactions;

namespace RegionalWarehouse.Warehouse.Views;

/// <summary>
/// The warehouse's views, table macros and functions: one file per object under <c>Views/&lt;engine&gt;/</c>,
/// named after the object and holding its current definition. Migrations keep tables and data changes only;
/// these are re-applied on every migrate, after the migrations, so a reader sees a view's definition in one
/// file and a change to it is an edit to that file.
/// </summary>
public static partial class CurrentViews
{
    /// <summary>Runs after every run-once migration (DbUp's default group is 100).</summary>
    public static readonly int RunGroupOrder = DbUpDefaults.DefaultRunGroupOrder + 1;

    /// <summary>The engine's view files, each after every object it references.</summary>
    public static IReadOnlyList<ViewScript> For(string engineFolder)
    {
        var assembly = typeof(CurrentViews).Assembly;
        var prefix = $"{assembly.GetName().Name}.Views.{engineFolder}.";
        var scripts = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                var objectName = n[prefix.Length..^".sql".Length];
                return new ViewScript(objectName, $"Views/{engineFolder}/{objectName}.sql", reader.ReadToEnd());
            })
            .ToList();
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
            s => scripts.Where(other => other != s && References(WithoutComments(s.Sql), other.ObjectName)).Select(o => o.ObjectName).ToList(),
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

    private static bool References(string sql, string objectName) =>
        Regex.IsMatch(sql, $@"(?<![\w.]){Regex.Escape(objectName)}(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static string WithoutComments(string sql) => LineComment().Replace(sql, "");

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex LineComment();
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
