using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RegionalWarehouse.Dashboard;
using RegionalWarehouse.Etl.Governance;

namespace RegionalWarehouse.Tests.Dashboard;

/// <summary>
/// An LA's own page (/my): behind the organisation's sign-in, an analyst sees their own authority's submissions
/// and reports and never another's. Hertfordshire (919) has a loaded 903; Essex (881) a rejected one.
/// </summary>
public sealed class OwnPageTests : IAsyncLifetime
{
    private const string Header = "X-MS-CLIENT-PRINCIPAL-NAME";
    private readonly PipelineHarness _harness = new();
    private DashboardServer _server = null!;
    private readonly HttpClient _http = new();
    private long _essexRejected;

    public async Task InitializeAsync()
    {
        using (var valid = ReturnFixture.Copy("valid-919-2024"))
            _harness.Ingest903(valid.Folder);
        using (var broken = ReturnFixture.Copy("valid-919-2024"))
        {
            var episodes = Path.Combine(broken.Folder, "episodes.csv");
            File.WriteAllLines(episodes, File.ReadAllLines(episodes).Select(l => string.Join(',', l.Split(',').Skip(1))));   // no CHILD column
            var report = _harness.Ingest903(broken.Folder, la: "881");
            Assert.Equal(SubmissionStates.Rejected, report.Outcome);
            _essexRejected = report.SubmissionId!.Value;
        }
        var access = new AccessOptions { LaAnalysts = { ["analyst@hertfordshire.gov.uk"] = "919", ["lead@essex.gov.uk"] = "881" } };
        _server = new DashboardServer(_harness.Warehouse.Engine, Options.Create(new DashboardOptions { Url = "http://127.0.0.1:0" }), NullLoggerFactory.Instance,
            Options.Create(access));
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

    private Task<HttpResponseMessage> Get(string path, string? user)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (user is not null)
            request.Headers.Add(Header, user);
        return _http.SendAsync(request);
    }

    [Fact]
    public async Task An_analyst_sees_only_their_own_authoritys_submissions()
    {
        var herts = await (await Get("/api/my/submissions", "Analyst@Hertfordshire.gov.uk")).Content.ReadFromJsonAsync<JsonElement>();
        var essex = await (await Get("/api/my/submissions", "lead@essex.gov.uk")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(["919"], herts.GetProperty("submissions").EnumerateArray().Select(s => s.GetProperty("la").GetString()).Distinct());
        Assert.Equal("loaded", herts.GetProperty("submissions")[0].GetProperty("state").GetString());
        var rejected = Assert.Single(essex.GetProperty("submissions").EnumerateArray());
        Assert.Equal(("881", "rejected"), (rejected.GetProperty("la").GetString(), rejected.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task An_analyst_reads_their_own_reports_findings_located_to_file_row_and_column()
    {
        var findings = await (await Get($"/api/my/submissions/{_essexRejected}/findings", "lead@essex.gov.uk")).Content.ReadFromJsonAsync<JsonElement[]>();

        var missing = Assert.Single(findings!, f => f.GetProperty("column").GetString() == "CHILD");
        Assert.Equal("episodes.csv", missing.GetProperty("file").GetString());
        Assert.False(string.IsNullOrWhiteSpace(missing.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Another_authoritys_report_is_not_found_as_if_it_did_not_exist()
    {
        var asHerts = await Get($"/api/my/submissions/{_essexRejected}/findings", "analyst@hertfordshire.gov.uk");
        var nobody = await Get("/api/my/submissions/999999/findings", "analyst@hertfordshire.gov.uk");

        Assert.Equal(HttpStatusCode.NotFound, asHerts.StatusCode);
        Assert.Equal(await nobody.Content.ReadAsStringAsync(), (await asHerts.Content.ReadAsStringAsync()).Replace(_essexRejected.ToString(), "999999"));
    }

    [Fact]
    public async Task Without_a_sign_in_or_with_no_authority_the_page_says_what_to_do()
    {
        var anonymous = await Get("/api/my/submissions", null);
        var stranger = await Get("/api/my/submissions", "someone@example.org");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("Sign in first", await anonymous.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        Assert.Contains("Access:LaAnalysts", await stranger.Content.ReadAsStringAsync());
    }
}
