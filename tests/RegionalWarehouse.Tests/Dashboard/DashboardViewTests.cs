using PuppeteerSharp;

namespace RegionalWarehouse.Tests.Dashboard;

/// <summary>Every view of the dashboard as a user drives it in headless Chromium, on demo data.</summary>
[Collection(DemoDashboardCollection.Name)]
public sealed class DashboardViewTests(DemoDashboard demo)
{
    private static async Task<string[]> Column(IPage page, string table, int column) =>
        await page.EvaluateExpressionAsync<string[]>($"[...document.querySelectorAll('#{table} tbody tr')].map(r => r.cells[{column}] ? r.cells[{column}].textContent : '')");

    [Fact]
    public async Task The_map_draws_one_hexagon_per_member_la_banded_by_polarity_with_a_legend_and_the_same_figures_in_a_table()
    {
        await using var page = await demo.Open("/?view=map&metric=stability_short_term_pct&year=2024");

        Assert.Equal(11, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#map polygon').length"));
        Assert.Equal(11, (await Column(page, "map-table", 0)).Length);
        Assert.Contains("Hertfordshire", await Column(page, "map-table", 0));
        var legend = await page.EvaluateExpressionAsync<string>("document.getElementById('map-legend').textContent");
        Assert.Contains("A: best quarter", legend);
        Assert.Contains("c: suppressed", legend);
        Assert.Contains("x: not available", legend);
        Assert.Contains("Map of the platform's LAs, 2024", await page.EvaluateExpressionAsync<string>("document.getElementById('map-title').textContent"));
    }

    [Fact]
    public async Task The_map_of_england_draws_every_upper_tier_la_with_the_members_outlined()
    {
        await using var page = await demo.Open("/?view=map&metric=cla_rate_per_10k&year=2024&scope=england");

        Assert.Equal(153, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#map polygon').length"));
        Assert.Equal(11, await page.EvaluateExpressionAsync<int>("[...document.querySelectorAll('#map polygon')].filter(p => p.getAttribute('stroke-width') === '2.5').length"));
        var sources = await Column(page, "map-table", 3);
        Assert.Equal(11, sources.Count(s => s == "platform (member)"));
        Assert.Contains("DfE published", sources);
    }

    [Fact]
    public async Task The_scatter_shows_pearsons_r_n_a_fitted_line_the_caution_and_a_table()
    {
        await using var page = await demo.Open("/?view=correlation&metric=cla_rate_per_10k&indicator=imd_average_score&year=2024");

        var stat = await page.EvaluateExpressionAsync<string>("document.getElementById('correlation-stat').textContent");
        Assert.Matches(@"Pearson's r = -?\d\.\d\d, n = 11 LAs; fitted line", stat);
        Assert.Contains("weak evidence", await page.EvaluateExpressionAsync<string>("document.getElementById('correlation-caution').textContent"));
        Assert.Equal(11, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#scatter circle[r=\"6\"]').length - 1"));   // one is the legend's
        Assert.Equal(1, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#scatter line[stroke-dasharray=\"6 4\"]').length - 1"));
        Assert.Equal(11, (await Column(page, "scatter-table", 0)).Length);
    }

    [Fact]
    public async Task Compare_puts_the_chosen_las_against_the_chosen_measures_in_a_table_and_a_chart()
    {
        await using var page = await demo.Open("/?view=compare&year=2024&las=919,881,873&metrics=cla_rate_per_10k,sf_claim_rate_pct");

        Assert.Equal(["Hertfordshire", "Essex", "Cambridgeshire"], await Column(page, "compare-table", 0));
        var headers = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#compare-table thead th')].map(t => t.textContent)");
        Assert.Equal(3, headers.Length);
        Assert.Equal(3, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#compare-las input:checked').length"));
        var cells = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#compare-table tbody td:not(:first-child)')].map(c => c.textContent)");
        Assert.Equal(6, cells.Length);
        var bars = await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#compare-chart rect').length - 1");   // less the background
        Assert.Equal(cells.Count(c => c != "x" && !c.StartsWith('c')), bars);
        Assert.True(bars > 0);
    }

    [Fact]
    public async Task A_choice_is_kept_in_the_address_so_the_same_view_opens_from_a_shared_link()
    {
        await using var page = await demo.Open("/?view=trends&la=919&metric=cla_rate_per_10k&year=2024");
        await page.SelectAsync("#la", "881");
        await DemoDashboard.Drawn(page);
        await page.ClickAsync("nav.views a[data-view='map']");
        await DemoDashboard.Drawn(page);

        var shared = new Uri(page.Url);
        Assert.Contains("view=map", shared.Query);
        Assert.Contains("la=881", shared.Query);
        await using var again = await demo.Open(shared.PathAndQuery);
        Assert.Equal("881", await again.EvaluateExpressionAsync<string>("document.getElementById('la').value"));
        Assert.Equal("Map", await again.EvaluateExpressionAsync<string>("document.getElementById('view-title').textContent"));
        await page.EvaluateExpressionAsync("history.back()");   // the browser's back button
        await page.WaitForFunctionAsync("() => location.search.includes('view=trends') && document.body.dataset.ready === 'true'", DemoDashboard.Polling);
        Assert.Equal("Trends", await page.EvaluateExpressionAsync<string>("document.getElementById('view-title').textContent"));
    }

    [Fact]
    public async Task Every_table_downloads_as_csv_and_every_chart_as_svg()
    {
        var folder = Directory.CreateTempSubdirectory("rw-downloads-").FullName;
        try
        {
            await using var page = await demo.Open("/?view=trends&la=919&metric=cla_rate_per_10k&year=2024");
            var session = await page.CreateCDPSessionAsync();
            await session.SendAsync("Browser.setDownloadBehavior", new Dictionary<string, object> { ["behavior"] = "allow", ["downloadPath"] = folder });

            await page.ClickAsync("button[data-csv='trend-table']");
            await page.ClickAsync("button[data-svg='trend']");
            var csv = await Downloaded(folder, "trend-table_919_2024_cla_rate_per_10k.csv");
            var svg = await Downloaded(folder, "trend_919_2024_cla_rate_per_10k.svg");

            // The data behind the table, not its rendering: a header block naming the releases, then one value per cell.
            var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains(lines, l => l.StartsWith("# LAIT release: ", StringComparison.Ordinal));
            var table = lines.SkipWhile(l => l.StartsWith('#')).Select(l => l.Split(',')).ToList();
            var year = Array.IndexOf(table[0], "year");
            Assert.Contains("regionSource", table[0]);
            Assert.Equal(["2022", "2023", "2024"], table.Skip(1).Select(r => r[year]));
            var chart = System.Xml.Linq.XDocument.Parse(svg);   // a standalone SVG document, not a fragment
            Assert.Equal("{http://www.w3.org/2000/svg}svg", chart.Root!.Name.ToString());
            Assert.NotEmpty(chart.Descendants("{http://www.w3.org/2000/svg}polyline"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> Downloaded(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        for (var i = 0; i < 100 && !File.Exists(path); i++)
            await Task.Delay(100);
        Assert.True(File.Exists(path), $"{name} was not downloaded; the folder holds: {string.Join(", ", Directory.GetFiles(folder).Select(Path.GetFileName))}");
        return await File.ReadAllTextAsync(path);
    }

    [Fact]
    public async Task The_overview_bands_each_measure_a_to_d_and_credits_the_published_data_under_the_ogl()
    {
        await using var page = await demo.Open("/?view=overview&la=919&year=2024");

        var bands = await Column(page, "overview", 9);
        Assert.Contains(bands, b => b.Length > 0 && "ABCD".Contains(b[0]));
        Assert.Contains("Open Government Licence v3.0", await page.EvaluateExpressionAsync<string>("document.getElementById('attribution').textContent"));
    }

    [Fact]
    public async Task Keyboard_alone_reaches_the_views_and_the_controls_with_focus_visible()
    {
        await using var page = await demo.Open("/?view=overview&la=919&year=2024");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to main content", await page.EvaluateExpressionAsync<string>("document.activeElement.textContent"));
        string focused;
        var steps = 0;
        do
        {
            await page.Keyboard.PressAsync("Tab");
            focused = await page.EvaluateExpressionAsync<string>("document.activeElement.dataset.view || ''");
        } while (focused != "map" && ++steps < 10);
        Assert.Equal("map", focused);
        await page.Keyboard.PressAsync("Enter");
        await DemoDashboard.Drawn(page);
        Assert.Equal("Map", await page.EvaluateExpressionAsync<string>("document.getElementById('view-title').textContent"));
        steps = 0;
        do
            await page.Keyboard.PressAsync("Tab");
        while (await page.EvaluateExpressionAsync<string>("document.activeElement.id") != "metric" && ++steps < 5);
        Assert.Equal("solid", await page.EvaluateExpressionAsync<string>("getComputedStyle(document.activeElement).outlineStyle"));
    }
}
