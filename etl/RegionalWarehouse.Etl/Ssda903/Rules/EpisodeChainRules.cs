using RegionalWarehouse.Etl.Privacy;
using RegionalWarehouse.Etl.Validation;

namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>Episode rules that look along one child's chain of episodes, in start order.</summary>
public abstract class EpisodeChainRule(string code, Severity severity, string description)
    : Rule903(code, severity, Ssda903Schema.Episodes, description)
{
    public sealed override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data.EpisodesByChild.Values.SelectMany(chain => CheckChain(chain, data));

    protected abstract IEnumerable<ValidationIssue> CheckChain(List<Record903> chain, Ssda903Return data);

    protected static IEnumerable<(Record903 Previous, Record903 Next)> Pairs(List<Record903> chain) =>
        chain.Zip(chain.Skip(1));
}

public sealed class EpisodesDoNotOverlapRule()
    : EpisodeChainRule("EPI-13", Severity.Error, "A child's episodes do not overlap: each starts on or after the previous one ends.")
{
    protected override IEnumerable<ValidationIssue> CheckChain(List<Record903> chain, Ssda903Return data) =>
        Pairs(chain).Where(p => p.Previous.Date("DEC") is { } end && p.Next.Date("DECOM") < end)
            .Select(p => Issue(p.Next, "DECOM", $"This episode starts before the child's previous episode (row {p.Previous.Row}) ends. Correct DECOM here or DEC there."));
}

public sealed class OnlyLatestEpisodeOpenRule()
    : EpisodeChainRule("EPI-14", Severity.Error, "Only a child's latest episode may be open (blank DEC).")
{
    protected override IEnumerable<ValidationIssue> CheckChain(List<Record903> chain, Ssda903Return data) =>
        chain.Take(chain.Count - 1).Where(r => r.IsBlank("DEC"))
            .Select(r => Issue(r, "DEC", "This episode has no end date but the child has a later episode. Enter DEC (and REC) for this episode."));
}

public sealed class X1ContinuityRule()
    : EpisodeChainRule("EPI-15", Severity.Error, "An episode ending with REC = X1 is followed by an episode starting the same day.")
{
    protected override IEnumerable<ValidationIssue> CheckChain(List<Record903> chain, Ssda903Return data)
    {
        for (var i = 0; i < chain.Count; i++)
        {
            var r = chain[i];
            if (r["REC"] != "X1" || r.Date("DEC") is not { } end)
                continue;
            if (i == chain.Count - 1 || chain[i + 1].Date("DECOM") != end)
                yield return Issue(r, "REC", "REC is X1 (a new episode starts the same day) but no episode starts on this episode's DEC. Add the next episode or correct REC.");
        }
    }
}

public sealed class GapAfterCeasedCareRule()
    : EpisodeChainRule("EPI-16", Severity.Error, "An episode starting the day the previous one ended follows REC = X1.")
{
    protected override IEnumerable<ValidationIssue> CheckChain(List<Record903> chain, Ssda903Return data) =>
        Pairs(chain).Where(p => p.Previous["REC"] is { Length: > 0 } rec && rec != "X1" && p.Previous.Date("DEC") == p.Next.Date("DECOM"))
            .Select(p => Issue(p.Next, "DECOM", $"This episode starts the day the previous one (row {p.Previous.Row}) ended with REC {p.Previous["REC"]}, which ends care. Use REC X1 there if care continued."));
}

public sealed class NewPeriodStartsWithSRule()
    : EpisodeChainRule("EPI-17", Severity.Error, "The first episode of a period of care has RNE = S, and only the first does.")
{
    protected override IEnumerable<ValidationIssue> CheckChain(List<Record903> chain, Ssda903Return data)
    {
        var first = chain[0];
        if (first.Date("DECOM") >= data.YearStart && first["RNE"] is { Length: > 0 } rne && rne != "S")
            yield return Issue(first, "RNE", $"This is the child's first episode in the return and starts in the year, so it starts a period of care: RNE should be S, not {rne}.");
        foreach (var (previous, next) in Pairs(chain))
        {
            var continues = previous["REC"] == "X1";
            if (!continues && !next.IsBlank("RNE") && next["RNE"] != "S")
                yield return Issue(next, "RNE", $"The previous episode (row {previous.Row}) ended care, so this one starts a new period of care: RNE should be S.");
            else if (continues && next["RNE"] == "S")
                yield return Issue(next, "RNE", $"The previous episode (row {previous.Row}) ended with X1, so care continued: RNE cannot be S. Use L, P, T or U.");
        }
    }
}

public sealed class LegalStatusOnlyChangeRule()
    : EpisodeChainRule("EPI-18", Severity.Error, "RNE = L (legal status change only) means LS changed and PLACE did not.")
{
    protected override IEnumerable<ValidationIssue> CheckChain(List<Record903> chain, Ssda903Return data) =>
        Pairs(chain).Where(p => p.Previous["REC"] == "X1" && p.Next["RNE"] == "L"
                                && (p.Next["LS"] == p.Previous["LS"] || p.Next["PLACE"] != p.Previous["PLACE"]))
            .Select(p => Issue(p.Next, "RNE", "RNE is L (change of legal status only) but the legal status is unchanged or the placement changed. Use the RNE that describes the change (P, T or U)."));
}

