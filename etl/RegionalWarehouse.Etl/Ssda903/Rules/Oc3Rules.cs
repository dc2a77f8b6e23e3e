using static RegionalWarehouse.Etl.Ssda903.Ssda903Schema;

namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>Every OC3 (care leavers) rule.</summary>
public static class Oc3Rules
{
    public static readonly string[] CareLeaverItems = ["IN_TOUCH", "ACTIV", "ACCOM"];

    private static readonly string[] Oc2Items =
        ["CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"];

    public static readonly IReadOnlyList<Rule903> All =
    [
        new CodeListRule(new("OC3-01", Dfe: "131"), Oc3, "IN_TOUCH", required: true),
        new CodeListRule(new("OC3-02", Dfe: "132"), Oc3, "ACTIV"),
        new CodeListRule(new("OC3-03", Dfe: "133"), Oc3, "ACCOM"),
        new RowRule(new("OC3-16", Dfe: "344"), Oc3, "ACTIV", "A young person who died or returned home (IN_TOUCH DIED or RHOM) has activity and accommodation recorded as 0.",
            (r, _) => r["IN_TOUCH"] is "DIED" or "RHOM" && (r["ACTIV"] != "0" || r["ACCOM"] != "0"),
            "IN_TOUCH is DIED or RHOM, so activity and accommodation after leaving care are not collected: record ACTIV and ACCOM as 0."),
        new Oc3AgeRule(),
        new ChildInHeaderRule("OC3-05", Oc3),
        new RowRule(new("OC3-07", Dfe: "1000", Note: "DfE 1000 also looks at the previous year's return"), Oc3, "IN_TOUCH", "A child who died in care (an episode ending E2) has no care leaver record.",
            (r, d) => d.EpisodesByChild.TryGetValue(r.Child, out var chain) && chain.Any(e => e["REC"] == "E2"),
            "The child's episodes record that the child died in care, so there is no care leaver record. Check REC or remove the OC3 row."),
        new RowRule(new("OC3-06", Dfe: "1011"), Oc3, "IN_TOUCH", "A young person whose care was transferred to another LA (last REC E3) has no care leaver information.",
            (r, d) => d.EpisodesByChild.TryGetValue(r.Child, out var chain) && chain[^1]["REC"] == "E3"
                      && (!r.IsBlank("IN_TOUCH") || !r.IsBlank("ACTIV") || !r.IsBlank("ACCOM")),
            "This young person's care was transferred to another LA, which reports them as a care leaver: leave IN_TOUCH, ACTIV and ACCOM blank."),
        new RowRule(new("OC3-08", Dfe: "153"), Oc3, "IN_TOUCH", "IN_TOUCH, ACTIV and ACCOM are all given or all blank.",
            (r, _) => CareLeaverItems.Count(r.IsBlank) is 1 or 2,
            "Complete IN_TOUCH, ACTIV and ACCOM together, or leave all three blank."),
        new RowRule(new("OC3-09", Dfe: "187", Note: "DfE 187 in OC3"), Oc3, "IN_TOUCH", "A child looked after continuously for 12 months at 31 March has no care leaver information.",
            (r, d) => r.HasAnyOf(CareLeaverItems) && Oc2TwelveMonthsRule.LookedAfterTwelveMonths(d, r.Child),
            "This child is still looked after, and has been all year, so is not a care leaver: leave IN_TOUCH, ACTIV and ACCOM blank, or check the episodes."),
        new RowRule(new("OC3-10", Dfe: "215"), Oc3, "IN_TOUCH", "A care leaver with OC3 information has no OC2 (12 months looked after) information.",
            (r, d) => r.HasAnyOf(CareLeaverItems) && d.RowsFor(Oc2, r.Child).Any(o => o.HasAnyOf(Oc2Items)),
            "A young person is either a care leaver (OC3) or looked after for the whole year (OC2), not both: check which applies and remove the other record's details."),
        new RowRule(new("OC3-11", Dfe: "1007"), Oc3, "IN_TOUCH", "A young person who turned 17 or 18 in the year while looked after has no care leaver information.",
            (r, d) => r.HasAnyOf(CareLeaverItems) && r.Date("DOB") is { } dob && SeventeenOrEighteenAtYearEnd(dob, d)
                      && BirthdayInYear(dob, d) is var birthday && d.EpisodesByChild.TryGetValue(r.Child, out var chain)
                      && chain.Any(e => e.Date("DECOM") <= birthday && e.Date("DEC") is { } end && end > birthday),
            "The young person was still looked after on their birthday this year, so care leaver information is not collected yet: leave IN_TOUCH, ACTIV and ACCOM blank."),
        new RowRule(new("OC3-12", Dfe: "1010"), Oc3, "IN_TOUCH", "A care leaver whose episode last year's return left open has this year's episodes, up to leaving care.",
            (r, d) => r.HasAnyOf(CareLeaverItems) && !d.EpisodesByChild.ContainsKey(r.Child) && d.Previous.OpenEpisodeOf(r.Child) is not null,
            "Last year's return left this young person looked after, so this year's return includes the episode in which they left care. Add it, or check the OC3 record."),
        new RowRule(new("OC3-14", Dfe: "1016", FirstYear: 2024), Oc3, "IN_TOUCH", "A young person aged 17 or 18 at 31 March who ceased to be looked after after their 17th birthday has no care leaver information.",
            (r, d) => r.HasAnyOf(CareLeaverItems) && r.Date("DOB") is { } dob && SeventeenOrEighteenAtYearEnd(dob, d)
                      && d.EpisodesByChild.TryGetValue(r.Child, out var chain) && chain.Any(e => e.Date("DEC") >= dob.AddYears(17)),
            "This young person left care after their 17th birthday, so care leaver information is not collected yet: leave IN_TOUCH, ACTIV and ACCOM blank."),
        new RowRule(new("OC3-15", Dfe: "1002", Note: "Against every return the warehouse holds since the young person's 16th birthday; not checked where one of those years is missing"), Oc3, "IN_TOUCH", "A care leaver was looked after at some time after their 16th birthday, as the LA's returns from that year on show.",
            (r, d) => r.HasAnyOf(CareLeaverItems) && !d.EpisodesByChild.ContainsKey(r.Child) && d.DateOfBirth(r.Child) is { } dob
                      && NeverLookedAfterSince(d, r.Child, CollectionYearOf(dob.AddYears(16))),
            "None of the LA's returns since the young person's 16th birthday has them looked after, so they are not a care leaver. Check CHILD (is it the identifier they had in care?) or remove the OC3 record."),
    ];

