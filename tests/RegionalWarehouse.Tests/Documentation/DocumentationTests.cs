using System.Text.RegularExpressions;

namespace RegionalWarehouse.Tests.Documentation;

/// <summary>The README is the front door and docs/ holds one page per reader; neither may point at nothing.</summary>
public partial class DocumentationTests
{
    private static readonly string Root = Azurite.RepositoryRoot();

    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        foreach (var page in MarkdownPages())
            data.Add(Path.GetRelativePath(Root, page));
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_relative_link_reaches_a_file_and_every_anchor_a_heading(string page)
    {
        var path = Path.Combine(Root, page);
        var broken = new List<string>();
        foreach (Match link in Link().Matches(File.ReadAllText(path)))
        {
            var target = link.Groups[1].Value;
            if (Regex.IsMatch(target, "^[a-z]+:", RegexOptions.IgnoreCase))
                continue; // http(s), mailto: not followed here
            var (file, anchor) = target.Split('#', 2) is [var f, var a] ? (f, a) : (target, null);
            var resolved = file.Length == 0 ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, Uri.UnescapeDataString(file)));
            if (!File.Exists(resolved) && !Directory.Exists(resolved))
                broken.Add($"{target}: no such file");
            else if (anchor is not null && resolved.EndsWith(".md", StringComparison.Ordinal) && !Anchors(resolved).Contains(anchor))
                broken.Add($"{target}: no heading with that anchor");
        }

        Assert.True(broken.Count == 0, $"{page}: " + string.Join("; ", broken));
    }

    [Fact]
    public void The_readme_is_a_front_door_of_at_most_250_lines()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "README.md"));

        Assert.InRange(lines.Length, 1, 250);
    }

    [Fact]
    public void Every_docs_page_is_reachable_from_the_readme_or_another_page()
    {
        var linked = MarkdownPages()
            .SelectMany(p => Link().Matches(File.ReadAllText(p)).Select(m => m.Groups[1].Value.Split('#')[0])
                .Where(t => t.EndsWith(".md", StringComparison.Ordinal))
                .Select(t => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(p)!, t))))
            .ToHashSet();

        Assert.All(Directory.GetFiles(Path.Combine(Root, "docs"), "*.md"), page => Assert.Contains(page, linked));
    }

    private static IEnumerable<string> MarkdownPages() =>
        new[] { Path.Combine(Root, "README.md") }.Concat(Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Order(StringComparer.Ordinal));

    /// <summary>GitHub's anchors: headings lower-cased, punctuation other than hyphens dropped, spaces as hyphens.</summary>
    private static HashSet<string> Anchors(string markdownFile) =>
        File.ReadLines(markdownFile).Where(l => l.StartsWith('#'))
            .Select(l => Punctuation().Replace(l.TrimStart('#').Trim().ToLowerInvariant(), "").Replace(' ', '-'))
            .ToHashSet();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"[^\w\- ]")]
    private static partial Regex Punctuation();
}
