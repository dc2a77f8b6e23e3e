namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>OC2 is only for children looked after continuously for at least 12 months at 31 March.</summary>
public sealed class Oc2TwelveMonthsRule()
    : Rule903(new("OC2-01", Dfe: "185 190 198", Note: "The platform flags any OC2 record of a child not looked after for 12 months: the SDQ score (185), the other items (190) and the SDQ reason (198)"), Severity.Error, Ssda903Schema.Oc2, "An OC2 child was looked after continuously for at least 12 months at 31 March.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => !r.IsBlank("CHILD") && data.HeaderByChild.ContainsKey(r.Child) && !LookedAfterTwelveMonths(data, r.Child))
            .Select(r => Issue(r, "CHILD", $"This child was not looked after continuously from 01/04/{data.CollectionYear - 1} to 31/03/{data.CollectionYear}, so has no OC2 record. Remove the row or correct the episodes."));

    public static bool LookedAfterTwelveMonths(Ssda903Return data, string child)
    {
        if (!data.EpisodesByChild.TryGetValue(child, out var chain) || !chain[^1].IsBlank("DEC"))
            return false;
        var start = chain[^1].Date("DECOM")!.Value;
        for (var i = chain.Count - 2; i >= 0 && chain[i]["REC"] == "X1" && chain[i].Date("DEC") == start; i--)
            start = chain[i].Date("DECOM")!.Value;
        return start <= data.YearStart;
    }
}
