using System.Data.Common;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Governance;

/// <summary>One signed agreement covering one LA's return type (ref.data_sharing_agreement).</summary>
public sealed record Agreement(string Id, string Name, string Purpose, bool ChildLevel, IReadOnlyList<string> WithheldFields,
    DateOnly StartsOn, DateOnly? EndsOn, int RetentionYears)
{
    public bool InForceOn(DateOnly day) => StartsOn <= day && (EndsOn is null || day <= EndsOn);
}

/// <summary>
/// The data-sharing agreements each LA has signed, as `rw migrate` applied them from
/// ReferenceData/data_sharing_agreements.csv: the platform takes an LA's return only under an agreement in force,
/// and loads none of the fields the agreements withhold.
/// </summary>
public static class DataSharingAgreements
{
    /// <summary>The LA's agreements for a return type (in force or not).</summary>
    public static IReadOnlyList<Agreement> For(DbConnection connection, IWarehouseEngine engine, string laCode, string returnType)
    {
        using var command = connection.Command(null,
            $"""
             select agreement_id, agreement_name, purpose, child_level, withheld_fields, starts_on, ends_on, retention_years
             from ref.data_sharing_agreement
             where la_dfe_code = {engine.Parameter("la")} and return_type = {engine.Parameter("rt")}
             order by starts_on, agreement_id
             """, ("la", laCode), ("rt", returnType));
        using var reader = command.ExecuteReader();
        var agreements = new List<Agreement>();
        while (reader.Read())
            agreements.Add(new Agreement(reader.GetString(0), reader.GetString(1), reader.GetString(2), Convert.ToBoolean(reader.GetValue(3)),
                reader.IsDBNull(4) ? [] : reader.GetString(4).Split(' ', StringSplitOptions.RemoveEmptyEntries),
                DbDate.ToDateOnly(reader.GetValue(5)), reader.IsDBNull(6) ? null : DbDate.ToDateOnly(reader.GetValue(6)), Convert.ToInt32(reader.GetValue(7))));
        return agreements;
    }

    /// <summary>
    /// The fields none of the agreements in force lets the platform load (a field one agreement withholds and another
    /// covers is covered); null when no agreement is in force.
    /// </summary>
    public static IReadOnlySet<string>? WithheldUnder(IReadOnlyList<Agreement> agreements, DateOnly day)
    {
        var inForce = agreements.Where(a => a.InForceOn(day)).ToList();
        if (inForce.Count == 0)
            return null;
        return inForce.Select(a => (IEnumerable<string>)a.WithheldFields).Aggregate((a, b) => a.Intersect(b, StringComparer.OrdinalIgnoreCase))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
