using RegionalWarehouse.Etl.Validation;

namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>A placement for adoption that ended says why.</summary>
public sealed class PlacedCeasedReasonRule()
    : Rule903("PAD-02", Severity.Error, Ssda903Schema.PlacedAdoption, "REASON_PLACED_CEASED is present exactly when DATE_PLACED_CEASED is.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes)
    {
        foreach (var r in data[Table])
        {
            if (!r.IsBlank("DATE_PLACED_CEASED") && r.IsBlank("REASON_PLACED_CEASED"))
                yield return Issue(r, "REASON_PLACED_CEASED", "The placement for adoption ended but no reason is given. Enter REASON_PLACED_CEASED.");
            else if (r.IsBlank("DATE_PLACED_CEASED") && !r.IsBlank("REASON_PLACED_CEASED"))
                yield return Issue(r, "REASON_PLACED_CEASED", "A reason is given but DATE_PLACED_CEASED is blank. Enter the date or clear the reason.");
        }
    }
}

/// <summary>An unaccompanied asylum-seeking child's status ends after their birth.</summary>
public sealed class UascCeasedAfterBirthRule()
    : Rule903("UAS-01", Severity.Error, Ssda903Schema.Uasc, "DUC (date UASC status ceased) is after DOB.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => r.Date("DUC") is { } duc && (r.Date("DOB") ?? data.DateOfBirth(r.Child)) is { } dob && duc <= dob)
            .Select(r => Issue(r, "DUC", "DUC is on or before the child's date of birth. Correct DUC."));
}
