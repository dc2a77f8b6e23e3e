using RegionalWarehouse.Etl.Validation;

namespace RegionalWarehouse.Etl.Ssda903.Rules;

public sealed class LegalStatusOnlyChangeRule()
    : EpisodeChainRule(new("EPI-18", Dfe: "434", Note: "The platform compares PLACE; the DfE also compares postcode, URN and provider"), Severity.Error, "RNE = L (legal status change only) means LS changed and PLACE did not.")
{
    protected override IEnumerable<ValidationIssue> CheckChain(List<Record903> chain, Ssda903Return data) =>
        Pairs(chain).Where(p => p.Previous["REC"] == "X1" && p.Next["RNE"] == "L"
                                && (p.Next["LS"] == p.Previous["LS"] || p.Next["PLACE"] != p.Previous["PLACE"]))
            .Select(p => Issue(p.Next, "RNE", "RNE is L (change of legal status only) but the legal status is unchanged or the placement changed. Use the RNE that describes the change (P, T or U)."));
}
