using static RegionalWarehouse.Etl.Ssda903.Ssda903Schema;

namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>Every social worker episode rule.</summary>
public static class SocialWorkerEpisodeRules
{
    public static readonly IReadOnlyList<Rule903> All =
    [
        new RowRule(new("SWE-01", Dfe: "SW01STG1", FirstYear: 2024), Header, "CHILD", "A child looked after at 31 March (other than on short breaks) has a social worker episode, when the return includes them.",
            (r, d) => d.Sources.ContainsKey(SocialWorkerEpisodes) && d.EpisodesByChild.TryGetValue(r.Child, out var chain)
                      && chain.Any(e => e.IsBlank("DEC") && e["LS"] is not ("V3" or "V4"))
                      && !d.RowsFor(SocialWorkerEpisodes, r.Child).Any(w => !w.IsBlank("SW_ID") && !w.IsBlank("SW_DECOM") && !w.IsBlank("SW_REASON")),
            "This child was looked after on 31 March but has no complete social worker episode (SW_ID, SW_DECOM, SW_REASON). Add it to the social worker episodes table."),
        new RowRule(new("SWE-02", Dfe: "SW03STG1", FirstYear: 2024, LastYear: 2024, Note: "In 2023/24; from 2024/25 the DfE no longer requires the reason for episodes before April 2023 (SWE-14)"), SocialWorkerEpisodes, "SW_ID", "Each social worker episode has SW_ID, SW_DECOM and SW_REASON.",
            (r, _) => r.IsBlank("SW_ID") || r.IsBlank("SW_DECOM") || r.IsBlank("SW_REASON"),
            "Complete the social worker episode: SW_ID, SW_DECOM and SW_REASON are all required."),
        new RowRule(new("SWE-03", Dfe: "SW04STG1", FirstYear: 2024), SocialWorkerEpisodes, "SW_DECOM", "SW_DECOM is a date (dd/mm/yyyy, with ZZ for an unknown day or month, ZZZZ for an unknown year).",
            (r, _) => !r.IsBlank("SW_DECOM") && !PartialDate.IsValid(r["SW_DECOM"]),
            "Enter the date the social worker episode began as dd/mm/yyyy (ZZ for an unknown day or month)."),
        new RowRule(new("SWE-04", Dfe: "SW06STG2", FirstYear: 2024), SocialWorkerEpisodes, "SW_DECOM", "A social worker episode begins by the end of the collection year.",
            (r, d) => r.Date("SW_DECOM") > d.YearEnd,
            "This social worker episode begins after 31 March, so belongs in next year's return."),
        new ChildInHeaderRule(new("SWE-05", FirstYear: 2024), SocialWorkerEpisodes),
        new RowRule(new("SWE-06", Dfe: "SW02STG1", FirstYear: 2024), SocialWorkerEpisodes, "SW_ID", "A social worker's ID begins with SW (or XX where it is not known).",
            (r, _) => !r.IsBlank("SW_ID") && !r["SW_ID"].StartsWith("SW", StringComparison.Ordinal) && !r["SW_ID"].StartsWith("XX", StringComparison.Ordinal),
            "Enter the social worker's ID as the DfE's workforce census records it (it begins SW), or XX if it is not known."),
        new RowRule(new("SWE-07", Dfe: "SW05STG1", FirstYear: 2024), SocialWorkerEpisodes, "SW_DEC", "SW_DEC is a date (dd/mm/yyyy, with ZZ for an unknown day or month, ZZZZ for an unknown year).",
            (r, _) => !r.IsBlank("SW_DEC") && !PartialDate.IsValid(r["SW_DEC"]),
            "Enter the date the social worker episode ended as dd/mm/yyyy (ZZ for an unknown day or month)."),
        new RowRule(new("SWE-08", Dfe: "SW07STG2", FirstYear: 2024), SocialWorkerEpisodes, "SW_DEC", "A social worker episode that ended did so within the collection year.",
            (r, d) => r.Date("SW_DEC") is { } end && (end < d.YearStart || end > d.YearEnd),
            "SW_DEC is outside this collection year (1 April to 31 March): check the date, or leave it blank for an episode still open."),
        new RowRule(new("SWE-09", Dfe: "SW08STG2 SW14STG2", FirstYear: 2024), SocialWorkerEpisodes, "SW_DEC", "Every social worker episode but the child's latest has ended (SW_DEC).",
            (r, d) => r.IsBlank("SW_DEC") && r.Date("SW_DECOM") is { } start && d.RowsFor(SocialWorkerEpisodes, r.Child).Any(w => w.Date("SW_DECOM") > start),
            "A later social worker episode has started, so this one has ended: enter SW_DEC."),
        new RowRule(new("SWE-10", Dfe: "SW09STG2", FirstYear: 2024), SocialWorkerEpisodes, "SW_DEC", "A social worker episode lasts at least a day (SW_DEC is not SW_DECOM).",
            (r, _) => !r.IsBlank("SW_DEC") && r["SW_DEC"] == r["SW_DECOM"],
            "This social worker episode ends the day it starts: check the dates.", Severity.Warning),
        new RowRule(new("SWE-11", Dfe: "SW10STG2", FirstYear: 2024), SocialWorkerEpisodes, "SW_DECOM", "A social worker episode starts within 7 days of the end of the child's previous one.",
            (r, d) => DaysFromPreviousEnd(r, d) is { Days: > 7 },
            "A new social worker takes over when the last one leaves: SW_DECOM is within 7 days of the previous episode's SW_DEC. Check the dates."),
        new CodeListRule(new("SWE-12", Dfe: "SW13STG1", FirstYear: 2024, Note: "The code meanings are marked verify in the code list"), SocialWorkerEpisodes, "SW_REASON"),
        new RowRule(new("SWE-13", Dfe: "SW11STG2", FirstYear: 2024), SocialWorkerEpisodes, "SW_DEC", "A social worker episode that ended before 31 March is followed by the child's next one.",
            (r, d) => r.Date("SW_DEC") is { } end && end < d.YearEnd && !d.RowsFor(SocialWorkerEpisodes, r.Child).Any(w => !ReferenceEquals(w, r) && w.Date("SW_DECOM") >= end),
            "This social worker episode ended before 31 March but no later one follows: add the episode of the social worker who took over."),
        new RowRule(new("SWE-14", Dfe: "SW01aSTG1 SW01bSTG1", FirstYear: 2025), SocialWorkerEpisodes, "SW_ID", "Each social worker episode has its start (SW_DECOM) and social worker (SW_ID), and one starting on or after 1 April 2023 its reason (SW_REASON).",
            (r, _) => r.IsBlank("SW_DECOM") || r.IsBlank("SW_ID") || r.Date("SW_DECOM") >= new DateOnly(2023, 4, 1) && r.IsBlank("SW_REASON"),
            "Complete the social worker episode: SW_DECOM and SW_ID, and SW_REASON for an episode starting on or after 1 April 2023."),
        new RowRule(new("SWE-15", Dfe: "SW15STG2", FirstYear: 2025), SocialWorkerEpisodes, "SW_REASON", "A social worker episode starting within the year before the collection year, or in it, has its reason for the change of social worker.",
            (r, d) => r.IsBlank("SW_REASON") && r.Date("SW_DECOM") is { } start && start >= d.YearStart.AddYears(-1),
            "Enter the reason the child's social worker changed (SW_REASON)."),
        new RowRule(new("SWE-16", Dfe: "SW11aSTG2", FirstYear: 2024, Note: "The DfE's SW11b (an episode ending in the last 5 days of the year) is not checked: its condition is not clear enough to state"), SocialWorkerEpisodes, "SW_DECOM", "A social worker episode following one that ended more than 5 days before 31 March starts within 5 days of that end.",
            (r, d) => DaysFromPreviousEnd(r, d) is { Days: > 5 } gap && gap.PreviousEnd <= d.YearEnd.AddDays(-5),
            "The child's previous social worker episode ended more than 5 days before (or after) this one began: check SW_DECOM and the previous episode's SW_DEC."),
        CarriesOnLastYearsSocialWorker(new("SWE-17", Dfe: "SW16aSTG2", FirstYear: 2025, Note: "Against last year's open episode as the warehouse holds it (SW_ID as a keyed pseudonym)"), "SW_ID", "social worker",
            (w, open, d) => open.SocialWorker is { } worker && d.Previous.SocialWorkerKeyOf(w["SW_ID"]) != worker),
        CarriesOnLastYearsSocialWorker(new("SWE-18", Dfe: "SW16bSTG2", FirstYear: 2025), "SW_DECOM", "start date", (w, open, _) => w.Date("SW_DECOM") is { } start && start != open.Start),
        CarriesOnLastYearsSocialWorker(new("SWE-19", Dfe: "SW16cSTG2", FirstYear: 2025), "SW_REASON", "reason", (w, open, _) => open.Reason is { } reason && !w.IsBlank("SW_REASON") && w["SW_REASON"] != reason),
    ];

