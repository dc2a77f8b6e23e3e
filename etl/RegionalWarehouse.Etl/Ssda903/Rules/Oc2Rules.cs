using RegionalWarehouse.Etl.Privacy;
using static RegionalWarehouse.Etl.Ssda903.Ssda903Schema;

namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>Every OC2 (outcomes for children looked after 12 months) rule.</summary>
public static class Oc2Rules
{
    public static readonly IReadOnlyList<Rule903> All =
    [
        new Oc2TwelveMonthsRule(),
        new FlagRule(new("OC2-02", Dfe: "181"), Oc2, "HEALTH_CHECK"),
        new SdqScoreRule(),
        new ChildInHeaderRule("OC2-04", Oc2),
        new CodeListRule(new("OC2-05", Dfe: "196"), Oc2, "SDQ_REASON"),
        new FlagRule(new("OC2-06", Dfe: "181"), Oc2, "IMMUNISATIONS"),
        new FlagRule(new("OC2-07", Dfe: "181"), Oc2, "TEETH_CHECK"),
        new FlagRule(new("OC2-08", Dfe: "181"), Oc2, "CONVICTED"),
        new FlagRule(new("OC2-09", Dfe: "181"), Oc2, "SUBSTANCE_MISUSE"),
        new FlagRule(new("OC2-10", Dfe: "181"), Oc2, "HEALTH_ASSESSMENT"),
        new FlagRule(new("OC2-11", Dfe: "181"), Oc2, "INTERVENTION_RECEIVED"),
        new FlagRule(new("OC2-12", Dfe: "181"), Oc2, "INTERVENTION_OFFERED"),
        new HasEpisodesRule(new("OC2-21", Dfe: "1012"), Oc2),
        new DobMatchesHeaderRule(new("OC2-28", Dfe: "INT14"), Oc2),
        new RowRule(new("OC2-19", Dfe: "182 544 547", Note: "Also covers 544 and 547 (conviction or development-check items without the four core items)"), Oc2, "IMMUNISATIONS", "An OC2 record is complete (immunisations, teeth check, health assessment, substance misuse) or entirely blank.",
            (r, _) => (r.IsBlank("IMMUNISATIONS") || r.IsBlank("TEETH_CHECK") || r.IsBlank("HEALTH_ASSESSMENT") || r.IsBlank("SUBSTANCE_MISUSE"))
                      && (!r.IsBlank("CONVICTED") || !r.IsBlank("HEALTH_CHECK") || !r.IsBlank("INTERVENTION_RECEIVED") || !r.IsBlank("INTERVENTION_OFFERED")),
            "Complete IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT and SUBSTANCE_MISUSE (0 or 1), or leave the whole OC2 record blank."),
        new RowRule(new("OC2-20", Dfe: "193"), Oc2, "INTERVENTION_RECEIVED", "Interventions are recorded only for a child with a substance misuse problem.",
            (r, _) => r["SUBSTANCE_MISUSE"] is "" or "0" && (!r.IsBlank("INTERVENTION_RECEIVED") || !r.IsBlank("INTERVENTION_OFFERED")),
            "SUBSTANCE_MISUSE is not 1, so leave INTERVENTION_RECEIVED and INTERVENTION_OFFERED blank (or record the substance misuse problem)."),
        new RowRule(new("OC2-13", Dfe: "158"), Oc2, "INTERVENTION_OFFERED", "INTERVENTION_OFFERED is blank when INTERVENTION_RECEIVED is 1.",
            (r, _) => r["INTERVENTION_RECEIVED"] == "1" && !r.IsBlank("INTERVENTION_OFFERED"),
            "An intervention was received, so whether one was offered is not asked: leave INTERVENTION_OFFERED blank."),
        new RowRule(new("OC2-14", Dfe: "159"), Oc2, "INTERVENTION_OFFERED", "INTERVENTION_OFFERED is given when SUBSTANCE_MISUSE is 1 and INTERVENTION_RECEIVED is 0.",
            (r, _) => r["SUBSTANCE_MISUSE"] == "1" && r["INTERVENTION_RECEIVED"] == "0" && r.IsBlank("INTERVENTION_OFFERED"),
            "No intervention was received for the substance misuse problem: say whether one was offered (INTERVENTION_OFFERED 0 or 1)."),
        new RowRule(new("OC2-15", Dfe: "192"), Oc2, "INTERVENTION_RECEIVED", "INTERVENTION_RECEIVED is given when SUBSTANCE_MISUSE is 1.",
            (r, _) => r["SUBSTANCE_MISUSE"] == "1" && r.IsBlank("INTERVENTION_RECEIVED"),
            "The child has a substance misuse problem: say whether an intervention was received (INTERVENTION_RECEIVED 0 or 1)."),
        new RowRule(new("OC2-16", Dfe: "197a"), Oc2, "SDQ_REASON", "SDQ_REASON is blank when SDQ_SCORE is given.",
            (r, _) => !r.IsBlank("SDQ_SCORE") && !r.IsBlank("SDQ_REASON"),
            "There is an SDQ score, so no reason for a missing one is needed: clear SDQ_REASON."),
        new RowRule(new("OC2-17", Dfe: "188"), Oc2, "SDQ_SCORE", "A child under 4 at 31 March has no SDQ score or reason.",
            (r, d) => r.Date("DOB") is { } dob && Degrade.AgeOn(dob, d.YearEnd) < 4 && (!r.IsBlank("SDQ_SCORE") || !r.IsBlank("SDQ_REASON")),
            "The child is under 4 at 31 March, so the SDQ does not apply: leave SDQ_SCORE and SDQ_REASON blank (or check DOB)."),
        new RowRule(new("OC2-18", Dfe: "189"), Oc2, "SDQ_SCORE", "A child 17 or over at 1 April has no SDQ score or reason.",
            (r, d) => r.Date("DOB") is { } dob && Degrade.AgeOn(dob, d.YearStart) >= 17 && (!r.IsBlank("SDQ_SCORE") || !r.IsBlank("SDQ_REASON")),
            "The young person was 17 or over at 1 April, so the SDQ does not apply: leave SDQ_SCORE and SDQ_REASON blank (or check DOB)."),
        new RowRule(new("OC2-22", Dfe: "157"), Oc2, "SDQ_REASON", "SDQ1 (no SDQ because of the child's age) is not the reason for a child at least 4 at the start of the year and no more than 16 at its end.",
            (r, d) => r.IsBlank("SDQ_SCORE") && r["SDQ_REASON"] == "SDQ1" && r.Date("DOB") is { } dob && dob.AddYears(4) <= d.YearStart && dob.AddYears(16) >= d.YearEnd
                      && Oc2TwelveMonthsRule.LookedAfterTwelveMonths(d, r.Child),
            "SDQ1 says the child was too young or too old for the SDQ, but this child was of SDQ age all year. Enter the score, or another reason (SDQ2-SDQ5)."),
        new RowRule(new("OC2-23", Dfe: "191", Note: "A child looked after 12 months with no OC2 row at all is not flagged yet"), Oc2, "IMMUNISATIONS", "A child looked after continuously for 12 months at 31 March has immunisations, teeth check, health assessment and substance misuse recorded.",
            (r, d) => (r.IsBlank("IMMUNISATIONS") || r.IsBlank("TEETH_CHECK") || r.IsBlank("HEALTH_ASSESSMENT") || r.IsBlank("SUBSTANCE_MISUSE"))
                      && Oc2TwelveMonthsRule.LookedAfterTwelveMonths(d, r.Child),
            "This child was looked after all year, so IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT and SUBSTANCE_MISUSE are each 0 or 1."),
        new RowRule(new("OC2-24", Dfe: "542"), Oc2, "CONVICTED", "A child under 10 at 31 March has no conviction information.",
            (r, d) => !r.IsBlank("CONVICTED") && r.Date("DOB") is { } dob && dob.AddYears(10) > d.YearEnd,
            "Convictions are recorded only for children aged 10 or over at 31 March: leave CONVICTED blank (or check DOB)."),
        new RowRule(new("OC2-25", Dfe: "545"), Oc2, "HEALTH_CHECK", "A child under 5 at 31 March looked after for 12 months has their development check (HEALTH_CHECK) recorded.",
            (r, d) => r.IsBlank("HEALTH_CHECK") && r.Date("DOB") is { } dob && dob.AddYears(5) > d.YearEnd && Oc2TwelveMonthsRule.LookedAfterTwelveMonths(d, r.Child),
            "Enter HEALTH_CHECK for a child under 5: 1 if their development checks are up to date, 0 if not."),
        new RowRule(new("OC2-26", Dfe: "546"), Oc2, "HEALTH_CHECK", "A child 5 or over at 31 March has no development check (HEALTH_CHECK) recorded.",
            (r, d) => !r.IsBlank("HEALTH_CHECK") && r.Date("DOB") is { } dob && dob.AddYears(5) <= d.YearEnd && Oc2TwelveMonthsRule.LookedAfterTwelveMonths(d, r.Child),
            "HEALTH_CHECK is the development check of children under 5: leave it blank for this child (the annual health assessment is HEALTH_ASSESSMENT)."),
        new RowRule(new("OC2-27", Dfe: "543"), Oc2, "CONVICTED", "A child 10 or over at 31 March looked after for 12 months has their conviction information recorded.",
            (r, d) => r.IsBlank("CONVICTED") && r.Date("DOB") is { } dob && dob.AddYears(10) < d.YearEnd && Oc2TwelveMonthsRule.LookedAfterTwelveMonths(d, r.Child),
            "Enter CONVICTED for a child aged 10 or over: 1 if convicted or given a youth caution during the year, 0 if not."),
    ];
}
