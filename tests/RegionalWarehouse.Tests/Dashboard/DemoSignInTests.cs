using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RegionalWarehouse.Dashboard;
using RegionalWarehouse.Synthetic.Demo;

namespace RegionalWarehouse.Tests.Dashboard;

/// <summary>
/// In the demo, /my is not a dead end: a visitor may sign in as the analyst of an LA whose returns are synthetic, and of
/// no other (an LA with real returns in the same warehouse stays behind the real sign-in).
/// </summary>
public sealed class DemoSignInTests : IAsyncLifetime
{
    private readonly PipelineHarness _harness = new(refreshAfterEachLoad: false);
    private DashboardServer _dashboard = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        foreach (var la in new[] { "919", "881" })
        {
            using var fixture = ReturnFixture.Copy("valid-919-2024");
            _harness.Ingest903(fixture.Folder, la);
        }
        // Hertfordshire's returns are the demo's; Essex's are (as far as this warehouse knows) real.
        SyntheticMark.Mark(_harness.Warehouse.Engine, ["919"]);
        _dashboard = new DashboardServer(_harness.Warehouse.Engine, Options.Create(new DashboardOptions { Url = "http://127.0.0.1:0" }), NullLoggerFactory.Instance);
        await _dashboard.StartAsync(CancellationToken.None);
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> Get(string path, string? demoLa = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_dashboard.Address!, path));
        if (demoLa is not null)
            request.Headers.Add("Cookie", $"{DashboardServer.DemoSignInCookie}={demoLa}");
        using var response = await _http.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_synthetic_la_can_be_chosen_and_its_submissions_are_shown()
    {
        var (_, choices) = await Get("/api/my/demo-las");
        Assert.Equal(["919"], choices!.AsArray().Select(c => c!["code"]!.GetValue<string>()));

        var (status, body) = await Get("/api/my/submissions", demoLa: "919");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["919"], body!["submissions"]!.AsArray().Select(s => s!["la"]!.GetValue<string>()).Distinct());
    }

    [Fact]
    public async Task An_la_with_real_returns_cannot_be_reached_by_the_demo_sign_in()
    {
        var (status, _) = await Get("/api/my/submissions", demoLa: "881");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    public async Task DisposeAsync()
    {
        await _dashboard.DisposeAsync();
        _harness.Dispose();
        _http.Dispose();
    }
}
