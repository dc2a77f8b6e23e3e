using System.Text.RegularExpressions;

namespace RegionalWarehouse.SemanticModel;

/// <summary>
/// The model's data source parameters as `rw model deploy` uploads them: the checked-in definition carries a
/// placeholder server, and each deployment writes the real server and database into expressions.tmdl, so a deploy
/// never resets the service's parameters to the placeholder (and the next refresh never fails on it).
/// </summary>
public static partial class ModelParameters
{
    public const string Server = "SqlServer";
    public const string Database = "SqlDatabase";
    public const string ServerPlaceholder = "your-server.database.windows.net";
    public const string ExpressionsPart = "definition/expressions.tmdl";

    /// <summary>The definition parts with the SQL parameters set; parts without them (a Parquet model) pass unchanged.</summary>
    public static Dictionary<string, string> Apply(IReadOnlyDictionary<string, string> parts, string server, string database)
    {
        var result = new Dictionary<string, string>(parts);
        if (result.TryGetValue(ExpressionsPart, out var expressions))
            result[ExpressionsPart] = Set(Set(expressions, Server, server), Database, database);
        return result;
    }

    /// <summary>The value a parameter has in expressions.tmdl, or null when the model has no such parameter.</summary>
    public static string? ValueOf(string expressions, string parameter) =>
        ParameterLine().Matches(expressions).FirstOrDefault(m => m.Groups["name"].Value == parameter)?.Groups["value"].Value.Replace("\"\"", "\"");

    private static string Set(string expressions, string parameter, string value) =>
        ParameterLine().Replace(expressions, m => m.Groups["name"].Value == parameter
            ? $"{m.Groups["head"].Value}\"{value.Replace("\"", "\"\"")}\"{m.Groups["tail"].Value}"
            : m.Value);

    [GeneratedRegex("""(?<head>^expression (?<name>\w+) = )"(?<value>(?:[^"]|"")*)"(?<tail> meta \[)""", RegexOptions.Multiline)]
    private static partial Regex ParameterLine();
}
