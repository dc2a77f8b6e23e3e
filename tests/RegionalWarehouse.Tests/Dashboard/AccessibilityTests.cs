using System.Text.Json;
using PuppeteerSharp;

namespace RegionalWarehouse.Tests.Dashboard;

/// <summary>
/// axe-core (from npm, tests/browser) run inside headless Chromium over every view and the accessibility
/// statement, at desktop and phone sizes: no violation of the WCAG 2.0/2.1 A and AA rules is allowed.
/// </summary>
[Collection(DemoDashboardCollection.Name)]
public sealed class AccessibilityTests(DemoDashboard demo)
{
    public static readonly TheoryData<string> Pages = new()
    {
        "/?view=overview&la=919&year=2024&metric=cla_rate_per_10k",
        "/?view=trends&la=919&year=2024&metric=cla_rate_per_10k",
        "/?view=map&year=2024&metric=stability_short_term_pct&scope=members",
        "/?view=map&year=2024&metric=cla_rate_per_10k&scope=england",
        "/?view=correlation&year=2024&metric=cla_rate_per_10k&indicator=imd_average_score&scope=england",
        "/?view=compare&year=2024&las=919,881,873&metrics=cla_rate_per_10k,sf_claim_rate_pct",
        "/?view=warnings&la=919&year=2024&metric=cla_rate_per_10k&against=East%20of%20England",
        "/?view=forecast&area=region&entry=1.1&stepdown=0.2",
        "/accessibility",
    };

    private static readonly Lazy<string> AxeSource = new(() =>
    {
        var path = Path.Combine(Azurite.RepositoryRoot(), "tests", "browser", "node_modules", "axe-core", "axe.min.js");
        Assert.True(File.Exists(path), $"axe-core is not installed at {path}: run `npm ci --prefix tests/browser` (ops/test.sh does this).");
        return File.ReadAllText(path);
    });

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_view_has_no_wcag_2_1_aa_violations_at_desktop_size(string page) => await NoViolations(page, 1366, 768);

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_view_has_no_wcag_2_1_aa_violations_at_phone_size(string page) => await NoViolations(page, 390, 844);

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task An_las_own_page_with_a_report_open_has_no_wcag_2_1_aa_violations(int width, int height)
    {
        await using var page = await demo.Open("/my", width, height, signedInAs: DemoDashboard.Analyst);
        Assert.Contains("for 919", await page.EvaluateExpressionAsync<string>("document.getElementById('who').textContent"));
        await page.ClickAsync("#submissions button");
        await page.WaitForFunctionAsync("() => !document.getElementById('findings-section').hidden", DemoDashboard.Polling);

        var violations = await Violations(page);
        Assert.True(violations.Count == 0, $"axe found at {width}x{height} on /my:\n{string.Join("\n", violations)}");
    }

    private async Task NoViolations(string address, int width, int height)
    {
        await using var page = await demo.Open(address, width, height);
        var violations = await Violations(page);
        Assert.True(violations.Count == 0, $"axe found at {width}x{height} on {address}:\n{string.Join("\n", violations)}");
    }

    /// <summary>Each violation as "rule (impact): what, at which elements", ready to read in a failure message.</summary>
    public static async Task<IReadOnlyList<string>> Violations(IPage page)
    {
        await page.EvaluateExpressionAsync(AxeSource.Value);
        var result = await page.EvaluateFunctionAsync<JsonElement>(
            "() => axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then(r => r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')) })))");
        return result.EnumerateArray().Select(v =>
            $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at {string.Join(", ", v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()))}").ToList();
    }
}
