using RegionalWarehouse.Etl.Privacy;

namespace RegionalWarehouse.Etl.Ssda903.Rules;

public sealed class PostcodeFormatRule(RuleCode code, string column)
    : Rule903(code, Severity.Warning, Ssda903Schema.Episodes, $"Episodes {column} is a UK postcode (or its district).")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => !r.IsBlank(column) && Degrade.ToDistrict(r[column]) is null)
            .Select(r => Issue(r, column, $"{column} is not a recognisable UK postcode, so it will not be kept. Correct it, e.g. AB12 3CD."));
}
