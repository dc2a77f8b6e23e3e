using static RegionalWarehouse.Etl.Ssda903.Ssda903Schema;

namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>Every PrevPerm (previous permanence) rule.</summary>
public static class PreviousPermanenceRules
{
    public static readonly IReadOnlyList<Rule903> All =
    [
        new CodeListRule(new("PPM-01", Dfe: "631"), PrevPerm, "PREV_PERM"),
        new ChildInHeaderRule("PPM-02", PrevPerm),
        new HasEpisodesRule(new("PPM-07", Dfe: "1012"), PrevPerm),
        new RowRule(new("PPM-04", Dfe: "634"), PrevPerm, "PREV_PERM", "Previous permanence is recorded only for a child who started to be looked after in the collection year.",
            (r, d) => d.EpisodesByChild.TryGetValue(r.Child, out var chain) && chain.All(e => e.Date("DECOM") is not { } start || start < d.YearStart)
                      && (!r.IsBlank("PREV_PERM") || !r.IsBlank("LA_PERM") || !r.IsBlank("DATE_PERM")),
            "Previous permanence is recorded when a child starts to be looked after; this child's episodes all started before the year. Remove the row or check the episodes."),
        new RowRule(new("PPM-05", Dfe: "632"), PrevPerm, "DATE_PERM", "DATE_PERM is a date (dd/mm/yyyy, with ZZ for an unknown day or month, ZZZZ for an unknown year) before the child's first episode.",
            (r, d) => !r.IsBlank("DATE_PERM") && (!PartialDate.IsValid(r["DATE_PERM"])
                      || r.Date("DATE_PERM") is { } date && d.EpisodesByChild.TryGetValue(r.Child, out var chain) && chain[0].Date("DECOM") is { } first && date >= first),
            "Enter the date of the previous permanence order as dd/mm/yyyy (ZZ for an unknown day or month), before the child started to be looked after."),
        new RowRule(new("PPM-06", Dfe: "635"), PrevPerm, "PREV_PERM", "A previous permanence order's LA or date comes with its option (PREV_PERM P1-P4).",
            (r, _) => (!r.IsBlank("LA_PERM") || !r.IsBlank("DATE_PERM")) && r["PREV_PERM"] is "" or "Z1",
            "LA_PERM or DATE_PERM is given but PREV_PERM says there was no previous permanence option. Enter the option (P1-P4) or clear the LA and date."),
        new FormatRule(new("PPM-03", Dfe: "633"), PrevPerm, "LA_PERM", Formats.IsLaCode, "a three-digit DfE LA code or WAL, SCO, NIR or NUK",
            "Enter the DfE code of the LA where the permanence order was made (e.g. 919), or WAL, SCO, NIR or NUK outside England."),
    ];
}