    /// <summary>
    /// The child's first social worker episode this year carries on the one last year's return left open (as the
    /// warehouse holds it): the same <paramref name="what"/>.
    /// </summary>
    private static RowRule CarriesOnLastYearsSocialWorker(RuleCode code, string column, string what, Func<Record903, OpenSocialWorkerEpisode, Ssda903Return, bool> differs) =>
        new(code, SocialWorkerEpisodes, column, $"A child's first social worker episode this year has the {what} of the episode last year's return left open.",
            (r, d) => d.Previous.OpenSocialWorkerEpisodeOf(r.Child) is { } open && r.Date("SW_DECOM") is not null && !d.RowsBefore(r, "SW_DECOM").Any()
                      && differs(r, open, d),
            $"Last year's return left this child's social worker episode open; this year's first episode carries it on, so its {column} is last year's. Check it, or last year's return.");

    /// <summary>How far a social worker episode's start is from the end of the child's episode before it (either side), and that end.</summary>
    private static (int Days, DateOnly PreviousEnd)? DaysFromPreviousEnd(Record903 episode, Ssda903Return data) =>
        episode.Date("SW_DECOM") is { } start && data.RowBefore(episode, "SW_DECOM") is { } before && before.Date("SW_DEC") is { } ended
            ? (Math.Abs(start.DayNumber - ended.DayNumber), ended)
            : null;
}