    /// <summary>Whether the child has an OC3 record with care leaver details in it.</summary>
    public static bool HasCareLeaverDetails(Ssda903Return data, string child) => data.RowsFor(Oc3, child).Any(o => o.HasAnyOf(CareLeaverItems));

    /// <summary>
    /// Whether the LA's returns show the child not looked after in any year from <paramref name="firstYear"/> to this
    /// one. Only said when the warehouse holds every one of those years' returns: a gap could hide the child's care.
    /// </summary>
    private static bool NeverLookedAfterSince(Ssda903Return data, string child, int firstYear) =>
        Enumerable.Range(firstYear, Math.Max(0, data.CollectionYear - firstYear)).All(data.Previous.YearsHeld.Contains)
        && !data.Previous.LookedAfterSince(child, firstYear);

    /// <summary>The collection year (ending 31 March) a day falls in.</summary>
    private static int CollectionYearOf(DateOnly day) => day.Month >= 4 ? day.Year + 1 : day.Year;

    private static bool SeventeenOrEighteenAtYearEnd(DateOnly dob, Ssda903Return data) => dob.AddYears(17) <= data.YearEnd && dob.AddYears(19) > data.YearEnd;

    /// <summary>The young person's last birthday on or before 31 March of the collection year.</summary>
    private static DateOnly BirthdayInYear(DateOnly dob, Ssda903Return data) => dob.AddYears(Privacy.Degrade.AgeOn(dob, data.YearEnd));
}
