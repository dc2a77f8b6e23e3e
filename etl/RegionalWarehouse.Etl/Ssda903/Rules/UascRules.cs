using static RegionalWarehouse.Etl.Ssda903.Ssda903Schema;

namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>Every UASC rule.</summary>
public static class UascRules
{
    public static readonly IReadOnlyList<Rule903> All =
    [
        new UascCeasedAfterBirthRule(),
        new ChildInHeaderRule("UAS-02", Uasc),
        new DateRule(new("UAS-03", Dfe: "104", Note: "DfE 104 also flags a date before the collection year"), Uasc, "DUC", required: false),
        new RowRule(new("UAS-04", Dfe: "1014"), Uasc, "DUC", "A care leaver not looked after in the year (OC3 only) has no UASC information.",
            (r, d) => !d.EpisodesByChild.ContainsKey(r.Child) && Oc3Rules.HasCareLeaverDetails(d, r.Child),
            "UASC information is not collected for care leavers: remove the UASC row for this young person."),
        new RowRule(new("UAS-05", Dfe: "205C", Note: "Fires only on the XML form: in the CSV form a UASC record is what makes a child UASC"), Uasc, "DUC", "A date UASC status ceased is given only for a child who was UASC this year or last year.",
            (r, d) => !r.IsBlank("DUC") && !d.IsUasc(r.Child) && d.Previous.UascOf(r.Child) is null,
            "The child is recorded as not UASC this year (UASC 0) and was not UASC last year, yet has a date UASC status ceased. Remove DUC, or set UASC to 1 if the child was UASC this year."),
        new RowRule(new("UAS-06", Dfe: "205D"), Uasc, "CHILD", "A child UASC this year who was in last year's return was UASC there too.",
            (r, d) => d.IsUasc(r.Child) && d.Previous.For(r.Child) is not null && d.Previous.UascOf(r.Child) is null,
            "Last year's return had this child but no UASC record for them. Check the child's UASC status, and correct last year's return if it was wrong."),
        new RowRule(new("UAS-07", Dfe: "205B", Note: "Last year's date as the warehouse holds it, its month: the months are compared"), Uasc, "DUC", "A child UASC last year and this year had not ceased to be UASC by the end of last year, and both years give the same date it ceases.",
            (r, d) => d.IsUasc(r.Child) && d.Previous.UascOf(r.Child) is { Ceased: { } ceased }
                      && (ceased <= d.YearEnd.AddYears(-1) || r.Date("DUC") is { } duc && AgreesWithPreviousYearRule.Month(duc) != ceased),
            "Last year's return gave a date this child ceased to be UASC that is before this year, or that differs from this year's DUC. Correct DUC here or in last year's return."),
        new DobMatchesHeaderRule(new("UAS-08", Dfe: "INT18"), Uasc),
        new RowRule(new("UAS-10", Dfe: "304"), Uasc, "DUC", "The date UASC status ceased (DUC) is on or before the child's 18th birthday.",
            (r, _) => r.Date("DUC") is { } ceased && r.Date("DOB") is { } dob && ceased > dob.AddYears(18),
            "UASC status ceases on the 18th birthday at the latest: correct DUC (or DOB)."),
        new RowRule(new("UAS-09", Dfe: "INT21"), Uasc, "SEX", "UASC SEX matches the child's SEX in the Header table.",
            (r, d) => !r.IsBlank("SEX") && d.RowsFor(Header, r.Child).FirstOrDefault() is { } header && !header.IsBlank("SEX") && header["SEX"] != r["SEX"],
            "SEX differs from the child's SEX in the Header table. Make both the same."),
    ];
}
