using static RegionalWarehouse.Etl.Ssda903.Ssda903Schema;

namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>Every social worker episode rule (the table is checked, not loaded).</summary>
public static class SocialWorkerEpisodeRules
{
    public static readonly IReadOnlyList<Rule903> All =
    [
        new RowRule("SWE-01", Header, "CHILD", "A child looked after at 31 March (other than on short breaks) has a social worker episode, when the return includes them.",
            (r, d) => d.Sources.ContainsKey(SocialWorkerEpisodes) && d.EpisodesByChild.TryGetValue(r.Child, out var chain)
                      && chain.Any(e => e.IsBlank("DEC") && e["LS"] is not ("V3" or "V4"))
                      && !d.RowsFor(SocialWorkerEpisodes, r.Child).Any(w => !w.IsBlank("SW_ID") && !w.IsBlank("SW_DECOM") && !w.IsBlank("SW_REASON")),
            "This child was looked after on 31 March but has no complete social worker episode (SW_ID, SW_DECOM, SW_REASON). Add it to the social worker episodes table."),
        new RowRule("SWE-02", SocialWorkerEpisodes, "SW_ID", "Each social worker episode has SW_ID, SW_DECOM and SW_REASON.",
            (r, _) => r.IsBlank("SW_ID") || r.IsBlank("SW_DECOM") || r.IsBlank("SW_REASON"),
            "Complete the social worker episode: SW_ID, SW_DECOM and SW_REASON are all required."),
        new RowRule("SWE-03", SocialWorkerEpisodes, "SW_DECOM", "SW_DECOM is a date (dd/mm/yyyy, with ZZ for an unknown day or month, ZZZZ for an unknown year).",
            (r, _) => !r.IsBlank("SW_DECOM") && !PartialDate.IsValid(r["SW_DECOM"]),
            "Enter the date the social worker episode began as dd/mm/yyyy (ZZ for an unknown day or month)."),
        new RowRule("SWE-04", SocialWorkerEpisodes, "SW_DECOM", "A social worker episode begins by the end of the collection year.",
            (r, d) => r.Date("SW_DECOM") > d.YearEnd,
            "This social worker episode begins after 31 March, so belongs in next year's return."),
        new ChildInHeaderRule("SWE-05", SocialWorkerEpisodes),
    ];
}
