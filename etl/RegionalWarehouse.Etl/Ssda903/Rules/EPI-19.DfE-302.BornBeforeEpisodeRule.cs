namespace RegionalWarehouse.Etl.Ssda903.Rules;

public sealed class BornBeforeEpisodeRule()
    : Rule903(new("EPI-19", Dfe: "302", Note: "DfE 302 checks the first episode; the platform checks every episode"), Severity.Error, Ssda903Schema.Episodes, "The child's DOB (Header) is not after the episode's DECOM.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => r.Date("DECOM") is { } start && data.DateOfBirth(r.Child) is { } dob && dob > start)
            .Select(r => Issue(r, "DECOM", "The episode starts before the child's date of birth in the Header table. Correct DECOM or DOB."));
}
