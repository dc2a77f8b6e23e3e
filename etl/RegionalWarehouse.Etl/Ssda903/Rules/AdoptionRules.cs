using static RegionalWarehouse.Etl.Ssda903.Ssda903Schema;

namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>Every AD1 (adoptions in the year) rule.</summary>
public static class AdoptionRules
{
    private static readonly string[] AdoptionItems = ["DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"];

    public static readonly IReadOnlyList<Rule903> All =
    [
        new DateRule(new("AD1-01", Dfe: "112"), Ad1, "DATE_INT", required: true),
        new DateOrderRule(new("AD1-02", Dfe: "333"), Ad1, "DATE_INT", "DATE_MATCH"),
        new CodeListRule(new("AD1-03", Dfe: "175"), Ad1, "NB_ADOPTR"),
        new CodeListRule(new("AD1-04", Dfe: "176"), Ad1, "SEX_ADOPTR"),
        new ChildInHeaderRule("AD1-05", Ad1),
        new DateRule(new("AD1-08", Dfe: "113"), Ad1, "DATE_MATCH", required: false),
        new HasEpisodesRule(new("AD1-15", Dfe: "1012"), Ad1),
        new RowRule(new("AD1-14", Dfe: "602"), Ad1, "CHILD", "An AD1 record is for a child adopted in the year (an episode ending E11 or E12 in the year).",
            (r, d) => !(d.EpisodesByChild.TryGetValue(r.Child, out var chain) && chain.Any(e => e["REC"] is "E11" or "E12" && e.Date("DEC") is { } end && end >= d.YearStart && end <= d.YearEnd)),
            "The child's episodes do not show an adoption this year, so there is no AD1 record. Check REC and DEC, or remove the row."),
        new RowRule(new("AD1-09", Dfe: "511"), Ad1, "SEX_ADOPTR", "Two adopters (NB_ADOPTR 2) have a couple's SEX_ADOPTR (MM, FF or MF).",
            (r, _) => r["NB_ADOPTR"] == "2" && r["SEX_ADOPTR"] is "M1" or "F1",
            "NB_ADOPTR says two adopters but SEX_ADOPTR is a single adopter's code. Use MM, FF or MF, or correct NB_ADOPTR."),
        AdoptersLegalStatus(new("AD1-10", Dfe: "517"), "L3", "an unmarried couple of different sexes", ["MF"]),
        AdoptersLegalStatus(new("AD1-11", Dfe: "518"), "L4", "an unmarried couple of the same sex", ["MM", "FF"]),
        AdoptersLegalStatus(new("AD1-12", Dfe: "519"), "L2", "civil partners", ["MM", "FF", "MF"]),
        AdoptersLegalStatus(new("AD1-13", Dfe: "520"), "L11", "a married couple of different sexes", ["MF"]),
        new CodeListRule(new("AD1-06", Dfe: "177"), Ad1, "LS_ADOPTR"),
        new FlagRule(new("AD1-07", Dfe: "114"), Ad1, "FOSTER_CARE"),
        new RowRule(new("AD1-16", Dfe: "134"), Ad1, "DATE_INT", "A care leaver with OC3 information has no adoption (AD1) information.",
            (r, d) => r.HasAnyOf(AdoptionItems) && Oc3Rules.HasCareLeaverDetails(d, r.Child),
            "Adoption details are not collected for care leavers (the OC3 cohort): remove the AD1 details, or check the OC3 record."),
        new RowRule(new("AD1-17", Dfe: "151 601", Note: "With AD1-01 (DATE_INT required), also DfE 601"), Ad1, "DATE_MATCH", "The AD1 items (DATE_INT, DATE_MATCH, FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR) are all given or all blank.",
            (r, _) => AdoptionItems.Count(r.IsBlank) is > 0 and < 6,
            "Complete every adoption item (DATE_INT, DATE_MATCH, FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR), or leave them all blank."),
        new RowRule(new("AD1-18", Dfe: "187", Note: "DfE 187 in AD1"), Ad1, "DATE_INT", "A child looked after continuously for 12 months at 31 March has no adoption (AD1) information.",
            (r, d) => r.HasAnyOf(AdoptionItems) && Oc2TwelveMonthsRule.LookedAfterTwelveMonths(d, r.Child),
            "This child is still looked after, and has been all year, so was not adopted this year: remove the AD1 row, or check the episodes."),
        new RowRule(new("AD1-19", Dfe: "514"), Ad1, "SEX_ADOPTR", "A single adopter (LS_ADOPTR L0) has a single adopter's SEX_ADOPTR (M1 or F1).",
            (r, _) => r["LS_ADOPTR"] == "L0" && r["SEX_ADOPTR"] is not ("M1" or "F1"),
            "LS_ADOPTR L0 means a single adopter, so SEX_ADOPTR is M1 or F1. Correct one of the two."),
        new RowRule(new("AD1-20", Dfe: "525"), Ad1, "DATE_INT", "A child whose decision to be placed for adoption was reversed (PlacedAdoption DATE_PLACED_CEASED) has no adoption details.",
            (r, d) => r.HasAnyOf(AdoptionItems) && d.RowsFor(PlacedAdoption, r.Child).Any(p => !p.IsBlank("DATE_PLACED_CEASED")),
            "The decision to place this child for adoption was reversed, so they cannot have been adopted this year. Check DATE_PLACED_CEASED, or remove the AD1 details."),
        new RowRule(new("AD1-21", Dfe: "521"), Ad1, "DATE_INT", "The decision that adoption is in the child's best interests (DATE_INT) is not after any placement for adoption (A3-A6) in the return began.",
            (r, d) => r.Date("DATE_INT") is { } decided && d.EpisodesByChild.TryGetValue(r.Child, out var chain)
                      && chain.Any(e => PlacementType.IsForAdoption(e["PLACE"]) && e.Date("DECOM") < decided),
            "The child was placed for adoption before the decision that adoption was in their best interests: check DATE_INT and the placement's DECOM."),
        AdoptersLegalStatus(new("AD1-22", Dfe: "524"), "L12", "a married couple of the same sex", ["MM", "FF"]),
        new RowRule(new("AD1-23", Dfe: "334"), Ad1, "DATE_INT", "The decision that adoption is in the child's best interests (DATE_INT) is not before the child's latest period of care began (its latest episode with RNE S).",
            (r, d) => r.Date("DATE_INT") is { } decided && d.EpisodesByChild.TryGetValue(r.Child, out var chain)
                      && chain.LastOrDefault(e => e["RNE"] == "S")?.Date("DECOM") is { } started && decided < started,
            "DATE_INT is before the child started to be looked after in the latest period of care. Check DATE_INT, and the DECOM of the episode with RNE S."),
        new RowRule(new("AD1-24", Dfe: "335"), Ad1, "FOSTER_CARE", "FOSTER_CARE agrees with the placement the adoption ended: 1 for a placement with the current foster carers (A2, A3, A5), 0 for one with other adopters (A1, A4, A6).",
            (r, d) => d.EpisodesByChild.TryGetValue(r.Child, out var chain) && chain.Any(e => e["REC"] is "E1" or "E11" or "E12"
                      && ((e["PLACE"] is "A2" or "A3" or "A5" && r["FOSTER_CARE"] == "0") || (e["PLACE"] is "A1" or "A4" or "A6" && r["FOSTER_CARE"] == "1"))),
            "FOSTER_CARE says whether the child's foster carers adopted them, and the placement the adoption ended says the other: correct FOSTER_CARE or the episode's PLACE (A3/A5 with the current foster carers, A4/A6 with other adopters)."),
    ];

    private static RowRule AdoptersLegalStatus(RuleCode code, string legalStatus, string meaning, string[] sexes) =>
        new(code, Ad1, "SEX_ADOPTR", $"Adopters whose legal status is {legalStatus} ({meaning}) have SEX_ADOPTR {string.Join(" or ", sexes)}.",
            (r, _) => r["LS_ADOPTR"] == legalStatus && !sexes.Contains(r["SEX_ADOPTR"]),
            $"LS_ADOPTR {legalStatus} means {meaning}, so SEX_ADOPTR is {string.Join(" or ", sexes)}. Correct one of the two.");
}
