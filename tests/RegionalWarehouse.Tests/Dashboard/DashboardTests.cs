using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RegionalWarehouse.Dashboard;
using RegionalWarehouse.Synthetic.Demo;

namespace RegionalWarehouse.Tests.Dashboard;

/// <summary>
/// The built-in dashboard on a real warehouse (the 903 fixture for 919, 2024, with suppression of
/// counts up to 5 on), through its JSON API and in headless Chromium.
/// </summary>
public sealed class DashboardTests : IAsyncLifetime
{
    private readonly PipelineHarness _harness = new();
    private DashboardServer _server = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        _harness.Ingest903(fixture.Folder);
        foreach (var release in PublishedData.All)
        {
            var folder = PublishedData.WriteTo(release, Directory.CreateTempSubdirectory("rw-published-").FullName);
            _harness.Ingest(release.ReturnType, SubmissionIdentity.RegionWide, release.Period, folder);
            Directory.Delete(folder, recursive: true);
        }
        _server = new DashboardServer(_harness.Warehouse.Engine, Options.Create(new DashboardOptions { Url = "http://127.0.0.1:0" }), NullLoggerFactory.Instance);
        await _server.StartAsync(CancellationToken.None);
        _http.BaseAddress = _server.Address;
    }

    public async Task DisposeAsync()
    {
        await _server.StopAsync(CancellationToken.None);
        await _server.DisposeAsync();
        _http.Dispose();
        _harness.Dispose();
    }

    [Fact]
    public async Task The_api_serves_an_las_benchmarks_with_small_numbers_suppressed_never_revealed()
    {
        var points = await _http.GetFromJsonAsync<JsonElement[]>("/api/benchmark?la=919&year=2024");

        var cla = Assert.Single(points!, p => p.GetProperty("metricId").GetString() == "cla_31_march");
        Assert.True(cla.GetProperty("suppressed").GetBoolean());                 // 3 children: suppressed
        Assert.Equal(JsonValueKind.Null, cla.GetProperty("value").ValueKind);    // and the number is not sent
        Assert.Equal("Hertfordshire", cla.GetProperty("laName").GetString());
    }

    [Fact]
    public async Task A_csv_download_is_the_apis_data_one_value_a_cell_under_a_header_naming_release_last_load_and_licence()
    {
        var points = await _http.GetFromJsonAsync<JsonElement[]>("/api/benchmark?la=919&year=2024");
        var response = await _http.GetAsync("/api/benchmark?la=919&year=2024&format=csv");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines.TakeWhile(l => l.StartsWith('#')).ToList();
        Assert.Contains(header, l => l.StartsWith("# LAIT release: 2025", StringComparison.Ordinal));
        Assert.Contains(header, l => l.StartsWith("# DfE statistical neighbour model: ", StringComparison.Ordinal) && !l.EndsWith("none loaded", StringComparison.Ordinal));
        Assert.Contains(header, l => l.StartsWith("# last load: ", StringComparison.Ordinal));
        Assert.Contains(header, l => l.StartsWith("# extracted: ", StringComparison.Ordinal));
        Assert.Contains(header, l => l.Contains("Open Government Licence v3.0", StringComparison.Ordinal));
        var table = lines.Skip(header.Count).Select(l => l.Split(',')).ToList();
        var column = table[0].Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i);
        Assert.Contains("regionSource", column.Keys);
        Assert.Contains("bandScope", column.Keys);
        // Read back, every value is the API's, to the last digit; a suppressed one stays empty.
        var rows = table.Skip(1).ToDictionary(r => r[column["metricId"]]);
        Assert.Equal(points!.Length, rows.Count);
        foreach (var point in points)
        {
            var row = rows[point.GetProperty("metricId").GetString()!];
            foreach (var field in new[] { "value", "region", "england", "neighbours" })
                Assert.Equal(point.GetProperty(field).ValueKind == JsonValueKind.Null ? "" : point.GetProperty(field).GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                    row[column[field]]);
            Assert.Equal(point.GetProperty("suppressed").GetBoolean() ? "true" : "false", row[column["suppressed"]]);
        }
    }

    [Fact]
    public async Task The_api_lists_las_years_metrics_trend_and_ranking()
    {
        var las = await _http.GetFromJsonAsync<JsonElement[]>("/api/las");
        var years = await _http.GetFromJsonAsync<int[]>("/api/years");
        var metrics = await _http.GetFromJsonAsync<JsonElement[]>("/api/metrics");
        var trend = await _http.GetFromJsonAsync<JsonElement[]>("/api/trend?la=919&metric=oc2_sdq_mean");
        var ranking = await _http.GetFromJsonAsync<JsonElement[]>("/api/ranking?metric=oc2_sdq_mean&year=2024");

        Assert.Equal(11, las!.Length);
        Assert.Equal([2024], years!);
        Assert.Contains(metrics!, m => m.GetProperty("id").GetString() == "sf_claim_rate_pct");
        Assert.Equal(2024, Assert.Single(trend!).GetProperty("year").GetInt32());
        Assert.Single(ranking!);
    }

    [Fact]
    public async Task The_api_lists_an_las_dfe_neighbours_with_published_values_for_those_outside_the_platform()
    {
        var neighbours = await _http.GetFromJsonAsync<JsonElement[]>("/api/neighbours?la=919&year=2024&metric=cla_rate_per_10k");

        Assert.Equal(10, neighbours!.Length);
        var first = neighbours[0];
        Assert.Equal(("931", "Oxfordshire", "published"), (first.GetProperty("dfeCode").GetString(), first.GetProperty("name").GetString(), first.GetProperty("source").GetString()));
        Assert.Equal(_harness.Warehouse.Scalar<double>("select value from dw.lait_value where indicator = 'LAC' and area_number = 931 and years = '2024'"), first.GetProperty("value").GetDouble());
        var benchmark = await _http.GetFromJsonAsync<JsonElement[]>("/api/benchmark?la=919&year=2024");
        var rate = Assert.Single(benchmark!, p => p.GetProperty("metricId").GetString() == "stability_short_term_pct");
        Assert.Equal("published", rate.GetProperty("englandSource").GetString());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/las")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_security_headers_and_no_server_banner(string path)
    {
        using var response = await _http.GetAsync(path);

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task A_demo_warehouse_says_on_every_page_whose_figures_are_synthetic()
    {
        var las = await _http.GetFromJsonAsync<JsonElement[]>("/api/las");
        Assert.DoesNotContain(las!, l => l.GetProperty("synthetic").GetBoolean());
        Assert.Contains("Hertfordshire, 2024: against neighbours", await Dom("/?view=overview&la=919&year=2024"));

        SyntheticMark.Mark(_harness.Warehouse.Engine, ["919"]);

        las = await _http.GetFromJsonAsync<JsonElement[]>("/api/las");
        Assert.True(Assert.Single(las!, l => l.GetProperty("code").GetString() == "919").GetProperty("synthetic").GetBoolean());
        var dom = await Dom("/?view=overview&la=919&year=2024");
        Assert.Contains("Hertfordshire (synthetic), 2024: against neighbours, region and England", dom);
        Assert.Contains("This is a demo warehouse: the figures of", dom);
        Assert.Equal(1, _harness.Warehouse.Scalar<int>("select figures_are_synthetic from bi.local_authority where dfe_code = '919'"));
        Assert.Equal(0, _harness.Warehouse.Scalar<int>("select figures_are_synthetic from bi.local_authority where dfe_code = '873'"));
    }

    /// <summary>The page as headless Chromium leaves it once its scripts have run.</summary>
    private async Task<string> Dom(string path)
    {
        const string chromium = "/usr/bin/chromium";
        Assert.True(File.Exists(chromium), "Chromium is not installed: ops/test.sh installs it (Debian packages chromium and chromium-driver).");
        var start = new ProcessStartInfo(chromium)
        {
            ArgumentList = { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--virtual-time-budget=10000", "--dump-dom", new Uri(_server.Address!, path).ToString() },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var browser = Process.Start(start)!;
        var stderr = browser.StandardError.ReadToEndAsync();
        var dom = await browser.StandardOutput.ReadToEndAsync();
        await browser.WaitForExitAsync();
        await stderr;
        Assert.Contains("data-ready=\"true\"", dom);
        return dom;
    }

    [Fact]
    public async Task In_a_browser_the_overview_shows_suppressed_values_as_c_the_neighbours_and_the_data_quality_score()
    {
        var dom = await Dom("/?view=overview&la=919&year=2024&metric=oc2_sdq_mean");

        Assert.Contains("data-ready=\"true\"", dom);
        Assert.Contains("Hertfordshire, 2024: against neighbours, region and England", dom);
        Assert.Contains("<td>Children looked after at 31 March</td><td>c</td>", dom);   // suppressed, shown as c
        Assert.Contains("<td>Average SDQ score</td><td>c</td>", dom);                  // a mean over one child
        Assert.Contains("Statistical neighbours (DfE model), 2024: Average SDQ score", dom);
        Assert.Contains("<td>Oxfordshire (931)</td>", dom);
        Assert.Contains("Data quality (2024 903): no record errors among 5 children.", dom);
        Assert.Contains("(P)</td>", dom);
        Assert.Contains("Open Government Licence v3.0 (Department for Education)", dom);
    }
}
