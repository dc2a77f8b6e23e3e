using RegionalWarehouse.Etl.Privacy;
using RegionalWarehouse.Etl.Validation;
using static RegionalWarehouse.Etl.Ssda903.Ssda903Schema;

namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>
/// Every 903 rule, each with a stable code. Codes are never reused: retire a rule by removing it,
/// and give a changed meaning a new code, so LA reports stay comparable over time.
/// </summary>
public static class Ssda903RuleSet
{
    public static readonly IReadOnlyList<Rule903> Rules =
    [
        // Header
        new RequiredValueRule("HDR-01", Header, "CHILD", "Every row needs the LA's child identifier."),
        new CodeListRule("HDR-02", Header, "SEX", required: true),
        new DateRule("HDR-03", Header, "DOB", required: true),
        new CodeListRule("HDR-04", Header, "ETHNIC", required: true),
        new UpnCheckLetterRule(),
        new MotherIsFemaleRule(),
        new MotherChildDobRule(),
        new DuplicateKeyRule("HDR-08", Header),
        new ChildHasEpisodeRule(),
        new CodeListRule("HDR-10", Header, "MOTHER"),
        new DateRule("HDR-11", Header, "MC_DOB", required: false),
        new AgreesWithPreviousYearRule("HDR-12", "SEX", "sex", (r, before, _) => short.TryParse(r["SEX"], out var sex) && before.Sex is { } was && sex != was,
            "SEX differs from the sex last year's return recorded for this child. Correct whichever is wrong (last year's by resubmitting it)."),
        new AgreesWithPreviousYearRule("HDR-13", "DOB", "month of birth",
            (r, before, _) => r.Date("DOB") is { } dob && before.BirthMonth is { } was && AgreesWithPreviousYearRule.Month(dob) != was,
            "DOB is in a different month from the date of birth last year's return recorded for this child. Correct whichever is wrong."),
        new AgreesWithPreviousYearRule("HDR-14", "ETHNIC", "ethnicity", (r, before, _) => !r.IsBlank("ETHNIC") && before.Ethnic is { } was && r["ETHNIC"] != was,
            "ETHNIC differs from the ethnicity last year's return recorded for this child. Correct whichever is wrong."),
        new AgreesWithPreviousYearRule("HDR-15", "MOTHER", "mother status",
            (r, before, d) => before.IsMother == true && r["MOTHER"] != "1" && d.EpisodesByChild.ContainsKey(r.Child),
            "Last year's return recorded this young person as a mother; this year's does not. Enter MOTHER = 1 (and MC_DOB), or correct last year's."),

        // Episodes
        new RequiredValueRule("EPI-01", Episodes, "CHILD", "Every episode needs the child's identifier."),
        new DateRule("EPI-02", Episodes, "DECOM", required: true),
        new CodeListRule("EPI-03", Episodes, "RNE", required: true),
        new CodeListRule("EPI-04", Episodes, "LS", required: true),
        new CodeListRule("EPI-05", Episodes, "CIN", required: true),
        new CodeListRule("EPI-06", Episodes, "PLACE", required: true),
        new CodeListRule("EPI-07", Episodes, "PLACE_PROVIDER"),
        new DateRule("EPI-08", Episodes, "DEC", required: false),
        new DateOrderRule("EPI-09", Episodes, "DECOM", "DEC"),
        new ReasonWithEndDateRule("EPI-10", Episodes, "DEC", "REC", "REC is present when DEC is, and blank when the episode is open.",
            "The episode has an end date (DEC) but no reason it ended (REC). Enter REC.",
            "REC is filled in but the episode has no end date (DEC). Enter DEC or clear REC."),
        new DuplicateKeyRule("EPI-11", Episodes),
        new ChildInHeaderRule("EPI-12", Episodes),
        new EpisodesDoNotOverlapRule(),
        new OnlyLatestEpisodeOpenRule(),
        new X1ContinuityRule(),
        new GapAfterCeasedCareRule(),
        new NewPeriodStartsWithSRule(),
        new LegalStatusOnlyChangeRule(),
        new BornBeforeEpisodeRule(),
        new UnderEighteenAtStartRule(),
        new RowRule("HDR-17", Header, "MOTHER", "A looked-after girl (other than on short breaks) has MOTHER recorded.",
            (r, d) => r["SEX"] == "2" && r.IsBlank("MOTHER") && d.EpisodesByChild.TryGetValue(r.Child, out var chain) && chain.Any(e => e["LS"] is not ("V3" or "V4")),
            "Enter MOTHER (1 if she is a mother, 0 if not) for every girl looked after in the year."),
        new RowRule("HDR-18", Header, "MOTHER", "A young person recorded as a mother was at least 11 at the start of the collection year.",
            (r, d) => r["MOTHER"] == "1" && r.Date("DOB") is { } dob && dob.AddYears(11) > d.YearStart,
            "MOTHER = 1 but the date of birth makes her under 11. Check MOTHER and DOB."),
        new RowRule("HDR-19", Header, "MC_DOB", "A mother's child was born by the end of the collection year.",
            (r, d) => r.Date("MC_DOB") > d.YearEnd,
            "The date of birth of the mother's child is after 31 March: correct MC_DOB."),
        new RowRule("HDR-21", Header, "MC_DOB", "A boy (SEX 1) has no mother's child date of birth.",
            (r, _) => r["SEX"] == "1" && !r.IsBlank("MC_DOB"),
            "MC_DOB is the date of birth of a mother's child, but SEX says this child is a boy. Clear MC_DOB or correct SEX."),
        new RowRule("HDR-22", Header, "UPN", "A child of school age (4 or over on 31 August before the collection year began) does not have UPN UN1.",
            (r, d) => r["UPN"] == "UN1" && r.Date("DOB") is { } dob && dob.AddYears(4) <= new DateOnly(d.CollectionYear - 2, 8, 31),
            "UN1 means the child is not yet of school age, but this child is. Enter the child's UPN, or the UN code that explains why there is none."),
        new RowRule("HDR-16", Header, "DOB", "A child in the return was not over 21 at the start of the collection year.",
            (r, d) => r.Date("DOB") is { } dob && dob.AddYears(21) < d.YearStart,
            "This child was over 21 when the collection year began, too old for the 903. Check DOB, or remove the child from the return."),
        new EpisodeInCollectionYearRule(),
        new CodeListRule("EPI-22", Episodes, "REC"),
        new PlacementOnlyChangeRule(),
        new EndNotAfterYearRule(),
        new CodeListRule("EPI-25", Episodes, "REASON_PLACE_CHANGE"),
        new PostcodeFormatRule("EPI-26", "HOME_POST"),
        new PostcodeFormatRule("EPI-27", "PL_POST"),
        new BlankForPlacementRule("EPI-29", "PLACE_PROVIDER", ["T0", "T1", "T2", "T3", "T4"],
            "A temporary placement (T0-T4) has no placement provider: leave PLACE_PROVIDER blank."),
        new PlacementNoLongerValidRule("EPI-30", "P2", new DateOnly(2023, 10, 28)),
        new RowRule("EPI-31", Episodes, "PL_POST", "A short break (LS V3 or V4) has no placement postcode or URN.",
            (r, _) => r["LS"] is "V3" or "V4" && (!r.IsBlank("PL_POST") || !r.IsBlank("URN")),
            "Short breaks (V3, V4) carry no placement location: leave PL_POST and URN blank."),
        new RowRule("EPI-33", Episodes, "DEC", "An episode lasts at least a day (DEC is not DECOM).",
            (r, _) => !r.IsBlank("DEC") && r.Date("DEC") == r.Date("DECOM"),
            "This episode ends the day it starts, so it lasted under 24 hours. Check the dates; an episode of care lasts at least a night.", Severity.Warning),
        new RowRule("EPI-34", Episodes, "LS", "A child under 10 when the episode starts has no legal status J1, J2 or J3.",
            (r, d) => r["LS"] is "J1" or "J2" or "J3" && d.DateOfBirth(r.Child) is { } dob && r.Date("DECOM") is { } start && dob.AddYears(10) >= start,
            "The legal statuses J1-J3 (remand, detention, sentence) apply only to children aged 10 or over. Check LS and the child's DOB."),
        new RowRule("EPI-35", Episodes, "DEC", "A short-term respite placement (LS V3) lasts no more than 17 days.",
            (r, d) => r["LS"] == "V3" && r.Date("DECOM") is { } start && (r.Date("DEC") ?? d.YearEnd) > start.AddDays(17),
            "An individual short break (V3) may not exceed 17 days. Check the dates, or record the care as another legal status."),
        new RowRule("EPI-36", Episodes, "RNE", "A short-term respite break (LS V3) starts a period of care (RNE S).",
            (r, _) => r["LS"] == "V3" && r["RNE"] != "S",
            "A child cannot change placement or legal status during a single short break: a V3 episode has RNE S."),
        new RowRule("EPI-37", Episodes, "LS", "A young person looked after past their 18th birthday at 31 March is accommodated under section 20(5) (LS V2) in a community home (K2).",
            (r, d) => r.IsBlank("DEC") && d.DateOfBirth(r.Child) is { } dob && dob.AddYears(18) < d.YearEnd && !(r["LS"] == "V2" && r["PLACE"] == "K2"),
            "A young person still looked after after turning 18 must be accommodated under section 20(5) (V2) in a community home (K2). Check DEC, LS and PLACE."),
        new LegalStatusDurationRule("EPI-38", "L1", 3, "police protection lasts at most 72 hours"),
        new LegalStatusDurationRule("EPI-39", "J2", 21, "PACE limits detention in LA accommodation"),
        new RowRule("EPI-40", Episodes, "PLACE", "An episode ending E45 or E46 (with former foster carers) is a foster placement (U1-U6).",
            (r, _) => r["REC"] is "E45" or "E46" && !r["PLACE"].StartsWith('U'),
            "REC E45/E46 says the child stayed with former foster carers, so the placement is a foster placement (U1-U6). Check REC and PLACE."),
        new RowRule("EPI-41", Episodes, "PLACE_PROVIDER", "Every placement but a temporary one (T0-T4) or Z1 has a placement provider.",
            (r, _) => r.IsBlank("PLACE_PROVIDER") && !r.IsBlank("PLACE") && r["PLACE"] is not ("T0" or "T1" or "T2" or "T3" or "T4" or "Z1"),
            "Enter the placement provider (PR0-PR5) for this placement."),
        new RowRule("EPI-42", Episodes, "PLACE_PROVIDER", "A placement with parents (P1) is not provided by a private provider (PR4).",
            (r, _) => r["PLACE"] == "P1" && r["PLACE_PROVIDER"] == "PR4",
            "A child placed with parents (P1) cannot have a private provider (PR4). Check PLACE and PLACE_PROVIDER."),
        MinimumAge("EPI-43", "P2", 15, "independent living"),
        MinimumAge("EPI-60", "P2", 16, "independent living"),
        new RowRule("EPI-61", Episodes, "URN", "A placement other than with parents, in residential employment, health or custody, temporary or other (P1, P3, R1, R2, R5, T0-T4, Z1) has an Ofsted URN.",
            (r, _) => r.IsBlank("URN") && !r.IsBlank("PLACE") && r["PLACE"] is not ("P1" or "P3" or "R1" or "R2" or "R5" or "T0" or "T1" or "T2" or "T3" or "T4" or "Z1"),
            "Enter the Ofsted URN of the placement's provider (the children's home, fostering service or supported accommodation), or XXXXXXX where it has none."),
        MinimumAge("EPI-44", "H5", 14, "semi-independent living accommodation"),
        MinimumAge("EPI-58", "H5", 16, "semi-independent living accommodation"),
        new RowRule("EPI-59", Episodes, "URN", "A semi-independent living placement (H5) open on or after 29 October 2023 has its Ofsted URN.",
            (r, _) => r["PLACE"] == "H5" && (r.Date("DEC") is not { } end || end >= new DateOnly(2023, 10, 29)) && r["URN"] is "" or Formats.NoUrn,
            "Supported accommodation must be registered with Ofsted from 28 October 2023: enter the provider's URN (for a placement outside England, record it as such)."),
        MinimumAge("EPI-45", "R5", 10, "youth custody or prison"),
        MinimumAge("EPI-46", "S1", 4, "a residential school"),
        MinimumAge("EPI-47", "P3", 14, "residential employment"),
        MaximumStay("EPI-48", "T1", 42, "a temporary stay in hospital"),
        MaximumStay("EPI-49", "T3", 21, "temporary care while the usual foster carers are on holiday"),
        MaximumStay("EPI-50", "T4", 7, "a temporary placement for another reason"),
        new RowRule("EPI-51", Episodes, "REC", "An episode ending in adoption (E11, E12) ends before the child is 18.",
            (r, d) => r["REC"] is "E11" or "E12" && AgeAtEnd(r, d) >= 18,
            "A child cannot be adopted at 18 or over. Check REC, DEC and the child's DOB."),
        new RowRule("EPI-52", Episodes, "REC", "An episode ending in a move to independent living (E5, E6) ends when the child is at least 14.",
            (r, d) => r["REC"] is "E5" or "E6" && AgeAtEnd(r, d) < 14,
            "A child under 14 cannot move into independent living. Check REC, DEC and the child's DOB."),
        new RowRule("EPI-53", Episodes, "REC", "An episode ending in a transfer to adult social care (E7) ends when the child is at least 16.",
            (r, d) => r["REC"] == "E7" && AgeAtEnd(r, d) < 16,
            "A child under 16 cannot transfer to adult social care. Check REC, DEC and the child's DOB."),
        new RowRule("EPI-54", Episodes, "PLACE", "An episode ending in adoption (E11, E12) is a placement for adoption (A3-A6).",
            (r, _) => r["REC"] is "E11" or "E12" && r["PLACE"] is not ("A3" or "A4" or "A5" or "A6"),
            "A child is adopted from a placement for adoption: the episode ending E11/E12 has PLACE A3-A6. Check REC and PLACE."),
        new RowRule("EPI-55", Episodes, "LS", "A placement for adoption with a placement order (A5, A6) is under a placement order (LS E1).",
            (r, _) => r["PLACE"] is "A5" or "A6" && r["LS"] != "E1",
            "A5 and A6 are placements for adoption under a placement order, so LS is E1. Check PLACE and LS."),
        new RowRule("EPI-56", Episodes, "LS", "A child on short breaks is recorded under V3 or V4, not both, in one year.",
            (r, d) => r["LS"] is "V3" or "V4" && d.EpisodesByChild.TryGetValue(r.Child, out var chain) && chain.Any(e => e["LS"] is "V3" or "V4" && e["LS"] != r["LS"]),
            "This child's short breaks are recorded under both V3 and V4 this year. Use one legal status for all of them."),
        new RowRule("EPI-57", Episodes, "LS", "No episode starting after 31 December 2005 has legal status D1.",
            (r, _) => r["LS"] == "D1" && r.Date("DECOM") > new DateOnly(2005, 12, 31),
            "D1 (freeing order) has not been a legal status for episodes starting since 2005. Record the child's current legal status."),
        new RowRule("EPI-62", Episodes, "DECOM", "A child's first episode this year starts when the episode last year's return left open started.",
            (r, d) => d.Previous.OpenEpisodeStart(r.Child) is { } openStart && d.EpisodesByChild.TryGetValue(r.Child, out var chain)
                      && ReferenceEquals(chain[0], r) && r.Date("DECOM") != openStart,
            "Last year's return left this child's episode open; this year's return should carry that episode on with the same start date (DECOM). Check the first episode, or last year's."),
        new FormatRule("EPI-28", Episodes, "URN", Formats.IsUrn, "an Ofsted URN (six or seven digits, or SC and six digits) or XXXXXXX",
            $"Enter the placement's Ofsted URN (e.g. 123456 or SC123456), or {Formats.NoUrn} if it has none."),

        // Reviews
        new DateRule("REV-01", Reviews, "REVIEW", required: true),
        new CodeListRule("REV-02", Reviews, "REVIEW_CODE", required: true),
        new DobMatchesHeaderRule("REV-03", Reviews),
        new ChildInHeaderRule("REV-04", Reviews),
        new DuplicateKeyRule("REV-05", Reviews),
        new HasEpisodesRule("REV-07", Reviews),
        new RowRule("REV-06", Reviews, "REVIEW_CODE", "PN0 (child under 4 at the review) is not used for a child who was 4 or over.",
            (r, _) => r["REVIEW_CODE"] == "PN0" && r.Date("DOB") is { } dob && r.Date("REVIEW") > dob.AddYears(4),
            "PN0 is for children under 4 at the review, but this child was 4 or over. Record how the child took part (PN1-PN7), or check DOB and REVIEW."),

        // Missing
        new CodeListRule("MIS-01", Missing, "MISSING", required: true),
        new DateRule("MIS-02", Missing, "MIS_START", required: true),
        new DateOrderRule("MIS-03", Missing, "MIS_START", "MIS_END"),
        new ChildInHeaderRule("MIS-04", Missing),
        new DateRule("MIS-05", Missing, "MIS_END", required: false),
        new HasEpisodesRule("MIS-06", Missing),

        // OC2
        new Oc2TwelveMonthsRule(),
        new FlagRule("OC2-02", Oc2, "HEALTH_CHECK"),
        new SdqScoreRule(),
        new ChildInHeaderRule("OC2-04", Oc2),
        new CodeListRule("OC2-05", Oc2, "SDQ_REASON"),
        new FlagRule("OC2-06", Oc2, "IMMUNISATIONS"),
        new FlagRule("OC2-07", Oc2, "TEETH_CHECK"),
        new FlagRule("OC2-08", Oc2, "CONVICTED"),
        new FlagRule("OC2-09", Oc2, "SUBSTANCE_MISUSE"),
        new FlagRule("OC2-10", Oc2, "HEALTH_ASSESSMENT"),
        new FlagRule("OC2-11", Oc2, "INTERVENTION_RECEIVED"),
        new FlagRule("OC2-12", Oc2, "INTERVENTION_OFFERED"),
        new HasEpisodesRule("OC2-21", Oc2),
        new RowRule("OC2-19", Oc2, "IMMUNISATIONS", "An OC2 record is complete (immunisations, teeth check, health assessment, substance misuse) or entirely blank.",
            (r, _) => (r.IsBlank("IMMUNISATIONS") || r.IsBlank("TEETH_CHECK") || r.IsBlank("HEALTH_ASSESSMENT") || r.IsBlank("SUBSTANCE_MISUSE"))
                      && (!r.IsBlank("CONVICTED") || !r.IsBlank("HEALTH_CHECK") || !r.IsBlank("INTERVENTION_RECEIVED") || !r.IsBlank("INTERVENTION_OFFERED")),
            "Complete IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT and SUBSTANCE_MISUSE (0 or 1), or leave the whole OC2 record blank."),
        new RowRule("OC2-20", Oc2, "INTERVENTION_RECEIVED", "Interventions are recorded only for a child with a substance misuse problem.",
            (r, _) => r["SUBSTANCE_MISUSE"] is "" or "0" && (!r.IsBlank("INTERVENTION_RECEIVED") || !r.IsBlank("INTERVENTION_OFFERED")),
            "SUBSTANCE_MISUSE is not 1, so leave INTERVENTION_RECEIVED and INTERVENTION_OFFERED blank (or record the substance misuse problem)."),
        new RowRule("OC2-13", Oc2, "INTERVENTION_OFFERED", "INTERVENTION_OFFERED is blank when INTERVENTION_RECEIVED is 1.",
            (r, _) => r["INTERVENTION_RECEIVED"] == "1" && !r.IsBlank("INTERVENTION_OFFERED"),
            "An intervention was received, so whether one was offered is not asked: leave INTERVENTION_OFFERED blank."),
        new RowRule("OC2-14", Oc2, "INTERVENTION_OFFERED", "INTERVENTION_OFFERED is given when SUBSTANCE_MISUSE is 1 and INTERVENTION_RECEIVED is 0.",
            (r, _) => r["SUBSTANCE_MISUSE"] == "1" && r["INTERVENTION_RECEIVED"] == "0" && r.IsBlank("INTERVENTION_OFFERED"),
            "No intervention was received for the substance misuse problem: say whether one was offered (INTERVENTION_OFFERED 0 or 1)."),
        new RowRule("OC2-15", Oc2, "INTERVENTION_RECEIVED", "INTERVENTION_RECEIVED is given when SUBSTANCE_MISUSE is 1.",
            (r, _) => r["SUBSTANCE_MISUSE"] == "1" && r.IsBlank("INTERVENTION_RECEIVED"),
            "The child has a substance misuse problem: say whether an intervention was received (INTERVENTION_RECEIVED 0 or 1)."),
        new RowRule("OC2-16", Oc2, "SDQ_REASON", "SDQ_REASON is blank when SDQ_SCORE is given.",
            (r, _) => !r.IsBlank("SDQ_SCORE") && !r.IsBlank("SDQ_REASON"),
            "There is an SDQ score, so no reason for a missing one is needed: clear SDQ_REASON."),
        new RowRule("OC2-17", Oc2, "SDQ_SCORE", "A child under 4 at 31 March has no SDQ score or reason.",
            (r, d) => r.Date("DOB") is { } dob && Degrade.AgeOn(dob, d.YearEnd) < 4 && (!r.IsBlank("SDQ_SCORE") || !r.IsBlank("SDQ_REASON")),
            "The child is under 4 at 31 March, so the SDQ does not apply: leave SDQ_SCORE and SDQ_REASON blank (or check DOB)."),
        new RowRule("OC2-18", Oc2, "SDQ_SCORE", "A child 17 or over at 1 April has no SDQ score or reason.",
            (r, d) => r.Date("DOB") is { } dob && Degrade.AgeOn(dob, d.YearStart) >= 17 && (!r.IsBlank("SDQ_SCORE") || !r.IsBlank("SDQ_REASON")),
            "The young person was 17 or over at 1 April, so the SDQ does not apply: leave SDQ_SCORE and SDQ_REASON blank (or check DOB)."),

        // OC3
        new CodeListRule("OC3-01", Oc3, "IN_TOUCH", required: true),
        new CodeListRule("OC3-02", Oc3, "ACTIV"),
        new CodeListRule("OC3-03", Oc3, "ACCOM"),
        new Oc3AgeRule(),
        new ChildInHeaderRule("OC3-05", Oc3),
        new RowRule("OC3-07", Oc3, "IN_TOUCH", "A child who died in care (an episode ending E2) has no care leaver record.",
            (r, d) => d.EpisodesByChild.TryGetValue(r.Child, out var chain) && chain.Any(e => e["REC"] == "E2"),
            "The child's episodes record that the child died in care, so there is no care leaver record. Check REC or remove the OC3 row."),
        new RowRule("OC3-06", Oc3, "IN_TOUCH", "A young person whose care was transferred to another LA (last REC E3) has no care leaver information.",
            (r, d) => d.EpisodesByChild.TryGetValue(r.Child, out var chain) && chain[^1]["REC"] == "E3"
                      && (!r.IsBlank("IN_TOUCH") || !r.IsBlank("ACTIV") || !r.IsBlank("ACCOM")),
            "This young person's care was transferred to another LA, which reports them as a care leaver: leave IN_TOUCH, ACTIV and ACCOM blank."),

        // Adoption
        new DateRule("AD1-01", Ad1, "DATE_INT", required: true),
        new DateOrderRule("AD1-02", Ad1, "DATE_INT", "DATE_MATCH"),
        new CodeListRule("AD1-03", Ad1, "NB_ADOPTR"),
        new CodeListRule("AD1-04", Ad1, "SEX_ADOPTR"),
        new ChildInHeaderRule("AD1-05", Ad1),
        new DateRule("AD1-08", Ad1, "DATE_MATCH", required: false),
        new HasEpisodesRule("AD1-15", Ad1),
        new RowRule("AD1-14", Ad1, "CHILD", "An AD1 record is for a child adopted in the year (an episode ending E11 or E12 in the year).",
            (r, d) => !(d.EpisodesByChild.TryGetValue(r.Child, out var chain) && chain.Any(e => e["REC"] is "E11" or "E12" && e.Date("DEC") is { } end && end >= d.YearStart && end <= d.YearEnd)),
            "The child's episodes do not show an adoption this year, so there is no AD1 record. Check REC and DEC, or remove the row."),
        new RowRule("AD1-09", Ad1, "SEX_ADOPTR", "Two adopters (NB_ADOPTR 2) have a couple's SEX_ADOPTR (MM, FF or MF).",
            (r, _) => r["NB_ADOPTR"] == "2" && r["SEX_ADOPTR"] is "M1" or "F1",
            "NB_ADOPTR says two adopters but SEX_ADOPTR is a single adopter's code. Use MM, FF or MF, or correct NB_ADOPTR."),
        AdoptersLegalStatus("AD1-10", "L3", "an unmarried couple of different sexes", ["MF"]),
        AdoptersLegalStatus("AD1-11", "L4", "an unmarried couple of the same sex", ["MM", "FF"]),
        AdoptersLegalStatus("AD1-12", "L2", "civil partners", ["MM", "FF", "MF"]),
        AdoptersLegalStatus("AD1-13", "L11", "a married couple of different sexes", ["MF"]),
        new CodeListRule("AD1-06", Ad1, "LS_ADOPTR"),
        new FlagRule("AD1-07", Ad1, "FOSTER_CARE"),
        new DateRule("PAD-01", PlacedAdoption, "DATE_PLACED", required: true),
        new ReasonWithEndDateRule("PAD-02", PlacedAdoption, "DATE_PLACED_CEASED", "REASON_PLACED_CEASED", "REASON_PLACED_CEASED is present exactly when DATE_PLACED_CEASED is.",
            "The placement for adoption ended but no reason is given. Enter REASON_PLACED_CEASED.",
            "A reason is given but DATE_PLACED_CEASED is blank. Enter the date or clear the reason."),
        new DateOrderRule("PAD-03", PlacedAdoption, "DATE_PLACED", "DATE_PLACED_CEASED"),
        new CodeListRule("PAD-04", PlacedAdoption, "REASON_PLACED_CEASED"),
        new DateRule("PAD-05", PlacedAdoption, "DATE_PLACED_CEASED", required: false),
        new HasEpisodesRule("PAD-10", PlacedAdoption),
        new RowRule("PAD-09", PlacedAdoption, "DATE_PLACED", "The decision that a child should be placed for adoption is not before the child's first period of care began.",
            (r, d) => r.Date("DATE_PLACED") is { } placed && d.EpisodesByChild.TryGetValue(r.Child, out var chain)
                      && chain.FirstOrDefault(e => e["RNE"] == "S")?.Date("DECOM") is { } started && placed < started,
            "DATE_PLACED is before the child started to be looked after. Check DATE_PLACED and the first episode's DECOM."),
        new RowRule("PAD-06", PlacedAdoption, "DATE_PLACED", "DATE_PLACED is not before the child's date of birth.",
            (r, d) => r.Date("DATE_PLACED") is { } placed && d.DateOfBirth(r.Child) is { } dob && placed < dob,
            "The decision that the child should be placed for adoption is dated before the child was born: correct DATE_PLACED (or the Header DOB)."),
        new RowRule("PAD-07", PlacedAdoption, "DATE_PLACED", "DATE_PLACED and DATE_PLACED_CEASED are not after 31 March of the collection year.",
            (r, d) => r.Date("DATE_PLACED") > d.YearEnd || r.Date("DATE_PLACED_CEASED") > d.YearEnd,
            "A decision dated after 31 March belongs in next year's return: correct the date or leave it for next year."),
        new RowRule("PAD-08", PlacedAdoption, "DATE_PLACED_CEASED", "DATE_PLACED_CEASED is not before 1 April of the collection year.",
            (r, d) => r.Date("DATE_PLACED_CEASED") < d.YearStart,
            "A decision reversed before this collection year belongs in an earlier return: correct DATE_PLACED_CEASED or remove it."),

        // UASC and previous permanence
        new UascCeasedAfterBirthRule(),
        new ChildInHeaderRule("UAS-02", Uasc),
        new DateRule("UAS-03", Uasc, "DUC", required: false),
        new CodeListRule("PPM-01", PrevPerm, "PREV_PERM"),
        new ChildInHeaderRule("PPM-02", PrevPerm),

        // Social worker episodes (checked, not loaded)
        new RowRule("SWE-01", Header, "CHILD", "A child looked after at 31 March (other than on short breaks) has a social worker episode, when the return includes them.",
            (r, d) => d.Sources.ContainsKey(SocialWorkerEpisodes) && d.EpisodesByChild.TryGetValue(r.Child, out var chain)
                      && chain.Any(e => e.IsBlank("DEC") && e["LS"] is not ("V3" or "V4"))
                      && !d[SocialWorkerEpisodes].Any(w => w.Child == r.Child && !w.IsBlank("SW_ID") && !w.IsBlank("SW_DECOM") && !w.IsBlank("SW_REASON")),
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
        new HasEpisodesRule("PPM-07", PrevPerm),
        new RowRule("PPM-04", PrevPerm, "PREV_PERM", "Previous permanence is recorded only for a child who started to be looked after in the collection year.",
            (r, d) => d.EpisodesByChild.TryGetValue(r.Child, out var chain) && chain.All(e => e.Date("DECOM") is not { } start || start < d.YearStart)
                      && (!r.IsBlank("PREV_PERM") || !r.IsBlank("LA_PERM") || !r.IsBlank("DATE_PERM")),
            "Previous permanence is recorded when a child starts to be looked after; this child's episodes all started before the year. Remove the row or check the episodes."),
        new RowRule("PPM-05", PrevPerm, "DATE_PERM", "DATE_PERM is a date (dd/mm/yyyy, with ZZ for an unknown day or month, ZZZZ for an unknown year) before the child's first episode.",
            (r, d) => !r.IsBlank("DATE_PERM") && (!PartialDate.IsValid(r["DATE_PERM"])
                      || r.Date("DATE_PERM") is { } date && d.EpisodesByChild.TryGetValue(r.Child, out var chain) && chain[0].Date("DECOM") is { } first && date >= first),
            "Enter the date of the previous permanence order as dd/mm/yyyy (ZZ for an unknown day or month), before the child started to be looked after."),
        new RowRule("PPM-06", PrevPerm, "PREV_PERM", "A previous permanence order's LA or date comes with its option (PREV_PERM P1-P4).",
            (r, _) => (!r.IsBlank("LA_PERM") || !r.IsBlank("DATE_PERM")) && r["PREV_PERM"] is "" or "Z1",
            "LA_PERM or DATE_PERM is given but PREV_PERM says there was no previous permanence option. Enter the option (P1-P4) or clear the LA and date."),
        new FormatRule("PPM-03", PrevPerm, "LA_PERM", Formats.IsLaCode, "a three-digit DfE LA code or WAL, SCO, NIR or NUK",
            "Enter the DfE code of the LA where the permanence order was made (e.g. 919), or WAL, SCO, NIR or NUK outside England."),
    ];

    /// <summary>The child's age when the episode ended (null while it is open or the DOB is unknown).</summary>
    private static int? AgeAtEnd(Record903 episode, Ssda903Return data) =>
        episode.Date("DEC") is { } end && data.DateOfBirth(episode.Child) is { } dob && dob <= end ? Degrade.AgeOn(dob, end) : null;

    private static RowRule AdoptersLegalStatus(string code, string legalStatus, string meaning, string[] sexes) =>
        new(code, Ad1, "SEX_ADOPTR", $"Adopters whose legal status is {legalStatus} ({meaning}) have SEX_ADOPTR {string.Join(" or ", sexes)}.",
            (r, _) => r["LS_ADOPTR"] == legalStatus && !sexes.Contains(r["SEX_ADOPTR"]),
            $"LS_ADOPTR {legalStatus} means {meaning}, so SEX_ADOPTR is {string.Join(" or ", sexes)}. Correct one of the two.");

    /// <summary>A placement type a child must be old enough for when the episode starts.</summary>
    private static RowRule MinimumAge(string code, string placement, int years, string meaning) =>
        new(code, Episodes, "PLACE", $"A child placed in {meaning} ({placement}) is at least {years} when the episode starts.",
            (r, d) => r["PLACE"] == placement && d.DateOfBirth(r.Child) is { } dob && r.Date("DECOM") is { } start && start < dob.AddYears(years),
            $"{placement} ({meaning}) is for children aged {years} or over. Check PLACE and the child's DOB.");

    /// <summary>A temporary placement type limited in length (an ended episode is measured).</summary>
    private static RowRule MaximumStay(string code, string placement, int days, string meaning) =>
        new(code, Episodes, "DEC", $"{meaning} ({placement}) lasts no more than {days} days.",
            (r, _) => r["PLACE"] == placement && r.Date("DECOM") is { } start && r.Date("DEC") is { } end && end > start.AddDays(days),
            $"{placement} ({meaning}) may last at most {days} days. Check the dates, or record the placement the child moved to.");

    /// <summary>The rules' descriptions, file rules first, for `rw rules` and the docs.</summary>
    public static IEnumerable<RuleInfo> Catalogue => FileRules.All.Concat(Rules.Select(r => r.Info));

    public static List<ValidationIssue> Validate(Ssda903Return data, CodeLists codes) => ValidateCounting(data, codes).Issues;

    /// <summary>
    /// The findings (capped per rule) and how many children have record-level errors, counted over every
    /// finding before the cap, so the tolerance threshold sees them all.
    /// </summary>
    public static (List<ValidationIssue> Issues, int ChildrenWithErrors) ValidateCounting(Ssda903Return data, CodeLists codes)
    {
        var issues = new List<ValidationIssue>(data.FileIssues);
        if (issues.Any(i => i.Severity == Severity.Error && i.RuleCode is "FILE-02" or "FILE-04"))
            return (issues, 0); // row rules would only repeat what a missing table or column already explains
        var childrenWithErrors = new HashSet<string>();
        data.Codes = codes;
        RuleRunner.Run(issues, Rules, data, data.CollectionYear, seen: issue =>
        {
            if (issue.Severity == Severity.Error)
                childrenWithErrors.Add(issue.Child ?? $"{issue.File}:{issue.Row}");
        });
        return (issues, childrenWithErrors.Count);
    }
}
