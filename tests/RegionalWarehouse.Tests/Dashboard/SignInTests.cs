using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RegionalWarehouse.Dashboard;
using RegionalWarehouse.Etl.Governance;

namespace RegionalWarehouse.Tests.Dashboard;

/// <summary>
/// The dashboard behind Entra ID sign-in, as production configures it (Dashboard:SignIn), against a token issuer run
/// here on loopback (OpenID metadata and signing keys, as Entra ID publishes them): an Essex analyst sees only
/// Essex's submissions, a regional lead every member's, and nothing unsigned, forged, expired or for another app gets in.
/// </summary>
public sealed class SignInTests : IAsyncLifetime
{
    private const string Audience = "api://regional-warehouse-dashboard";
    private const string EssexAnalyst = "analyst@essex.gov.uk";

    private readonly RSA _issuerKey = RSA.Create(2048);
    private readonly PipelineHarness _harness = new(refreshAfterEachLoad: false);
    private WebApplication _issuer = null!;
    private DashboardServer _dashboard = null!;
    private readonly HttpClient _http = new();

    private string Authority => _issuer.Urls.First();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _issuer = builder.Build();
        _issuer.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["jwks_uri"] = $"{Authority}/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        _issuer.MapGet("/keys", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_issuerKey.ExportParameters(false)) { KeyId = "issuer-key" });
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", n = jwk.N, e = jwk.E } } });
        });
        await _issuer.StartAsync();

        foreach (var la in new[] { "919", "881" })
        {
            using var fixture = ReturnFixture.Copy("valid-919-2024");
            _harness.Ingest903(fixture.Folder, la);
        }
        _dashboard = new DashboardServer(_harness.Warehouse.Engine,
            Options.Create(new DashboardOptions { Url = "http://127.0.0.1:0", SignIn = { Authority = Authority, Audience = Audience, RequireHttpsMetadata = false } }),
            NullLoggerFactory.Instance, Options.Create(new AccessOptions { LaAnalysts = { [EssexAnalyst] = "881" } }));
        await _dashboard.StartAsync(CancellationToken.None);
    }

    private string Token(string user, string[]? roles = null, RSA? signedWith = null, string audience = Audience, DateTime? expires = null)
    {
        var claims = new Dictionary<string, object> { ["preferred_username"] = user };
        if (roles is not null)
            claims["roles"] = roles;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = audience,
            Claims = claims,
            NotBefore = (expires ?? DateTime.UtcNow.AddHours(1)).AddHours(-2),
            Expires = expires ?? DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signedWith ?? _issuerKey) { KeyId = "issuer-key" }, SecurityAlgorithms.RsaSha256),
        });
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> MySubmissions(string? bearer = null, string? platformHeader = null, string? signInName = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_dashboard.Address!, "/api/my/submissions"));
        if (bearer is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (platformHeader is not null)
            request.Headers.Add("X-MS-TOKEN-AAD-ID-TOKEN", platformHeader);
        if (signInName is not null)
            request.Headers.Add("X-MS-CLIENT-PRINCIPAL-NAME", signInName);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private static IEnumerable<string> LasOf(JsonNode body) => body["submissions"]!.AsArray().Select(s => s!["la"]!.GetValue<string>()).Distinct();

    [Fact]
    public async Task An_essex_analyst_sees_only_essexs_submissions()
    {
        var (status, body) = await MySubmissions(Token(EssexAnalyst));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["881"], LasOf(body!));
    }

    [Fact]
    public async Task A_regional_lead_sees_every_members_submissions()
    {
        var (status, body) = await MySubmissions(Token("lead@eastofengland.example", ["RegionalLead"]));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["881", "919"], LasOf(body!).Order());
    }

    [Fact]
    public async Task The_token_container_apps_authentication_forwards_is_accepted_the_same_way()
    {
        var (status, body) = await MySubmissions(platformHeader: Token(EssexAnalyst));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["881"], LasOf(body!));
    }

    [Fact]
    public async Task No_token_a_forged_an_expired_or_another_apps_token_and_a_bare_name_header_are_all_refused()
    {
        using var forger = RSA.Create(2048);
        var refused = new[]
        {
            await MySubmissions(),
            await MySubmissions(Token(EssexAnalyst, signedWith: forger)),
            await MySubmissions(Token(EssexAnalyst, expires: DateTime.UtcNow.AddHours(-1))),
            await MySubmissions(Token(EssexAnalyst, audience: "api://another-app")),
            // Under Entra ID sign-in the name header proves nothing.
            await MySubmissions(signInName: EssexAnalyst),
        };

        Assert.All(refused, r => Assert.Equal(HttpStatusCode.Unauthorized, r.Status));
    }

    [Fact]
    public async Task A_signed_in_person_given_no_la_is_told_to_ask_the_operator()
    {
        var (status, body) = await MySubmissions(Token("someone@elsewhere.gov.uk"));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("Access:LaAnalysts", body!["error"]!.GetValue<string>());
    }

    public async Task DisposeAsync()
    {
        await _dashboard.DisposeAsync();
        await _issuer.DisposeAsync();
        _harness.Dispose();
        _http.Dispose();
        _issuerKey.Dispose();
    }
}
