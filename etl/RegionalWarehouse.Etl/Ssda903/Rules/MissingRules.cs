using static RegionalWarehouse.Etl.Ssda903.Ssda903Schema;

namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>Every Missing (missing or away from placement) rule.</summary>
public static class MissingRules
{
    public static readonly IReadOnlyList<Rule903> All =
    [
        new CodeListRule(new("MIS-01", Dfe: "1006 565 566", Note: "MISSING is required on every row, which covers 565 and 566 (a start or end date without it)"), Missing, "MISSING", required: true),
        new DateRule(new("MIS-02", Dfe: "1004 564"), Missing, "MIS_START", required: true),
        new DateOrderRule(new("MIS-03", Dfe: "567"), Missing, "MIS_START", "MIS_END"),
        new RowRule(new("MIS-13", Dfe: "570"), Missing, "MIS_START", "A missing or away-from-placement spell starts (MIS_START) by the end of the collection year.",
            (r, d) => r.Date("MIS_START") is { } start && start > d.YearEnd,
            "This spell starts after the collection year ended, so it belongs in next year's return. Remove it, or correct MIS_START."),
        new ChildInHeaderRule("MIS-04", Missing),
        new DateRule(new("MIS-05", Dfe: "1005"), Missing, "MIS_END", required: false),
        new HasEpisodesRule(new("MIS-06", Dfe: "1012"), Missing),
        new RowRule(new("MIS-07", Dfe: "578 581"), Missing, "MIS_START", "A child goes missing or away from placement only while looked after (MIS_START within one of the child's periods of care).",
            (r, d) => r.Date("MIS_START") is { } start && d.EpisodesByChild.ContainsKey(r.Child) && d.PeriodOfCareOn(r.Child, start) is null,
            "The child was not looked after on MIS_START: check the date, or the child's episodes."),
        new RowRule(new("MIS-08", Dfe: "577"), Missing, "MIS_END", "A missing or away-from-placement spell falls within one of the child's periods of care: an open spell within a period still open that began by its start, an ended one ending within a period.",
            (r, d) => r.Date("MIS_START") is { } start && d.PeriodsOfCare(r.Child) is { Count: > 0 } periods
                      && !periods.Any(p => r.Date("MIS_END") is { } end ? p.Start <= end && (p.End is null || end <= p.End) : p.End is null && p.Start <= start),
            "This spell is outside the child's care: an open spell belongs to a period of care still open (if the child has ceased to be looked after, the spell has ended too: enter MIS_END), and an ended one ends while the child was looked after. Check MIS_START, MIS_END and the episodes."),
        new RowRule(new("MIS-09", Dfe: "574"), Missing, "MIS_START", "A child's missing or away-from-placement spells do not overlap, and none starts while an earlier one is still open.",
            (r, d) => r.Date("MIS_START") is { } start && d.RowsBefore(r, "MIS_START").Any(p => p.Date("MIS_END") is not { } ended || start < ended),
            "This spell starts before the child's previous missing or away spell ended (or that one has no end date): check MIS_START and the previous spell's MIS_END."),
        new RowRule(new("MIS-10", Dfe: "575", Note: "The placement a child went missing from is the latest begun by that day (the DfE also counts one ending that day)"), Missing, "MIS_END", "A missing or away-from-placement spell that began in a placement that has since ended has an end date.",
            (r, d) => r.IsBlank("MIS_END") && r.Date("MIS_START") is { } start && d.EpisodesByChild.TryGetValue(r.Child, out var chain)
                      && chain.LastOrDefault(e => e.Date("DECOM") <= start)?.Date("DEC") is { } end && start <= end,
            "The placement the child went missing from has ended, so the spell has ended too: enter MIS_END."),
        new RowRule(new("MIS-11", Dfe: "571"), Missing, "MIS_END", "A missing or away-from-placement spell's end (MIS_END) is within the collection year.",
            (r, d) => r.Date("MIS_END") is { } end && (end < d.YearStart || end > d.YearEnd),
            "MIS_END is outside this collection year (1 April to 31 March): check the date, or leave it blank while the spell continues."),
        new RowRule(new("MIS-12", Dfe: "576"), Missing, "MIS_START", "A child's first missing or away spell this year carries on the spell last year's return left open (the same start).",
            (r, d) => d.Previous.OpenMissingStart(r.Child) is { } openStart && r.Date("MIS_START") is { } start && start != openStart
                      && d.RowsFor(Missing, r.Child).Min(m => m.Date("MIS_START")) == start,
            "Last year's return left a missing or away spell open for this child; this year's return should carry it on with the same MIS_START. Check the dates, or last year's."),
    ];
}
