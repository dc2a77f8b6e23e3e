namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>Only a female child can be recorded as a mother.</summary>
public sealed class MotherIsFemaleRule()
    : Rule903(new("HDR-06", Dfe: "165", Note: "The sex half of DfE 165; HDR-10 checks the code"), Severity.Error, Ssda903Schema.Header, "MOTHER = 1 only where SEX = 2 (female).")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => r["MOTHER"] == "1" && SexCode.IsMale(r["SEX"]))
            .Select(r => Issue(r, "MOTHER", "MOTHER is 1 but SEX is 1 (male). Correct SEX or MOTHER."));
}
