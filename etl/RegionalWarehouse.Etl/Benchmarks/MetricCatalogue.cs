using static RegionalWarehouse.Etl.Benchmarks.MetricUnit;
using static RegionalWarehouse.Etl.Benchmarks.Polarity;

namespace RegionalWarehouse.Etl.Benchmarks;

/// <summary>
/// Every benchmark metric, in display order. Definitions follow the DfE's published CLA measures
/// (see docs/metrics.md, generated from this list by `rw docs metrics`).
/// </summary>
public static class MetricCatalogue
{
    private const string ChildYear = "dw.cla_child_year";
    private const string InCare = "sum(in_care_31_march)";
    private const string LookedAfter = "count(*)";

    private static string CountWhen(string condition) => $"sum(case when {condition} then 1 else 0 end)";

    private static Metric Share(string id, string name, string theme, string description, Polarity polarity, string condition, string what) =>
        new(id, name, theme, description, Percent, polarity, ChildYear, CountWhen($"in_care_31_march = 1 and {condition}"), InCare,
            what, "children looked after at 31 March");

    private static Metric CeaseShare(string id, string name, string group, Polarity polarity = Neutral) =>
        new(id, name, "Leaving care", $"Of the children who ceased to be looked after in the year, the percentage whose care ended by {group.ToLowerInvariant()} (their latest cease in the year).",
            Percent, polarity, ChildYear, CountWhen($"ceased_in_year = 1 and ceased_group = '{group}'"), "sum(ceased_in_year)",
            $"children whose latest cease was {group.ToLowerInvariant()}", "children who ceased to be looked after");

