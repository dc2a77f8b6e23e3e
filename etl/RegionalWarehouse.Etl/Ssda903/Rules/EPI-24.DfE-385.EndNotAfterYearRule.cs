namespace RegionalWarehouse.Etl.Ssda903.Rules;

public sealed class EndNotAfterYearRule()
    : Rule903(new("EPI-24", Dfe: "385"), Severity.Error, Ssda903Schema.Episodes, "No episode ends after 31 March of the collection year.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => r.Date("DEC") is { } end && end > data.YearEnd)
            .Select(r => Issue(r, "DEC", $"DEC is after 31/03/{data.CollectionYear}. An episode still open at the year end has DEC blank."));
}
