namespace RegionalWarehouse.Etl.Ssda903.Rules;

public sealed class EpisodeInCollectionYearRule()
    : Rule903(new("EPI-21", Dfe: "354", Note: "The platform also flags episodes that ended before the collection year"), Severity.Error, Ssda903Schema.Episodes, "Every episode is open at some point in the collection year.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes)
    {
        foreach (var r in data[Table])
        {
            if (r.Date("DECOM") is { } start && start > data.YearEnd)
                yield return Issue(r, "DECOM", $"This episode starts after 31/03/{data.CollectionYear}, the end of the collection year. It belongs in next year's return.");
            else if (r.Date("DEC") is { } end && end < data.YearStart)
                yield return Issue(r, "DEC", $"This episode ended before 01/04/{data.CollectionYear - 1}, so it is not part of the {data.CollectionYear} return. Remove it.");
        }
    }
}
