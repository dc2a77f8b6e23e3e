using System.Text;

namespace RegionalWarehouse.Etl.Submissions;

/// <summary>
/// Values from a submission (a cell, a file name, a column heading) are the submitter's text: before they
/// go into a report or onto a terminal they are made inert for that output. Control characters (terminal
/// escape sequences among them) become visible codes everywhere; in Markdown, the syntax and HTML
/// characters are escaped and a leading = + - @ (which a spreadsheet would run as a formula) is quoted.
/// </summary>
public static class ReportText
{
    /// <summary>What makes Markdown structure (emphasis, code, links, table cells) or HTML inside a table cell.</summary>
    private const string MarkdownSyntax = "\\`*_[]<>|&~";

    public static string ForTerminal(string? text) => Visible(text ?? "");

    public static string ForMarkdown(string? text)
    {
        var line = (text ?? "").Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ');
        var escaped = new StringBuilder(line.Length + 8);
        if (line.Length > 0 && line[0] is '=' or '+' or '-' or '@')
            escaped.Append('\'');
        foreach (var c in line)
        {
            if (char.IsControl(c))
                escaped.Append($"\\u{(int)c:x4}");
            else if (MarkdownSyntax.Contains(c))
                escaped.Append('\\').Append(c);
            else
                escaped.Append(c);
        }
        return escaped.ToString();
    }

    /// <summary>Control characters (other than line breaks) shown as \u001b-style codes, so they can be read but not obeyed.</summary>
    private static string Visible(string text)
    {
        if (!text.Any(c => char.IsControl(c) && c is not '\n' and not '\r'))
            return text;
        var visible = new StringBuilder(text.Length + 16);
        foreach (var c in text)
            visible.Append(char.IsControl(c) && c is not '\n' and not '\r' ? $"\\u{(int)c:x4}" : c.ToString());
        return visible.ToString();
    }
}
