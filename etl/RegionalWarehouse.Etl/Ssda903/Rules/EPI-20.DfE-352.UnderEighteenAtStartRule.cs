using RegionalWarehouse.Etl.Privacy;

namespace RegionalWarehouse.Etl.Ssda903.Rules;

public sealed class UnderEighteenAtStartRule()
    : Rule903(new("EPI-20", Dfe: "352", Note: "DfE 352 checks episodes with RNE S; the platform checks every episode"), Severity.Error, Ssda903Schema.Episodes, "A child is under 18 when an episode starts.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => r.Date("DECOM") is { } start && data.DateOfBirth(r.Child) is { } dob && dob <= start && Degrade.AgeOn(dob, start) >= 18)
            .Select(r => Issue(r, "DECOM", "The child was 18 or over when this episode started; a young adult cannot start to be looked after. Check DECOM and DOB."));
}