public sealed class PlacementOnlyChangeRule()
    : EpisodeChainRule("EPI-23", Severity.Error, "RNE = P (placement change only) means LS did not change.")
{
    protected override IEnumerable<ValidationIssue> CheckChain(List<Record903> chain, Ssda903Return data) =>
        Pairs(chain).Where(p => p.Previous["REC"] == "X1" && p.Next["RNE"] == "P" && p.Next["LS"] != p.Previous["LS"])
            .Select(p => Issue(p.Next, "LS", "RNE is P (change of placement only) but the legal status changed too. Use RNE T, or correct LS."));
}

public sealed class BornBeforeEpisodeRule()
    : Rule903("EPI-19", Severity.Error, Ssda903Schema.Episodes, "The child's DOB (Header) is not after the episode's DECOM.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => r.Date("DECOM") is { } start && data.DateOfBirth(r.Child) is { } dob && dob > start)
            .Select(r => Issue(r, "DECOM", "The episode starts before the child's date of birth in the Header table. Correct DECOM or DOB."));
}

public sealed class UnderEighteenAtStartRule()
    : Rule903("EPI-20", Severity.Error, Ssda903Schema.Episodes, "A child is under 18 when an episode starts.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => r.Date("DECOM") is { } start && data.DateOfBirth(r.Child) is { } dob && dob <= start && Degrade.AgeOn(dob, start) >= 18)
            .Select(r => Issue(r, "DECOM", "The child was 18 or over when this episode started; a young adult cannot start to be looked after. Check DECOM and DOB."));
}

public sealed class EpisodeInCollectionYearRule()
    : Rule903("EPI-21", Severity.Error, Ssda903Schema.Episodes, "Every episode is open at some point in the collection year.")
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

public sealed class EndNotAfterYearRule()
    : Rule903("EPI-24", Severity.Error, Ssda903Schema.Episodes, "No episode ends after 31 March of the collection year.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => r.Date("DEC") is { } end && end > data.YearEnd)
            .Select(r => Issue(r, "DEC", $"DEC is after 31/03/{data.CollectionYear}. An episode still open at the year end has DEC blank."));
}

public sealed class PostcodeFormatRule(string code, string column)
    : Rule903(code, Severity.Warning, Ssda903Schema.Episodes, $"Episodes {column} is a UK postcode (or its district).")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => !r.IsBlank(column) && Degrade.ToDistrict(r[column]) is null)
            .Select(r => Issue(r, column, $"{column} is not a recognisable UK postcode, so it will not be kept. Correct it, e.g. AB12 3CD."));
}


/// <summary>An item that a kind of placement does not have (a temporary placement has no provider).</summary>
public sealed class BlankForPlacementRule(string code, string column, string[] placements, string fix)
    : Rule903(code, Severity.Error, Ssda903Schema.Episodes, $"Episodes {column} is blank for placements {string.Join(", ", placements)}.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => placements.Contains(r["PLACE"]) && !r.IsBlank(column))
            .Select(r => Issue(r, column, fix));
}

/// <summary>
/// A placement type withdrawn part-way through a collection year: episodes starting from the date may not
/// use it (the code list alone cannot say so, as it is still valid for the year's earlier episodes).
/// </summary>
public sealed class PlacementNoLongerValidRule(string code, string placement, DateOnly withdrawn)
    : Rule903(code, Severity.Error, Ssda903Schema.Episodes, $"No episode starting on or after {withdrawn:dd/MM/yyyy} has placement type {placement}.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => r["PLACE"] == placement && r.Date("DECOM") >= withdrawn)
            .Select(r => Issue(r, "PLACE",
                $"{placement} is not a placement type for episodes starting on or after {withdrawn:dd/MM/yyyy}. Record the placement with the code that replaced it for the accommodation the child is in."));
}

/// <summary>
/// A legal status the law limits in time (police protection 72 hours, remand to LA accommodation under
/// PACE 21 days): a run of consecutive episodes under it, each starting the day the last ended, may not
/// last longer. An open run is measured to 31 March.
/// </summary>
public sealed class LegalStatusDurationRule(string code, string legalStatus, int maxDays, string limit)
    : EpisodeChainRule(code, Severity.Error, $"A spell under legal status {legalStatus} lasts no more than {maxDays} days ({limit}).")
{
    protected override IEnumerable<ValidationIssue> CheckChain(List<Record903> chain, Ssda903Return data)
    {
        var run = new List<Record903>();
        foreach (var episode in chain.Append(null))
        {
            var continues = episode is not null && episode["LS"] == legalStatus && run.Count > 0 && run[^1].Date("DEC") is { } end && episode.Date("DECOM") == end;
            if (!continues)
            {
                if (run.Count > 0 && run[0].Date("DECOM") is { } start && (run[^1].Date("DEC") ?? data.YearEnd).DayNumber - start.DayNumber > maxDays)
                    foreach (var r in run)
                        yield return Issue(r, "LS", $"The child was under legal status {legalStatus} for more than {maxDays} days ({limit}). Check the dates, or record the legal status that followed.");
                run.Clear();
            }
            if (episode is not null && episode["LS"] == legalStatus)
                run.Add(episode);
        }
    }
}
