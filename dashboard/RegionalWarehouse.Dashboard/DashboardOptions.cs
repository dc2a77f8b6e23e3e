namespace RegionalWarehouse.Dashboard;

/// <summary>Bound from "Dashboard": the built-in web dashboard for people without Power BI licences.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>Whether `rw worker` and `rw demo` serve the dashboard beside the workers.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where to listen. Loopback by default: put it behind the organisation's sign-in (e.g. App Service authentication) to share it.</summary>
    public string Url { get; set; } = "http://127.0.0.1:5080";

    /// <summary>
    /// The request header that carries the signed-in person's name, set by the organisation's sign-in in front of
    /// the dashboard (App Service authentication sets X-MS-CLIENT-PRINCIPAL-NAME and strips any the caller sends).
    /// An LA's own page (/my) shows only the LAs that Access:LaAnalysts gives that name. Never expose the
    /// dashboard without that sign-in in front: the header is trusted.
    /// </summary>
    public string SignInHeader { get; set; } = "X-MS-CLIENT-PRINCIPAL-NAME";

    /// <summary>
    /// Entra ID sign-in (production): when SignIn:Authority is set, /my accepts only a token Entra ID signed for this
    /// app, and SignInHeader is ignored.
    /// </summary>
    public SignInOptions SignIn { get; set; } = new();
}

/// <summary>
/// Bound from "Dashboard:SignIn": the Entra ID tenant (Authority, e.g. https://login.microsoftonline.com/{tenant}/v2.0)
/// and this app's registration (Audience, its client id). The token comes as a bearer token, or from the
/// X-MS-TOKEN-AAD-ID-TOKEN header that Container Apps authentication adds in front of the app; either way it is
/// validated here (signature against the tenant's published keys, issuer, audience, lifetime), never trusted as given.
/// </summary>
public sealed class SignInOptions
{
    public string? Authority { get; set; }

    public string? Audience { get; set; }

    /// <summary>Only a local test issuer runs over http; Entra ID's metadata is always https.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsEntraId => !string.IsNullOrWhiteSpace(Authority);
}
