using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RegionalWarehouse.Etl.Benchmarks;
using RegionalWarehouse.Etl.Governance;
using RegionalWarehouse.Etl.Submissions;
using RegionalWarehouse.Warehouse.Engines;
using RegionalWarehouse.Warehouse.ReferenceData.Geo;

namespace RegionalWarehouse.Dashboard;

/// <summary>
/// The built-in web dashboard: one page (wwwroot/index.html, no external scripts) and a small read-only
/// JSON API over the marts. It runs as a hosted service beside the workers, or alone (`rw dashboard`).
/// </summary>
public sealed class DashboardServer(IWarehouseEngine engine, IOptions<DashboardOptions> options, ILoggerFactory loggers, IOptions<AccessOptions>? access = null)
    : HostedWebApp
{
    /// <summary>The address it listens on once started (the real port when the configured one is 0).</summary>
    public Uri? Address { get; private set; }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.WebHost.UseUrls(options.Value.Url);
        // No "Server: Kestrel" banner: it tells a caller nothing they need.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        var signIn = options.Value.SignIn;
        if (signIn.IsEntraId)
            AddEntraIdSignIn(builder.Services, signIn);
        var app = builder.Build();
        SecurityHeaders(app);
        if (signIn.IsEntraId)
            app.UseAuthentication();
        LogRequests(app, loggers.CreateLogger("RegionalWarehouse.Dashboard.Requests"));
        HealthEndpoints.Map(app, engine);
        Map(app, new DashboardQueries(engine));
        MapOwnPage(app, new OwnSubmissions(engine), signIn.IsEntraId ? null : options.Value.SignInHeader, access?.Value ?? new AccessOptions(),
            LaDirectory.Load(engine).All.Select(l => l.DfeCode).ToList(), signIn.IsEntraId ? null : () => BenchmarkQuery.SyntheticLas(engine));
        await app.StartAsync(cancellationToken);
        App = app;
        Address = new Uri(app.Urls.First());
        loggers.CreateLogger<DashboardServer>().LogInformation("Dashboard at {Url}", Address);
    }

    /// <summary>
    /// Every response says how a browser may use it: no framing by another site (clickjacking), no content-type
    /// sniffing, no referrer sent onwards, and a content security policy that allows only this origin's own pages,
    /// their inline script and style, and data: images (the pages load nothing from anywhere else).
    /// </summary>
    public static void SecurityHeaders(IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers["Content-Security-Policy"] = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
                                                 "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
            headers["X-Content-Type-Options"] = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["X-Frame-Options"] = "DENY";
            await next(context);
        });

    /// <summary>
    /// One line per request: method, path, status and time. Never the query string, the caller's address or
    /// any header, so the log holds no personal data (the marts it serves hold none either).
    /// </summary>
    public static void LogRequests(IApplicationBuilder app, ILogger log) =>
        app.Use(async (context, next) =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await next(context);
            log.LogInformation("{Method} {Path} {Status} in {Milliseconds:N0} ms", context.Request.Method, context.Request.Path.Value,
                context.Response.StatusCode, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        });

    public static void Map(IEndpointRouteBuilder app, DashboardQueries queries)
    {
        var engine = queries.Engine;
        app.MapGet("/", () => Results.Content(Pages.Value["index.html"], "text/html; charset=utf-8"));
        app.MapGet("/api/las", () => queries.Las());
        app.MapGet("/api/years", () => queries.Years());
        app.MapGet("/api/metrics", () => DashboardQueries.Catalogue()).AsCsvWhenAsked(engine);
        app.MapGet("/api/provenance", () => Provenance.Read(engine));
        app.MapGet("/api/benchmark", (string la, int year) => queries.ForLaAndYear(la, year)).AsCsvWhenAsked(engine);
        app.MapGet("/api/trend", (string la, string metric) => queries.Trend(la, metric)).AsCsvWhenAsked(engine);
        app.MapGet("/api/ranking", (string metric, int year) => queries.Ranking(metric, year)).AsCsvWhenAsked(engine);
        app.MapGet("/api/quality", (string la, int year) => queries.Quality(la, year) is { } q
            ? Results.Ok(new { children = q.Children, childrenWithErrors = q.ChildrenWithErrors, sharePct = q.SharePct, text = q.Describe(year) })
            : Results.NoContent());
        app.MapGet("/api/neighbours", (string la, int year, string metric) => queries.Neighbours(la, year, metric)).AsCsvWhenAsked(engine);
        app.MapGet("/api/indicators", () => queries.Indicators().Select(i => new { code = i.Code, name = i.Name, unit = i.Unit, polarity = i.Polarity, source = i.Source }))
            .AsCsvWhenAsked(engine);
        app.MapGet("/api/compare", (string las, string metrics, int year) =>
            queries.Compare(las.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(MaxCompared).ToList(),
                metrics.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(MaxCompared).ToList(), year)).AsCsvWhenAsked(engine);
        app.MapGet("/api/map", (string metric, int year, string? scope) =>
            Requested(metric, scope) is var (m, s, problem) && problem is not null ? problem : Results.Ok(MapResponse.From(queries.Map(m!, year, s)))).AsCsvWhenAsked(engine);
        app.MapGet("/api/correlation", (string metric, string indicator, int year, string? scope) =>
            Requested(metric, scope) is var (m, s, problem) && problem is not null ? problem : Results.Ok(CorrelationResponse.From(queries.Correlation(m!, indicator, year, s))))
            .AsCsvWhenAsked(engine);
        app.MapGet("/api/explain", (string la, string metric, int year) =>
            FigureExplanation.Explain(engine, la, metric, year) is { } e ? Results.Ok(ExplainResponse.From(e)) : Results.NotFound(new { error = $"No {metric} figure for {la} in {year}." }));
        app.MapGet("/api/warnings", (string la, int year) => Insights.Warnings(engine, la, year)).AsCsvWhenAsked(engine);
        app.MapGet("/api/warnings/digest", (string? la) => Insights.Digest(engine, la));
        app.MapGet("/api/funnel", (string metric, int year, string? against) =>
            Requested(metric, null) is var (m, _, problem) && problem is not null ? problem
            : Insights.Funnel(engine, m!, year, against ?? Etl.EarlyWarning.Comparators.England) is { } funnel ? Results.Ok(funnel) : Results.NoContent()).AsCsvWhenAsked(engine);
        app.MapGet("/api/forecast", (string la, double? entry, double? stepdown) =>
            entry is <= 0 or > 5 || stepdown is < 0 or > 1
                ? Results.BadRequest(new { error = "entry takes a multiple between 0 and 5, stepdown a share between 0 and 1." })
                : Insights.Forecast(engine, la, new Etl.Forecasting.ForecastScenario(entry ?? 1, stepdown ?? 0)) is { } forecast ? Results.Ok(forecast) : Results.NoContent())
            .AsCsvWhenAsked(engine);
        app.MapGet("/licences/hexmap", () => Results.Text(HexLayout.LicenceText(), "text/plain; charset=utf-8"));
        app.MapGet("/accessibility", () => Results.Content(Pages.Value["accessibility.html"], "text/html; charset=utf-8"));
    }

    /// <summary>
    /// Validates Entra ID tokens for this app (JwtBearer against the tenant's OpenID metadata): signature, issuer,
    /// audience and lifetime. The token comes as a bearer token or, behind Container Apps authentication, in the
    /// X-MS-TOKEN-AAD-ID-TOKEN header that platform sets (a forged one fails the signature check like any other).
    /// </summary>
    private static void AddEntraIdSignIn(IServiceCollection services, SignInOptions signIn) =>
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.Authority = signIn.Authority;
            jwt.Audience = signIn.Audience;
            jwt.RequireHttpsMetadata = signIn.RequireHttpsMetadata;
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters.ValidateAudience = !string.IsNullOrWhiteSpace(signIn.Audience);
            jwt.Events = new JwtBearerEvents
            {
                OnMessageReceived = context =>
                {
                    if (string.IsNullOrEmpty(context.Token) && context.Request.Headers["X-MS-TOKEN-AAD-ID-TOKEN"].ToString() is { Length: > 0 } platformToken)
                        context.Token = platformToken;
                    return Task.CompletedTask;
                },
            };
        });

    /// <summary>The signed-in person's name and app roles: from a validated token, or (locally, behind a trusted proxy) the sign-in header.</summary>
    private static async Task<(string User, IReadOnlyList<string> Roles)> SignedIn(HttpContext context, string? signInHeader)
    {
        if (signInHeader is not null)
            return (context.Request.Headers[signInHeader].ToString().Trim(), []);
        var result = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (!result.Succeeded)
            return ("", []);
        var principal = result.Principal;
        var user = principal.FindFirst("preferred_username")?.Value ?? principal.FindFirst("upn")?.Value ?? principal.FindFirst("email")?.Value ?? "";
        return (user.Trim(), principal.FindAll("roles").Select(c => c.Value).ToList());
    }

    /// <summary>
    /// An LA's own page: its submissions and their reports' findings, for the signed-in person's LAs only
    /// (Access:LaAnalysts, the grants Power BI's row-level security uses); a regional lead (the RegionalLead app role,
    /// or Access:RegionalLeads) sees every member's. No sign-in: 401; signed in but given no LA: 403; another LA's
    /// submission: 404. <paramref name="signInHeader"/> is null under Entra ID sign-in.
    /// </summary>
    public static void MapOwnPage(IEndpointRouteBuilder app, OwnSubmissions submissions, string? signInHeader, AccessOptions access, IReadOnlyList<string> memberLas,
        Func<IReadOnlyDictionary<string, string>>? syntheticLas = null)
    {
        async Task<(IReadOnlyList<string>? Las, IResult? Refusal)> LasOf(HttpContext context)
        {
            // The demo's sign-in: an LA whose returns in this warehouse are synthetic, chosen on the page. Never an LA
            // with real returns, and never under Entra ID sign-in.
            if (syntheticLas is not null && context.Request.Cookies[DemoSignInCookie] is { Length: > 0 } demoLa && syntheticLas().ContainsKey(demoLa))
                return ([demoLa], null);
            var (user, roles) = await SignedIn(context, signInHeader);
            if (user.Length == 0)
                return (null, Results.Json(new { error = "Sign in first: this page shows your own authority's submissions." }, statusCode: StatusCodes.Status401Unauthorized));
            if (access.IsRegionalLead(user, roles))
                return (memberLas, null);
            var las = access.LasOf(user);
            return las.Count == 0
                ? (null, Results.Json(new { error = "Your sign-in is not linked to a local authority: ask the platform operator to add you to Access:LaAnalysts." },
                    statusCode: StatusCodes.Status403Forbidden))
                : (las, null);
        }

        app.MapGet("/my", () => Results.Content(Pages.Value["my.html"], "text/html; charset=utf-8"));
        // The LAs a demo sign-in may choose: those whose returns here are synthetic (none in a real warehouse).
        app.MapGet("/api/my/demo-las", () => Results.Ok((syntheticLas?.Invoke() ?? new Dictionary<string, string>())
            .Select(l => new { code = l.Key, name = l.Value }).OrderBy(l => l.name).ToList()));
        app.MapGet("/api/my/submissions", async (HttpContext context) =>
        {
            var (las, refusal) = await LasOf(context);
            return las is null ? refusal! : Results.Ok(new { las, submissions = submissions.For(las) });
        });
        app.MapGet("/api/my/submissions/{id:long}/findings", async (HttpContext context, long id) =>
        {
            var (las, refusal) = await LasOf(context);
            return las is null ? refusal!
                : submissions.Findings(id, las) is { } findings ? Results.Ok(findings) : Results.NotFound(new { error = $"No submission {id} of yours." });
        });
    }

    /// <summary>The cookie a demo sign-in sets: the DfE code of a synthetic LA to see as its analyst.</summary>
    public const string DemoSignInCookie = "rw-demo-la";

    /// <summary>Enough for any sensible comparison, and a bound on what one request can ask of the warehouse.</summary>
    private const int MaxCompared = 20;

    private static (Metric? Metric, AreaScope Scope, IResult? Problem) Requested(string metricId, string? scope)
    {
        var metric = MetricCatalogue.All.FirstOrDefault(m => m.Id == metricId);
        if (metric is null)
            return (null, default, Results.BadRequest(new { error = $"Unknown metric '{metricId}': /api/metrics lists them." }));
        if (!Enum.TryParse<AreaScope>(scope ?? nameof(AreaScope.Members), ignoreCase: true, out var area) || !Enum.IsDefined(area))
            return (null, default, Results.BadRequest(new { error = $"Unknown scope '{scope}': use members or england." }));
        return (metric, area, null);
    }

    /// <summary>The pages are embedded resources that never change while running: read them once.</summary>
    private static readonly Lazy<Dictionary<string, string>> Pages = new(() => new[] { "index.html", "accessibility.html", "my.html" }.ToDictionary(p => p, ReadPage));

    private static string ReadPage(string name)
    {
        using var stream = typeof(DashboardServer).Assembly.GetManifestResourceStream($"RegionalWarehouse.Dashboard.wwwroot.{name}")!;
        return new StreamReader(stream).ReadToEnd();
    }
}

public static class DashboardRegistration
{
    public static void AddDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DashboardOptions>().Bind(configuration.GetSection(DashboardOptions.Section));
        services.AddOptions<AccessOptions>().Bind(configuration.GetSection(AccessOptions.Section));
        if (configuration.GetSection(DashboardOptions.Section).Get<DashboardOptions>()?.Enabled ?? true)
            services.AddHostedService<DashboardServer>();
        else if (configuration["Worker:HealthUrl"] is { Length: > 0 } healthUrl)
            services.AddHostedService(sp => new HealthServer(sp.GetRequiredService<IWarehouseEngine>(), healthUrl));
    }
}
