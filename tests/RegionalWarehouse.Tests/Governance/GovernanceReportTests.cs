using RegionalWarehouse.Etl.Governance;

namespace RegionalWarehouse.Tests.Governance;

/// <summary>The DPO's report says, from the warehouse as it is, what is shared by whom and why, and what happens to it.</summary>
public sealed class GovernanceReportTests : IDisposable
{
    private readonly PipelineHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void The_report_lists_each_las_agreements_field_treatments_access_and_last_loads()
    {
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        Assert.Equal(SubmissionStates.Loaded, _harness.Ingest903(fixture.Folder).Outcome);
        var access = new AccessOptions { LaAnalysts = { ["analyst@hertfordshire.gov.uk"] = "919" } };

        var markdown = GovernanceReport.Markdown(_harness.Warehouse.Engine, access, new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc));

        Assert.Contains("| Hertfordshire (919) | SSDA903 | Child-level 903 for regional analysis (EOE-CLA-2024) |", markdown);
        Assert.Contains("| Thurrock (883) | SSDA903 |", markdown);
        Assert.Contains("HOME_POST PL_POST", markdown);
        Assert.Contains("| analyst@hertfordshire.gov.uk | 919 |", markdown);
        Assert.Contains("| CHILD (the LA's child identifier) | Keyed HMAC-SHA256", markdown);
        Assert.Contains("| 919 | SSDA903 | 2024 | loaded |", markdown);
        Assert.Contains("| agreement added | 919 | SSDA903 | rw migrate (reference data) |", markdown);
        Assert.DoesNotContain("C1", markdown);
    }

    [Fact]
    public void The_report_in_docs_is_the_current_generators_with_every_section_and_paragraph()
    {
        var docs = File.ReadAllLines(Path.Combine(Azurite.RepositoryRoot(), "docs", "governance-report.md"));
        var generated = GovernanceReport.Markdown(_harness.Warehouse.Engine, new AccessOptions(), DateTime.UtcNow).Split('\n').Select(l => l.TrimEnd('\r'));

        // Headings and prose (not table rows, the date or the warehouse's path, which depend on where it was generated).
        static IEnumerable<string> Prose(IEnumerable<string> lines) => lines.Where(l => l.Length > 0 && !l.StartsWith('|')
            && !l.StartsWith("Generated ", StringComparison.Ordinal) && !l.StartsWith("- Warehouse: ", StringComparison.Ordinal));
        Assert.Equal(Prose(generated), Prose(docs));
    }

    [Fact]
    public void The_html_form_is_a_page_with_the_tables_and_escapes_markup_in_the_content()
    {
        var html = GovernanceReport.Html("# Report\n\n| a | b |\n|---|---|\n| <script>x</script> | 2 |\n");

        Assert.StartsWith("<!doctype html>", html);
        Assert.Contains("<table>", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
    }
}