    public static readonly IReadOnlyList<Metric> Cla =
    [
        new("cla_31_march", "Children looked after at 31 March", "Children looked after",
            "Children looked after at 31 March (an episode open at the end of the collection year).",
            Count, Neutral, ChildYear, InCare, null, "children looked after at 31 March", null),
        new("cla_rate_per_10k", "Children looked after per 10,000 children", "Children looked after",
            "Children looked after at 31 March per 10,000 children aged 0–17 (ONS mid-year estimate for the previous June).",
            RatePer10k, Neutral, ChildYear, InCare, null, "children looked after at 31 March", "children aged 0–17"),
        new("starts_in_year", "Children starting to be looked after", "Children looked after",
            "Children who started to be looked after in the year (an episode with RNE = S starting in the year), each counted once.",
            Count, Neutral, ChildYear, "sum(started_in_year)", null, "children starting care", null),
        new("starts_rate_per_10k", "Starts per 10,000 children", "Children looked after",
            "Children starting to be looked after in the year per 10,000 children aged 0–17.",
            RatePer10k, Neutral, ChildYear, "sum(started_in_year)", null, "children starting care", "children aged 0–17"),
        new("ceased_in_year", "Children ceasing to be looked after", "Leaving care",
            "Children whose care ended in the year (an episode ending with a reason other than X1), each counted once.",
            Count, Neutral, ChildYear, "sum(ceased_in_year)", null, "children ceasing care", null),
        new("ceased_rate_per_10k", "Ceases per 10,000 children", "Leaving care",
            "Children ceasing to be looked after in the year per 10,000 children aged 0–17.",
            RatePer10k, Neutral, ChildYear, "sum(ceased_in_year)", null, "children ceasing care", "children aged 0–17"),
        CeaseShare("ceased_adopted_pct", "Ceased: adopted", "Adopted", HigherIsBetter), // the DfE's polarity (LAIT "%_of LAC Adopted": High)
        CeaseShare("ceased_sgo_pct", "Ceased: special guardianship order", "Special guardianship order"),
        CeaseShare("ceased_home_pct", "Ceased: returned home", "Returned home"),
        CeaseShare("ceased_cao_pct", "Ceased: child arrangements order", "Child arrangements order"),
        CeaseShare("ceased_independent_pct", "Ceased: independent living or staying put", "Independent living"),
        new("stability_short_term_pct", "Three or more placements in the year", "Placement stability",
            "Percentage of children looked after at 31 March who had three or more placements during the year (the placement held on 1 April counts as one).",
            Percent, LowerIsBetter, ChildYear, CountWhen("in_care_31_march = 1 and placements_in_year >= 3"), InCare,
            "children looked after at 31 March with 3+ placements in the year", "children looked after at 31 March"),
        new("stability_long_term_pct", "Same placement for two years", "Placement stability",
            "Of children under 16 at 31 March looked after continuously for at least 2.5 years, the percentage in the same placement for at least 2 years, or placed for adoption with that and the previous placement together lasting 2 years.",
            Percent, HigherIsBetter, ChildYear, CountWhen("age_31_march < 16 and stable_two_years = 1"), CountWhen("age_31_march < 16 and in_care_two_and_a_half_years = 1"),
            "of those, children in a placement lasting 2+ years", "children under 16 looked after 2.5+ years at 31 March") { LooksBackYears = 2 },
        Share("placement_foster_pct", "Placed in foster care", "Placement type", "Percentage of children looked after at 31 March in foster placements (U1–U6).", HigherIsBetter /* LAIT: High */, "placement_group = 'Foster placements'", "children in foster placements"),
        Share("placement_residential_pct", "Placed in residential settings", "Placement type", "Percentage of children looked after at 31 March in secure units, children's homes, residential care or schools.", Neutral,
            "placement_group in ('Secure, homes and hostels', 'Other residential settings', 'Residential schools')", "children in residential settings"),
        Share("placement_parents_pct", "Placed with parents", "Placement type", "Percentage of children looked after at 31 March placed with parents or others with parental responsibility (P1).", HigherIsBetter /* LAIT: High */, "placement_group = 'Placed with parents'", "children placed with parents"),
        Share("placement_adoption_pct", "Placed for adoption", "Placement type", "Percentage of children looked after at 31 March placed for adoption (A3–A6).", Neutral, "placement_group = 'Placed for adoption'", "children placed for adoption"),
        Share("placement_independent_pct", "Independent or semi-independent living", "Placement type", "Percentage of children looked after at 31 March living independently or in semi-independent / supported accommodation.", Neutral, "placement_group = 'Independent living'", "children living independently"),
        Share("legal_care_order_pct", "On a care order", "Legal status", "Percentage of children looked after at 31 March on an interim or full care order (C1, C2).", Neutral, "legal_status_group = 'Care order'", "children on care orders"),
        Share("legal_placement_order_pct", "On a placement order", "Legal status", "Percentage of children looked after at 31 March on a placement or freeing order (E1, D1).", Neutral, "legal_status_group = 'Placement order'", "children on placement orders"),
        Share("legal_voluntary_pct", "Accommodated under section 20", "Legal status", "Percentage of children looked after at 31 March accommodated voluntarily under section 20 (V2).", Neutral, "legal_status_group = 'Voluntary (s20)'", "children accommodated under s20"),
        Share("legal_youth_justice_pct", "On youth justice legal statuses", "Legal status", "Percentage of children looked after at 31 March on remand or youth justice statuses (J1–J3).", Neutral, "legal_status_group = 'Youth justice'", "children on youth justice statuses"),
        new("uasc_31_march", "Unaccompanied asylum-seeking children", "Children looked after",
            "Unaccompanied asylum-seeking children looked after at 31 March (UASC status not ceased by then).",
            Count, Neutral, ChildYear, "sum(uasc_31_march)", null, "UASC looked after at 31 March", null),
        new("missing_pct", "Children who went missing", "Missing",
            "Percentage of children looked after during the year who were missing (MISSING = M) at some point in it, one already missing on 1 April included, as the DfE counts them.",
            Percent, Neutral /* LAIT gives Children_missing no polarity */, ChildYear, CountWhen("missing_in_year = 1"), LookedAfter, "children missing at some point in the year", "children looked after during the year"),
        new("missing_incidents_per_child", "Missing incidents per missing child", "Missing",
            "Missing incidents in the year divided by the children who went missing.",
            Mean, LowerIsBetter, ChildYear, "sum(missing_incidents)", CountWhen("missing_incidents > 0"), "missing incidents", "children who went missing"),
        // LAIT's LACHealth% is the annual health assessment (HEALTH_ASSESSMENT); HEALTH_CHECK is the under-5s' development check.
        Oc2("oc2_health_check_pct", "Annual health assessments up to date", "health_assessment", HigherIsBetter),
        Oc2("oc2_immunisations_pct", "Immunisations up to date", "immunisations", HigherIsBetter),
        Oc2("oc2_teeth_check_pct", "Dental checks up to date", "teeth_check", HigherIsBetter),
        // Convictions are recorded for children aged 10 or over only, so they are the denominator.
        Oc2("oc2_convicted_pct", "Convicted during the year", "convicted", LowerIsBetter, aged10OrOver: true),
        Oc2("oc2_substance_misuse_pct", "Identified substance misuse", "substance_misuse", LowerIsBetter),
        new("oc2_sdq_mean", "Average SDQ score", "Health and wellbeing",
            "Mean Strengths and Difficulties Questionnaire score of children looked after 12+ months at 31 March who have one (0–40; 17+ is a cause for concern).",
            Mean, LowerIsBetter, "dw.fact_cla_oc2", "sum(sdq_score)", "count(sdq_score)", "sum of SDQ scores", "children with an SDQ score"),
        Oc3("oc3_eet_pct", "Care leavers in education, employment or training", "in_eet", "in education, employment or training", "counted_for_activity",
            " As the DfE counts them, young people who have died or returned home for 6 months or more are left out."),
        Oc3("oc3_suitable_accommodation_pct", "Care leavers in suitable accommodation", "suitably_accommodated", "in suitable accommodation", "counted_for_accommodation",
            " As the DfE counts them, young people who have died, returned home for 6 months or more, gone abroad or been deported are left out."),
        Oc3("oc3_in_touch_pct", "Care leavers in touch with the LA", "in_touch", "in touch with the LA"),
        // The DfE's adoption scorecard (A1, A2): three-year averages, each adoption counted in its year and the two after.
        new("adoption_days_care_to_placed", "Days from entering care to moving in with adopters (A1)", "Adoption",
            "A1 of the DfE's adoption scorecard: for children adopted in the three years to 31 March, the mean days from entering care to moving in with their adoptive family; for a child adopted by its foster carers, to moving in with them (A10). Given when the LA's returns cover all three years.",
            Days, LowerIsBetter, "dw.cla_adoption_year", "sum(days_care_to_placed)", "count(days_care_to_placed)", "days, summed over adopted children", "children adopted in the three years")
            // Counted from the day care began, which can be any year of a childhood before the adoption.
            { LooksBackYears = 17 },
        new("adoption_days_authority_to_match", "Days from placement order to match (A2)", "Adoption",
            "A2 of the DfE's adoption scorecard: for children adopted in the three years to 31 March, the mean days from the court's authority to place (placement order) to being matched with adopters, 0 when matched first; children with no placement order are left out. Given when the LA's returns cover all three years.",
            Days, LowerIsBetter, "dw.cla_adoption_year", "sum(days_authority_to_match)", "count(days_authority_to_match)", "days, summed over adopted children with a placement order", "children adopted in the three years with a placement order")
            // Counted from the placement order, which can be any year of a childhood before the adoption.
            { LooksBackYears = 17 },
    ];

