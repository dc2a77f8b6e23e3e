using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PuppeteerSharp;
using RegionalWarehouse.Dashboard;
using RegionalWarehouse.Etl.Governance;
using RegionalWarehouse.Synthetic.Context;
using RegionalWarehouse.Synthetic.Demo;
using RegionalWarehouse.Synthetic.Ssda903;

namespace RegionalWarehouse.Tests.Support;

/// <summary>
/// The dashboard on demo data, as `rw demo` makes it (the eleven East of England LAs' synthetic 903, Supporting
/// Families and context over three years, plus the DfE's real published data), served on a free loopback port
/// and driven by Debian's Chromium, headless. Built once for every browser test: it takes a while.
/// </summary>
public sealed class DemoDashboard : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    public static readonly IReadOnlyList<string> Members = ContextGenerator.EastOfEngland.Select(l => l.DfeCode).ToList();

    /// <summary>A Hertfordshire analyst, as the organisation's sign-in names them to the dashboard.</summary>
    public const string Analyst = "analyst@hertfordshire.gov.uk";

    public PipelineHarness Harness { get; } = new(refreshAfterEachLoad: false);

    public DashboardServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri Address => Server.Address!;

    public async Task InitializeAsync()
    {
        var landing = Path.Combine(Harness.Warehouse.Folder, "landing");
        new SyntheticLanding(landing, "demo").Write(SyntheticKinds.All, new GeneratorRequest(Members, 2022, 2024, Seed: 1, Scale: 0.06));
        foreach (var folder in Directory.GetFiles(landing, SubmissionFiles.ReadyMarker, SearchOption.AllDirectories).Select(Path.GetDirectoryName).Order())
        {
            var parts = Path.GetRelativePath(landing, folder!).Split(Path.DirectorySeparatorChar);
            var report = Harness.Ingest(parts[1], parts[0], parts[2], folder!);
            if (report.Outcome == SubmissionStates.Rejected)
                throw new InvalidOperationException($"The demo submission {folder} was rejected: {report.Message ?? string.Join("; ", report.Issues.Take(3))}");
        }
        Harness.Marts.Refresh();
        Server = new DashboardServer(Harness.Warehouse.Engine, Options.Create(new DashboardOptions { Url = "http://127.0.0.1:0" }), NullLoggerFactory.Instance,
            Options.Create(new AccessOptions { LaAnalysts = { [Analyst] = "919" } }));
        await Server.StartAsync(CancellationToken.None);
        if (!File.Exists(Chromium))
            throw new InvalidOperationException("Chromium is not installed: ops/test.sh installs it (Debian packages chromium and chromium-driver).");
        Browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A new tab at the given size, opened at a dashboard address and left when its view has drawn.</summary>
    public async Task<IPage> Open(string pathAndQuery, int width = 1366, int height = 768, string? signedInAs = null)
    {
        var page = await Browser.NewPageAsync();
        if (signedInAs is not null)
            await page.SetExtraHttpHeadersAsync(new Dictionary<string, string> { ["X-MS-CLIENT-PRINCIPAL-NAME"] = signedInAs });
        await page.SetViewportAsync(new ViewPortOptions { Width = width, Height = height });
        await page.GoToAsync(new Uri(Address, pathAndQuery).ToString());
        await Drawn(page);
        return page;
    }

    /// <summary>
    /// Polls on a timer: the default (each animation frame) never fires in a tab left in the background when a
    /// test opens another.
    /// </summary>
    public static readonly WaitForFunctionOptions Polling = new() { PollingInterval = 100, Timeout = 30_000 };

    /// <summary>Waits for the page to say it has finished drawing the current view (body data-ready), and fails on a drawing error.</summary>
    public static async Task Drawn(IPage page)
    {
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === 'true' || !document.querySelector('main section')", Polling);
        var error = await page.EvaluateExpressionAsync<string?>("document.body.dataset.error || null");
        if (error is not null)
            throw new InvalidOperationException($"The dashboard failed to draw {page.Url}: {error}");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.CloseAsync();
        if (Server is not null)
        {
            await Server.StopAsync(CancellationToken.None);
            await Server.DisposeAsync();
        }
        Harness.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class DemoDashboardCollection : ICollectionFixture<DemoDashboard>
{
    public const string Name = "Dashboard on demo data";
}
