using static RegionalWarehouse.Etl.Ssda903.Ssda903Schema;

namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>Every Reviews rule.</summary>
public static class ReviewRules
{
    public static readonly IReadOnlyList<Rule903> All =
    [
        new DateRule(new("REV-01", Dfe: "166"), Reviews, "REVIEW", required: true),
        new CodeListRule(new("REV-02", Dfe: "167"), Reviews, "REVIEW_CODE", required: true),
        new DobMatchesHeaderRule(new("REV-03", Dfe: "INT17"), Reviews),
        new ChildInHeaderRule("REV-04", Reviews),
        new DuplicateKeyRule("REV-05", Reviews),
        new HasEpisodesRule(new("REV-07", Dfe: "1012"), Reviews),
        new RowRule(new("REV-06", Dfe: "440"), Reviews, "REVIEW_CODE", "PN0 (child under 4 at the review) is not used for a child who was 4 or over.",
            (r, _) => r["REVIEW_CODE"] == "PN0" && r.Date("DOB") is { } dob && r.Date("REVIEW") > dob.AddYears(4),
            "PN0 is for children under 4 at the review, but this child was 4 or over. Record how the child took part (PN1-PN7), or check DOB and REVIEW."),
        new RowRule(new("REV-08", Dfe: "399", Note: "DfE 399 in Reviews"), Reviews, "REVIEW", "A child looked after only on short breaks (every episode LS V3 or V4) has no reviews recorded.",
            (r, d) => d.OnlyShortBreaks(r.Child),
            "Reviews are not collected for a child looked after only on short breaks (V3, V4): remove the row, or check LS."),
        new RowRule(new("REV-09", Dfe: "441"), Reviews, "REVIEW_CODE", "A participation code for a child 4 or over (PN1-PN7) is not used for a child under 4 at the review.",
            (r, _) => r["REVIEW_CODE"] is "PN1" or "PN2" or "PN3" or "PN4" or "PN5" or "PN6" or "PN7" && r.Date("DOB") is { } dob && r.Date("REVIEW") < dob.AddYears(4),
            "The child was under 4 at the review, so their participation is recorded as PN0. Check REVIEW_CODE, REVIEW and DOB."),
    ];
}
