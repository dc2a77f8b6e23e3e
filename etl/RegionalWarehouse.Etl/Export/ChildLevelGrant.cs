using System.Data.Common;
using RegionalWarehouse.Etl.Governance;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Export;

/// <summary>
/// What one named data-sharing agreement lets a file export carry at child (or family) level: the return type it
/// covers and the LAs that signed it, are in force today and were asked for. A folder of files has no row-level
/// security, so a child-level export happens only on a request naming the agreement, and carries only those LAs' rows.
/// </summary>
public sealed record ChildLevelGrant(string AgreementId, string AgreementName, string ReturnType, IReadOnlyList<int> LaKeys, IReadOnlyList<string> LaCodes)
{
    /// <summary>
    /// The grant for <paramref name="agreementId"/>, limited to <paramref name="requestedLas"/> (every signatory when
    /// empty); refused, with the reason and what to do, when the agreement does not allow it.
    /// </summary>
    public static ChildLevelGrant Resolve(DbConnection connection, IWarehouseEngine engine, string agreementId, IReadOnlyCollection<string> requestedLas, DateOnly today)
    {
        var signatories = new List<(int LaKey, string Code, string ReturnType)>();
        using (var command = connection.Command(null,
                   $"""
                    select l.la_key, a.la_dfe_code, a.return_type
                    from ref.data_sharing_agreement a join ref.local_authority l on l.dfe_code = a.la_dfe_code
                    where a.agreement_id = {engine.Parameter("id")} order by a.la_dfe_code
                    """, ("id", agreementId)))
        using (var reader = command.ExecuteReader())
            while (reader.Read())
                signatories.Add((Convert.ToInt32(reader.GetValue(0)), reader.GetString(1), reader.GetString(2)));
        if (signatories.Count == 0)
            throw new InvalidOperationException($"no data-sharing agreement is called '{agreementId}'. `rw governance report` lists the agreements; name one of them.");

        var all = signatories.Select(s => (s.LaKey, s.Code, s.ReturnType,
            Agreement: DataSharingAgreements.For(connection, engine, s.Code, s.ReturnType).Single(a => a.Id == agreementId))).ToList();
        var first = all[0].Agreement;
        if (all.Any(s => !s.Agreement.ChildLevel))
            throw new InvalidOperationException($"agreement {agreementId} ({first.Name}) shares aggregates only, so no child- or family-level rows can be exported under it.");
        var unknown = requestedLas.Where(la => all.All(s => s.Code != la)).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException($"LA {string.Join(", ", unknown)} has not signed agreement {agreementId}; its signatories are {string.Join(", ", all.Select(s => s.Code))}.");
        var asked = all.Where(s => requestedLas.Count == 0 || requestedLas.Contains(s.Code)).ToList();
        var lapsed = asked.Where(s => !s.Agreement.InForceOn(today)).Select(s => s.Code).ToList();
        if (lapsed.Count > 0)
            throw new InvalidOperationException($"agreement {agreementId} is not in force for LA {string.Join(", ", lapsed)} on {today:yyyy-MM-dd}; leave them out with --la, or renew the agreement first.");
        // A field this agreement withholds may still be in the warehouse when another agreement in force covers it.
        var wider = asked.Where(s => s.Agreement.WithheldFields.Except(
            DataSharingAgreements.WithheldUnder(DataSharingAgreements.For(connection, engine, s.Code, s.ReturnType), today) ?? new HashSet<string>(), StringComparer.OrdinalIgnoreCase).Any()).ToList();
        if (wider.Count > 0)
            throw new InvalidOperationException($"agreement {agreementId} withholds fields another agreement of LA {string.Join(", ", wider.Select(s => s.Code))} shares, so the warehouse holds " +
                "data this one does not allow; export under the wider agreement, or leave those LAs out with --la.");
        return new ChildLevelGrant(agreementId, first.Name, all[0].ReturnType, asked.Select(s => s.LaKey).ToList(), asked.Select(s => s.Code).ToList());
    }

    /// <summary>Whether an object's identifying columns (child, UPN or family keys) all come from this grant's return type.</summary>
    public bool Covers(IReadOnlyCollection<string> identifyingColumns) =>
        identifyingColumns.Count > 0 && identifyingColumns.All(c => ParquetExporter.ReturnTypeOf(c) == ReturnType);

    public string Describe() => $"agreement {AgreementId} ({AgreementName}), {ReturnType}, LA {string.Join(", ", LaCodes)}";
}
