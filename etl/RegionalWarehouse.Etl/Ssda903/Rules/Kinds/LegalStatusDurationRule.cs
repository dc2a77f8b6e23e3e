namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>
/// A legal status the law limits in time (police protection 72 hours, remand to LA accommodation under
/// PACE 21 days): a run of consecutive episodes under it, each starting the day the last ended, may not
/// last longer. An open run is measured to 31 March.
/// </summary>
public sealed class LegalStatusDurationRule(RuleCode code, string legalStatus, int maxDays, string limit)
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