    private static Metric Oc2(string id, string name, string column, Polarity polarity, bool aged10OrOver = false) =>
        new(id, name, "Health and wellbeing",
            $"Percentage of children looked after continuously for 12+ months at 31 March (OC2 cohort{(aged10OrOver ? " aged 10 or over, those with it recorded" : "")}) with {name.ToLowerInvariant()}.",
            Percent, polarity, "dw.fact_cla_oc2", CountWhen($"{column} = 1"), aged10OrOver ? $"count({column})" : "count(*)", $"OC2 children: {name.ToLowerInvariant()}",
            aged10OrOver ? "children looked after 12+ months at 31 March aged 10 or over" : "children looked after 12+ months at 31 March");

    private static Metric Oc3(string id, string name, string column, string what, string? countedColumn = null, string leftOut = "") =>
        new(id, name, "Care leavers",
            $"Percentage of care leavers aged 19–21 (OC3, age at 31 March) who are {what}.{leftOut}",
            Percent, HigherIsBetter, "dw.cla_care_leaver_year",
            CountWhen($"age_at_year_end between 19 and 21{(countedColumn is null ? "" : $" and {countedColumn} = 1")} and {column} = 1"),
            CountWhen($"age_at_year_end between 19 and 21{(countedColumn is null ? "" : $" and {countedColumn} = 1")}"),
            $"care leavers aged 19–21 {what}", "care leavers aged 19–21");

    private const string FamilyYear = "dw.sf_family_year";
    private const string SfTheme = "Supporting Families";

