using static RegionalWarehouse.Etl.Ssda903.Ssda903Schema;

namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>Every PlacedAdoption (decisions to place for adoption) rule.</summary>
public static class PlacedForAdoptionRules
{
    public static readonly IReadOnlyList<Rule903> All =
    [
        new DateRule(new("PAD-01", Dfe: "115 563"), PlacedAdoption, "DATE_PLACED", required: true),
        new ReasonWithEndDateRule(new("PAD-02", Dfe: "119"), PlacedAdoption, "DATE_PLACED_CEASED", "REASON_PLACED_CEASED", "REASON_PLACED_CEASED is present exactly when DATE_PLACED_CEASED is.",
            "The placement for adoption ended but no reason is given. Enter REASON_PLACED_CEASED.",
            "A reason is given but DATE_PLACED_CEASED is blank. Enter the date or clear the reason."),
        new DateOrderRule(new("PAD-03", Dfe: "522"), PlacedAdoption, "DATE_PLACED", "DATE_PLACED_CEASED"),
        new CodeListRule(new("PAD-04", Dfe: "120"), PlacedAdoption, "REASON_PLACED_CEASED"),
        new DateRule(new("PAD-05", Dfe: "116"), PlacedAdoption, "DATE_PLACED_CEASED", required: false),
        new HasEpisodesRule(new("PAD-10", Dfe: "1012"), PlacedAdoption),
        new RowRule(new("PAD-09", Dfe: "1003"), PlacedAdoption, "DATE_PLACED", "The decision that a child should be placed for adoption is not before the child's first period of care began.",
            (r, d) => r.Date("DATE_PLACED") is { } placed && d.EpisodesByChild.TryGetValue(r.Child, out var chain)
                      && chain.FirstOrDefault(e => e["RNE"] == "S")?.Date("DECOM") is { } started && placed < started,
            "DATE_PLACED is before the child started to be looked after. Check DATE_PLACED and the first episode's DECOM."),
        new RowRule(new("PAD-06", Dfe: "184"), PlacedAdoption, "DATE_PLACED", "DATE_PLACED is not before the child's date of birth.",
            (r, d) => r.Date("DATE_PLACED") is { } placed && d.DateOfBirth(r.Child) is { } dob && placed < dob,
            "The decision that the child should be placed for adoption is dated before the child was born: correct DATE_PLACED (or the Header DOB)."),
        new RowRule(new("PAD-07", Dfe: "117"), PlacedAdoption, "DATE_PLACED", "DATE_PLACED and DATE_PLACED_CEASED are not after 31 March of the collection year, nor after the child ceased to be looked after (the end of the latest episode not ending X1).",
            (r, d) => r.Date("DATE_PLACED") is var placed && r.Date("DATE_PLACED_CEASED") is var reversed
                      && (placed > d.YearEnd || reversed > d.YearEnd
                          || (d.EpisodesByChild.TryGetValue(r.Child, out var chain) && chain.LastOrDefault(e => e["REC"] != "X1")?.Date("DEC") is { } ceased
                              && (placed > ceased || reversed > ceased))),
            "A decision dated after 31 March belongs in next year's return, and one dated after the child ceased to be looked after is not recorded: correct the date."),
        new RowRule(new("PAD-08", Dfe: "118", Note: "DfE 118 also compares with the start of the child's first episode"), PlacedAdoption, "DATE_PLACED_CEASED", "DATE_PLACED_CEASED is not before 1 April of the collection year.",
            (r, d) => r.Date("DATE_PLACED_CEASED") < d.YearStart,
            "A decision reversed before this collection year belongs in an earlier return: correct DATE_PLACED_CEASED or remove it."),
        new RowRule(new("PAD-11", Dfe: "523"), PlacedAdoption, "DATE_PLACED", "The decision that the child should be placed for adoption (DATE_PLACED) is dated the same day as the AD1 decision that adoption is in the child's best interests (DATE_INT).",
            (r, d) => r.Date("DATE_PLACED") is { } placed && d.RowsFor(Ad1, r.Child).Any(a => a.Date("DATE_INT") is { } decided && decided != placed),
            "DATE_PLACED and the AD1 DATE_INT record the same decision, so they are the same date. Correct whichever is wrong."),
        new RowRule(new("PAD-12", Dfe: "558", Note: "Follows the DfE message; the reference implementation counts reversed decisions per year"), PlacedAdoption, "DATE_PLACED_CEASED", "A child adopted in the return (an episode ending E11 or E12) has a decision to place for adoption that was not reversed.",
            (r, d) => !r.IsBlank("DATE_PLACED_CEASED") && d.EpisodesByChild.TryGetValue(r.Child, out var chain) && chain.Any(e => e["REC"] is "E11" or "E12")
                      && d.RowsFor(PlacedAdoption, r.Child).All(p => !p.IsBlank("DATE_PLACED_CEASED")),
            "The child was adopted, so the decision to place them for adoption was not reversed: clear DATE_PLACED_CEASED and REASON_PLACED_CEASED, or check REC."),
        new RowRule(new("PAD-13", Dfe: "552"), PlacedAdoption, "DATE_PLACED", "The latest decision that the child should be placed for adoption is not after the child was first placed for adoption (A3-A6) in the return.",
            (r, d) => r.Date("DATE_PLACED") is { } decided && d.RowsFor(PlacedAdoption, r.Child).Max(p => p.Date("DATE_PLACED")) == decided
                      && d.EpisodesByChild.TryGetValue(r.Child, out var chain)
                      && chain.FirstOrDefault(e => PlacementType.IsForAdoption(e["PLACE"]))?.Date("DECOM") is { } placed && placed < decided,
            "The child was placed for adoption before this decision that they should be: check DATE_PLACED and the placement's DECOM."),
        new RowRule(new("PAD-14", Dfe: "553 555", Note: "DfE 553 and 555 for the PlacedAdoption record"), PlacedAdoption, "DATE_PLACED_CEASED", "A decision to place for adoption is not recorded as reversed while the child's placement order or freeing order (LS E1, D1) is still open.",
            (r, d) => (!r.IsBlank("DATE_PLACED_CEASED") || !r.IsBlank("REASON_PLACED_CEASED")) && d.EpisodesByChild.TryGetValue(r.Child, out var chain)
                      && chain.Any(e => e["LS"] is "E1" or "D1" && e.IsBlank("DEC")),
            "The child is still under a placement or freeing order, so the decision to place for adoption stands: clear DATE_PLACED_CEASED and REASON_PLACED_CEASED, or check the episodes."),
        new RowRule(new("PAD-15", Dfe: "554"), PlacedAdoption, "DATE_PLACED", "The decision that the child should be placed for adoption is not after the placement order (the child's first episode with LS E1) began.",
            (r, d) => r.Date("DATE_PLACED") is { } decided && d.EpisodesByChild.TryGetValue(r.Child, out var chain)
                      && chain.FirstOrDefault(e => e["LS"] == "E1")?.Date("DECOM") is { } order && decided > order,
            "The placement order began before the decision that the child should be placed for adoption: check DATE_PLACED and the first E1 episode's DECOM."),
        new RowRule(new("PAD-16", Dfe: "579"), PlacedAdoption, "DATE_PLACED", "A child's decisions to place for adoption do not overlap: a new one comes after the previous one was reversed (DATE_PLACED_CEASED).",
            (r, d) => r.Date("DATE_PLACED") is { } decided && d.RowBefore(r, "DATE_PLACED") is { } before
                      && (before.Date("DATE_PLACED_CEASED") is not { } reversed || decided < reversed),
            "This decision starts before the child's previous decision to place for adoption was reversed (or that one is still open): check DATE_PLACED and the previous DATE_PLACED_CEASED."),
        new RowRule(new("PAD-17", Dfe: "559"), PlacedAdoption, "DATE_PLACED", "A decision to place for adoption made before the collection year is in last year's return too.",
            (r, d) => d.Previous.Count > 0 && r.Date("DATE_PLACED") < d.YearStart && !d.Previous.DecisionsOf(r.Child).Any(p => p.Placed is not null),
            "This decision was made before the collection year, but last year's return records none for the child. Check DATE_PLACED, or resubmit last year's return."),
        new RowRule(new("PAD-18", Dfe: "560"), PlacedAdoption, "DATE_PLACED", "A decision to place for adoption that last year's return left standing keeps its date.",
            (r, d) => r.Date("DATE_PLACED") is { } decided && d.Previous.DecisionsOf(r.Child).Any(p => p.Placed is { } was && p.Ceased is null && was != decided)
                      && !d.Previous.DecisionsOf(r.Child).Any(p => p.Placed == decided),
            "Last year's return recorded this decision with another date, and it had not been reversed: DATE_PLACED is as recorded then. Correct whichever year is wrong."),
        new RowRule(new("PAD-19", Dfe: "561", Note: "Flags a decision carried on without its reversal"), PlacedAdoption, "DATE_PLACED", "A decision to place for adoption that last year's return recorded as reversed is not carried on as standing.",
            (r, d) => r.Date("DATE_PLACED") is { } decided && r.IsBlank("DATE_PLACED_CEASED")
                      && d.Previous.DecisionsOf(r.Child).Any(p => p.Placed == decided && (p.Ceased is not null || p.Reason is not null)),
            "Last year's return recorded this decision as reversed: record its DATE_PLACED_CEASED and REASON_PLACED_CEASED again, or give a new decision its own date."),
    ];
}
