using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Governance;

/// <summary>
/// Bound from "Access": which LA analysts may see which LA's child-level rows in the Power BI model (and their
/// own submissions and reports on the dashboard's /my page),
/// e.g. "Access": { "LaAnalysts": { "analyst@hertfordshire.gov.uk": "919" } } (several LAs comma-separated).
/// </summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    public Dictionary<string, string> LaAnalysts { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Regional leads by sign-in name: they see every member LA's submissions (and, in Power BI, no child-level rows).</summary>
    public List<string> RegionalLeads { get; set; } = [];

    /// <summary>The app role that makes a signed-in person a regional lead, as Entra ID puts it in the token's roles claim.</summary>
    public const string RegionalLeadRole = "RegionalLead";

    public bool IsRegionalLead(string user, IEnumerable<string> roles) =>
        roles.Contains(RegionalLeadRole, StringComparer.Ordinal) || RegionalLeads.Any(l => string.Equals(l.Trim(), user.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The DfE codes of the LAs one person may see (none when they are not listed); sign-in names compare without case.</summary>
    public IReadOnlyList<string> LasOf(string user) =>
        LaAnalysts.Where(a => string.Equals(a.Key.Trim(), user.Trim(), StringComparison.OrdinalIgnoreCase))
            .SelectMany(a => a.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct().ToList();
}

/// <summary>Makes ref.user_la_access (the model's RLS mapping table) match the configuration, in one transaction.</summary>
public static class UserAccess
{
    public static int Apply(IWarehouseEngine engine, AccessOptions options)
    {
        using var connection = engine.Open();
        var las = LaDirectory.Read(connection);

        var rows = new List<(string User, int LaKey)>();
        foreach (var (user, codes) in options.LaAnalysts)
            foreach (var code in codes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                rows.Add((user.Trim().ToLowerInvariant(), las.ByDfeCode(code)?.LaKey
                    ?? throw new InvalidOperationException($"Access:LaAnalysts gives {user} the LA '{code}', which is not a DfE LA code the platform knows.")));

        using var transaction = connection.BeginTransaction();
        using (var delete = connection.Command(transaction, "delete from ref.user_la_access"))
            delete.ExecuteNonQuery();
        foreach (var (user, laKey) in rows.Distinct())
            using (var insert = connection.Command(transaction, $"insert into ref.user_la_access (user_principal_name, la_key) values ({engine.Parameter("user")}, {engine.Parameter("la")})",
                       ("user", user), ("la", laKey)))
                insert.ExecuteNonQuery();
        transaction.Commit();
        return rows.Distinct().Count();
    }
}
