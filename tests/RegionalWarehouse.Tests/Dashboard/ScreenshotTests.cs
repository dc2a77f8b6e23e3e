using PuppeteerSharp;

namespace RegionalWarehouse.Tests.Dashboard;

/// <summary>
/// Each view on demo data at a laptop (1366x768) and a phone (390x844) size, as the README shows them.
/// `bash ops/screenshots.sh` runs this with DASHBOARD_SCREENSHOTS set to docs/screenshots to refresh them.
/// </summary>
[Collection(DemoDashboardCollection.Name)]
public sealed class ScreenshotTests(DemoDashboard demo)
{
    public static readonly IReadOnlyList<(string Name, string Address)> Views =
    [
        ("overview", "/?view=overview&la=919&year=2024&metric=cla_rate_per_10k"),
        ("trends", "/?view=trends&la=919&year=2024&metric=cla_rate_per_10k"),
        ("map", "/?view=map&year=2024&metric=stability_short_term_pct&scope=members"),
        ("map-england", "/?view=map&year=2024&metric=stability_short_term_pct&scope=england"),
        ("correlation", "/?view=correlation&year=2024&metric=cla_rate_per_10k&indicator=imd_average_score&scope=members"),
        ("compare", "/?view=compare&year=2024&las=919,881,873,882&metrics=cla_rate_per_10k,stability_short_term_pct,sf_claim_rate_pct"),
        ("warnings", "/?view=warnings&la=919&year=2024&metric=cla_rate_per_10k&against=East%20of%20England"),
        ("forecast", "/?view=forecast&area=region"),
    ];

    [SkippableFact]
    public async Task Every_view_is_captured_at_laptop_and_phone_size()
    {
        // A documentation task, not a check the suite needs each time: AccessibilityTests draws every view at both sizes.
        Skip.If(Environment.GetEnvironmentVariable("DASHBOARD_SCREENSHOTS") is not { Length: > 0 },
            "DASHBOARD_SCREENSHOTS is not set: screenshots are refreshed by ops/screenshots.sh.");
        var kept = Environment.GetEnvironmentVariable("DASHBOARD_SCREENSHOTS") is { Length: > 0 } wanted ? Directory.CreateDirectory(wanted).FullName : null;
        var folder = kept ?? Directory.CreateTempSubdirectory("rw-screenshots-").FullName;
        try
        {
            foreach (var (width, height, size) in new[] { (1366, 768, "1366x768"), (390, 844, "390x844") })
                foreach (var (name, address) in Views)
                {
                    await using var page = await demo.Open(address, width, height);
                    // Past the header, so the view itself fills the picture.
                    await page.EvaluateExpressionAsync("document.getElementById('main').scrollIntoView()");
                    var path = Path.Combine(folder, $"{name}-{size}.png");
                    await page.ScreenshotAsync(path, new ScreenshotOptions { Type = ScreenshotType.Png });

                    var png = await File.ReadAllBytesAsync(path);
                    Assert.Equal((width, height), (BigEndian(png, 16), BigEndian(png, 20)));   // IHDR: the picture is the viewport
                }
        }
        finally
        {
            if (kept is null)
                Directory.Delete(folder, recursive: true);
        }
    }

    private static int BigEndian(byte[] bytes, int at) => bytes[at] << 24 | bytes[at + 1] << 16 | bytes[at + 2] << 8 | bytes[at + 3];
}
