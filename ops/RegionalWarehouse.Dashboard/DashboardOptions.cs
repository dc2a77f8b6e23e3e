namespace RegionalWarehouse.Dashboard;

/// <summary>Bound from "Dashboard": the built-in web dashboard for people without Power BI licences.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>Whether `rw worker` and `rw demo` serve the dashboard beside the workers.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where to listen. Loopback by default: put it behind the organisation's sign-in (e.g. App Service authentication) to share it.</summary>
    public string Url { get; set; } = "http://127.0.0.1:5080";
}
