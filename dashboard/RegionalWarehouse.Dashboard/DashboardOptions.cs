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
}
