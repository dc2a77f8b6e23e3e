namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>An unaccompanied asylum-seeking child's status ends after their birth.</summary>
public sealed class UascCeasedAfterBirthRule()
    : Rule903("UAS-01", Severity.Error, Ssda903Schema.Uasc, "DUC (date UASC status ceased) is after DOB.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => r.Date("DUC") is { } duc && (r.Date("DOB") ?? data.DateOfBirth(r.Child)) is { } dob && duc <= dob)
            .Select(r => Issue(r, "DUC", "DUC is on or before the child's date of birth. Correct DUC."));
}