    private static readonly (string Column, string Code, string Name)[] SfHeadlines =
    [
        ("education", "EDUCATION", "getting a good education"),
        ("early_years", "EARLY_YEARS", "good early years development"),
        ("health", "HEALTH", "mental and physical health"),
        ("substance_use", "SUBSTANCE_USE", "substance use"),
        ("family_relationships", "FAMILY_RELATIONSHIPS", "family relationships"),
        ("safe_from_abuse", "SAFE_FROM_ABUSE", "children safe from abuse and exploitation"),
        ("crime", "CRIME", "crime"),
        ("domestic_abuse", "DOMESTIC_ABUSE", "domestic abuse"),
        ("housing", "HOUSING", "secure housing"),
        ("work_finance", "WORK_FINANCE", "adults in work / financial stability"),
    ];

    /// <summary>
    /// Supporting Families, per financial year (collection_year is the year's end, as for the 903), each
    /// family counted once as its latest quarterly return describes it.
    /// </summary>
    public static readonly IReadOnlyList<Metric> SupportingFamilies =
    [
        new("sf_families_attached", "Families attached", SfTheme,
            "Families whose work with the programme started (attachment) in the financial year, each counted once.",
            Count, Neutral, FamilyYear, "sum(attached_in_year)", null, "families attached in the year", null),
        new("sf_attached_rate_per_10k", "Families attached per 10,000 children", SfTheme,
            "Families attached in the financial year per 10,000 children aged 0–17.",
            RatePer10k, Neutral, FamilyYear, "sum(attached_in_year)", null, "families attached in the year", "children aged 0–17"),
        new("sf_families_worked_with", "Families worked with", SfTheme,
            "Families on any quarterly return in the financial year (attached in it or before and still open).",
            Count, Neutral, FamilyYear, "count(*)", null, "families worked with in the year", null),
        new("sf_needs_per_family", "Average needs per family", SfTheme,
            "Mean number of headline needs identified for the families attached in the year.",
            Mean, Neutral, FamilyYear, "sum(case when attached_in_year = 1 then need_count else 0 end)", "sum(attached_in_year)",
            "needs identified for families attached in the year", "families attached in the year"),
        .. SfHeadlines.Select(h => new Metric($"sf_need_{h.Column}_pct", $"Need: {h.Name}", "Supporting Families: needs",
            $"Percentage of the families attached in the year whose assessment identified a need under {h.Code} ({h.Name}).",
            Percent, Neutral, FamilyYear, CountWhen($"attached_in_year = 1 and need_{h.Column} = 1"), "sum(attached_in_year)",
            $"families attached in the year with a {h.Name} need", "families attached in the year")),
        new("sf_claims", "Payment-by-results claims", SfTheme,
            "Families with a payment-by-results claim (SSP or EMP) made in the financial year.",
            Count, HigherIsBetter, FamilyYear, "sum(claimed_in_year)", null, "claims made in the year", null),
        new("sf_claim_rate_pct", "Claim rate", SfTheme,
            "Claims made in the year as a percentage of the families worked with in the year.",
            Percent, HigherIsBetter, FamilyYear, "sum(claimed_in_year)", "count(*)", "claims made in the year", "families worked with in the year"),
        new("sf_days_to_claim", "Days from attachment to claim", SfTheme,
            "For claims made in the year, the mean days from the family's attachment to the claim.",
            Days, LowerIsBetter, FamilyYear, "sum(days_to_claim)", "count(days_to_claim)", "days, summed over claims", "claims made in the year"),
        .. SfHeadlines.Select(h => new Metric($"sf_outcome_{h.Column}_pct", $"Outcome achieved: {h.Name}", "Supporting Families: outcomes",
            $"Of the families worked with in the year with a {h.Name} need, the percentage who have achieved its outcome.",
            Percent, HigherIsBetter, FamilyYear, CountWhen($"need_{h.Column} = 1 and outcome_{h.Column} = 1"), CountWhen($"need_{h.Column} = 1"),
            $"families with the outcome achieved", $"families with a {h.Name} need")),
    ];

    public static IReadOnlyList<Metric> All { get; } = [.. Cla, .. SupportingFamilies];

    /// <summary>The return a metric is computed from: its rows going under retention freeze its values.</summary>
    public static string ReturnTypeOf(Metric metric) => SupportingFamilies.Contains(metric) ? Etl.SupportingFamilies.SfSchema.ReturnType : Etl.Ssda903.Ssda903Schema.ReturnType;

    public static Metric Find(string id) =>
        All.FirstOrDefault(m => m.Id == id) ?? throw new ArgumentException(NearestNames.Unknown("metric", id, All.Select(m => m.Id), "rw metrics"));
}
