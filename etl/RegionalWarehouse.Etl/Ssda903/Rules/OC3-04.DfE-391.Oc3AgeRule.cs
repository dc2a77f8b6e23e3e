using RegionalWarehouse.Etl.Privacy;

namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>OC3 covers care leavers whose 17th to 21st birthday falls in the collection year.</summary>
public sealed class Oc3AgeRule()
    : Rule903(new("OC3-04", Dfe: "391", Note: "The platform checks the whole 17-21 window; DfE 391 the lower end"), Severity.Error, Ssda903Schema.Oc3, "An OC3 young person has their 17th to 21st birthday in the collection year.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => r.Date("DOB") is { } dob && AgeReachedInYear(dob, data) is < 17 or > 21)
            .Select(r => Issue(r, "DOB", "This young person does not turn 17 to 21 in the collection year, so has no OC3 record. Check DOB or remove the row."));

    public static int AgeReachedInYear(DateOnly dob, Ssda903Return data) => Degrade.AgeOn(dob, data.YearEnd);
}
