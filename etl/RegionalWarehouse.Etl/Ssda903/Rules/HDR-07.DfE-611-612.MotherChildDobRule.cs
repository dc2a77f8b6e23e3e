namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>A mother's child's date of birth is given exactly when MOTHER = 1.</summary>
public sealed class MotherChildDobRule()
    : Rule903(new("HDR-07", Dfe: "611 612"), Severity.Error, Ssda903Schema.Header, "MC_DOB is present when MOTHER = 1 and blank otherwise.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes)
    {
        foreach (var r in data[Table])
        {
            if (r["MOTHER"] == "1" && r.IsBlank("MC_DOB"))
                yield return Issue(r, "MC_DOB", "MOTHER is 1 but MC_DOB is blank. Enter the date of birth of the young person's child.");
            else if (r["MOTHER"] != "1" && !r.IsBlank("MC_DOB"))
                yield return Issue(r, "MC_DOB", "MC_DOB is filled in but MOTHER is not 1. Set MOTHER to 1 or clear MC_DOB.");
        }
    }
}
