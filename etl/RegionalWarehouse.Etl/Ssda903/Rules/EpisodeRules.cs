using RegionalWarehouse.Etl.Privacy;
using static RegionalWarehouse.Etl.Ssda903.Ssda903Schema;

namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>Every Episodes rule, in the order a report lists them.</summary>
public static class EpisodeRules
{
    public static readonly IReadOnlyList<Rule903> All =
    [
        new RequiredValueRule("EPI-01", Episodes, "CHILD", "Every episode needs the child's identifier."),
        new DateRule(new("EPI-02", Dfe: "141"), Episodes, "DECOM", required: true),
        new CodeListRule(new("EPI-03", Dfe: "143"), Episodes, "RNE", required: true),
        new CodeListRule(new("EPI-04", Dfe: "144"), Episodes, "LS", required: true),
        new CodeListRule(new("EPI-05", Dfe: "145"), Episodes, "CIN", required: true),
        new CodeListRule(new("EPI-06", Dfe: "146"), Episodes, "PLACE", required: true),
        new CodeListRule(new("EPI-07", Dfe: "178"), Episodes, "PLACE_PROVIDER"),
        new DateRule(new("EPI-08", Dfe: "147"), Episodes, "DEC", required: false),
        new DateOrderRule(new("EPI-09", Dfe: "356"), Episodes, "DECOM", "DEC"),
        new ReasonWithEndDateRule(new("EPI-10", Dfe: "148"), Episodes, "DEC", "REC", "REC is present when DEC is, and blank when the episode is open.",
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
        new EpisodeInCollectionYearRule(),
        new CodeListRule(new("EPI-22", Dfe: "149"), Episodes, "REC"),
        new PlacementOnlyChangeRule(),
        new EndNotAfterYearRule(),
        new CodeListRule(new("EPI-25", Dfe: "1009"), Episodes, "REASON_PLACE_CHANGE"),
        new PostcodeFormatRule("EPI-26", "HOME_POST"),
        new PostcodeFormatRule("EPI-27", "PL_POST"),
        new BlankForPlacementRule(new("EPI-29", Dfe: "213"), "PLACE_PROVIDER", ["T0", "T1", "T2", "T3", "T4"],
            "A temporary placement (T0-T4) has no placement provider: leave PLACE_PROVIDER blank."),
        new PlacementNoLongerValidRule(new("EPI-30", Dfe: "217t", FirstYear: 2024, Note: "P2 ceased to be a placement type on 28 October 2023; an episode open after it is checked too, as in the DfE's validator"), "P2", new DateOnly(2023, 10, 28)),
        new RowRule(new("EPI-31", Dfe: "214"), Episodes, "PL_POST", "A short break (LS V3 or V4) has no placement postcode or URN.",
            (r, _) => r["LS"] is "V3" or "V4" && (!r.IsBlank("PL_POST") || !r.IsBlank("URN")),
            "Short breaks (V3, V4) carry no placement location: leave PL_POST and URN blank."),
        new RowRule(new("EPI-33", Dfe: "355"), Episodes, "DEC", "An episode lasts at least a day (DEC is not DECOM).",
            (r, _) => !r.IsBlank("DEC") && r.Date("DEC") == r.Date("DECOM"),
            "This episode ends the day it starts, so it lasted under 24 hours. Check the dates; an episode of care lasts at least a night.", Severity.Warning),
        new RowRule(new("EPI-34", Dfe: "358"), Episodes, "LS", "A child under 10 when the episode starts has no legal status J1, J2 or J3.",
            (r, d) => r["LS"] is "J1" or "J2" or "J3" && d.DateOfBirth(r.Child) is { } dob && r.Date("DECOM") is { } start && dob.AddYears(10) >= start,
            "The legal statuses J1-J3 (remand, detention, sentence) apply only to children aged 10 or over. Check LS and the child's DOB."),
        new RowRule(new("EPI-35", Dfe: "365"), Episodes, "DEC", "A short-term respite placement (LS V3) lasts no more than 17 days.",
            (r, d) => r["LS"] == "V3" && r.Date("DECOM") is { } start && (r.Date("DEC") ?? d.YearEnd) > start.AddDays(17),
            "An individual short break (V3) may not exceed 17 days. Check the dates, or record the care as another legal status."),
        new RowRule(new("EPI-36", Dfe: "366"), Episodes, "RNE", "A short-term respite break (LS V3) starts a period of care (RNE S).",
            (r, _) => r["LS"] == "V3" && r["RNE"] != "S",
            "A child cannot change placement or legal status during a single short break: a V3 episode has RNE S."),
        new RowRule(new("EPI-37", Dfe: "359"), Episodes, "LS", "A young person looked after past their 18th birthday at 31 March is accommodated under section 20(5) (LS V2) in a community home (K2).",
            (r, d) => r.IsBlank("DEC") && d.DateOfBirth(r.Child) is { } dob && dob.AddYears(18) < d.YearEnd && !(r["LS"] == "V2" && r["PLACE"] == "K2"),
            "A young person still looked after after turning 18 must be accommodated under section 20(5) (V2) in a community home (K2). Check DEC, LS and PLACE."),
        new LegalStatusDurationRule(new("EPI-38", Dfe: "361"), "L1", 3, "police protection lasts at most 72 hours"),
        new LegalStatusDurationRule(new("EPI-39", Dfe: "364"), "J2", 21, "PACE limits detention in LA accommodation"),
        new RowRule(new("EPI-40", Dfe: "516"), Episodes, "PLACE", "An episode ending E45 or E46 (with former foster carers) is a foster placement (U1-U6).",
            (r, _) => r["REC"] is "E45" or "E46" && !r["PLACE"].StartsWith('U'),
            "REC E45/E46 says the child stayed with former foster carers, so the placement is a foster placement (U1-U6). Check REC and PLACE."),
        new RowRule(new("EPI-41", Dfe: "526"), Episodes, "PLACE_PROVIDER", "Every placement but a temporary one (T0-T4) or Z1 has a placement provider.",
            (r, _) => r.IsBlank("PLACE_PROVIDER") && !r.IsBlank("PLACE") && !PlacementType.IsTemporary(r["PLACE"]) && r["PLACE"] != "Z1",
            "Enter the placement provider (PR0-PR5) for this placement."),
        new RowRule(new("EPI-42", Dfe: "530"), Episodes, "PLACE_PROVIDER", "A placement with parents (P1) is not provided by a private provider (PR4).",
            (r, _) => r["PLACE"] == "P1" && r["PLACE_PROVIDER"] == "PR4",
            "A child placed with parents (P1) cannot have a private provider (PR4). Check PLACE and PLACE_PROVIDER."),
        MinimumAge(new("EPI-43", Dfe: "370", LastYear: 2023, Note: "Until 2022/23 P2 was allowed from 15"), "P2", 15, "independent living"),
        MinimumAge(new("EPI-60", Dfe: "370", FirstYear: 2024, Note: "From 2023/24 P2 is allowed from 16"), "P2", 16, "independent living"),
        new RowRule(new("EPI-61", Dfe: "218", FirstYear: 2024, Note: "The platform cannot tell a placement outside England (the DfE excludes them)"), Episodes, "URN", "A placement other than with parents, in residential employment, health or custody, temporary or other (P1, P3, R1, R2, R5, T0-T4, Z1) has an Ofsted URN.",
            (r, _) => r.IsBlank("URN") && !r.IsBlank("PLACE") && !PlacementType.IsExemptFromUrn(r["PLACE"]),
            "Enter the Ofsted URN of the placement's provider (the children's home, fostering service or supported accommodation), or XXXXXXX where it has none."),
        MinimumAge(new("EPI-44", Dfe: "371", LastYear: 2023, Note: "Until 2022/23 H5 was allowed from 14"), "H5", 14, "semi-independent living accommodation"),
        MinimumAge(new("EPI-58", Dfe: "371", FirstYear: 2024, Note: "From 2023/24 H5 is allowed from 16"), "H5", 16, "semi-independent living accommodation"),
        new RowRule(new("EPI-59", Dfe: "230", FirstYear: 2024, Note: "The platform cannot tell a placement outside England (the DfE excludes them)"), Episodes, "URN", "A semi-independent living placement (H5) open on or after 29 October 2023 has its Ofsted URN.",
            (r, _) => r["PLACE"] == "H5" && (r.Date("DEC") is not { } end || end >= new DateOnly(2023, 10, 29)) && r["URN"] is "" or Formats.NoUrn,
            "Supported accommodation must be registered with Ofsted from 28 October 2023: enter the provider's URN (for a placement outside England, record it as such)."),
        MinimumAge(new("EPI-45", Dfe: "372"), "R5", 10, "youth custody or prison"),
        MinimumAge(new("EPI-46", Dfe: "373"), "S1", 4, "a residential school"),
        MinimumAge(new("EPI-47", Dfe: "374"), "P3", 14, "residential employment"),
        MaximumStay(new("EPI-48", Dfe: "375"), "T1", 42, "a temporary stay in hospital"),
        MaximumStay(new("EPI-49", Dfe: "376"), "T3", 21, "temporary care while the usual foster carers are on holiday"),
        MaximumStay(new("EPI-50", Dfe: "379"), "T4", 7, "a temporary placement for another reason"),
        new RowRule(new("EPI-51", Dfe: "386"), Episodes, "REC", "An episode ending in adoption (E11, E12) ends before the child is 18.",
            (r, d) => r["REC"] is "E11" or "E12" && AgeAtEnd(r, d) >= 18,
            "A child cannot be adopted at 18 or over. Check REC, DEC and the child's DOB."),
        new RowRule(new("EPI-52", Dfe: "387"), Episodes, "REC", "An episode ending in a move to independent living (E5, E6) ends when the child is at least 14.",
            (r, d) => r["REC"] is "E5" or "E6" && AgeAtEnd(r, d) < 14,
            "A child under 14 cannot move into independent living. Check REC, DEC and the child's DOB."),
        new RowRule(new("EPI-53", Dfe: "389"), Episodes, "REC", "An episode ending in a transfer to adult social care (E7) ends when the child is at least 16.",
            (r, d) => r["REC"] == "E7" && AgeAtEnd(r, d) < 16,
            "A child under 16 cannot transfer to adult social care. Check REC, DEC and the child's DOB."),
        new RowRule(new("EPI-54", Dfe: "390"), Episodes, "PLACE", "An episode ending in adoption (E11, E12) is a placement for adoption (A3-A6).",
            (r, _) => r["REC"] is "E11" or "E12" && !PlacementType.IsForAdoption(r["PLACE"]),
            "A child is adopted from a placement for adoption: the episode ending E11/E12 has PLACE A3-A6. Check REC and PLACE."),
        new RowRule(new("EPI-55", Dfe: "408"), Episodes, "LS", "A placement for adoption with a placement order (A5, A6) is under a placement order (LS E1).",
            (r, _) => r["PLACE"] is "A5" or "A6" && r["LS"] != "E1",
            "A5 and A6 are placements for adoption under a placement order, so LS is E1. Check PLACE and LS."),
        new RowRule(new("EPI-56", Dfe: "426"), Episodes, "LS", "A child on short breaks is recorded under V3 or V4, not both, in one year.",
            (r, d) => r["LS"] is "V3" or "V4" && d.EpisodesByChild.TryGetValue(r.Child, out var chain) && chain.Any(e => e["LS"] is "V3" or "V4" && e["LS"] != r["LS"]),
            "This child's short breaks are recorded under both V3 and V4 this year. Use one legal status for all of them."),
        new RowRule(new("EPI-57", Dfe: "445"), Episodes, "LS", "No episode starting after 31 December 2005 has legal status D1.",
            (r, _) => r["LS"] == "D1" && r.Date("DECOM") > new DateOnly(2005, 12, 31),
            "D1 (freeing order) has not been a legal status for episodes starting since 2005. Record the child's current legal status."),
        new RowRule(new("EPI-62", Dfe: "502"), Episodes, "DECOM", "A child's first episode this year starts when the episode last year's return left open started.",
            (r, d) => d.Previous.OpenEpisodeOf(r.Child)?.Start is { } openStart && d.IsFirstEpisode(r) && r.Date("DECOM") != openStart,
            "Last year's return left this child's episode open; this year's return should carry that episode on with the same start date (DECOM). Check the first episode, or last year's."),
        new FormatRule(new("EPI-28", Dfe: "1008", Note: "Checks the URN's form only; the DfE also looks it up in Ofsted's provider list, which the platform does not hold"), Episodes, "URN", Formats.IsUrn, "an Ofsted URN (six or seven digits, or SC and six digits) or XXXXXXX",
            $"Enter the placement's Ofsted URN (e.g. 123456 or SC123456), or {Formats.NoUrn} if it has none."),
        new RowRule(new("EPI-63", Dfe: "217"), Episodes, "RNE", "A placement for adoption with current foster carers (A3, A5) starting on or after 1 April 2015 starts a period of care or changes legal status and placement (RNE S, T or U).",
            (r, _) => r["PLACE"] is "A3" or "A5" && r.Date("DECOM") >= new DateOnly(2015, 4, 1) && r["RNE"] is not ("S" or "T" or "U"),
            "A placement for adoption with current foster carers keeps the carers: use RNE T (the placement changed) or U (the legal status too), S for a new period of care, or check PLACE."),
        new RowRule(new("EPI-64", Dfe: "431"), Episodes, "RNE", "An episode starting a new period of care (RNE S) starts after the previous episode ended.",
            (r, d) => r["RNE"] == "S" && d.EpisodeBefore(r)?.Date("DEC") is { } ended && r.Date("DECOM") <= ended,
            "RNE S says the child started to be looked after again, but the previous episode only ended that day (or later). If care continued, give the RNE for what changed (L, P, T, U or B)."),
        new RowRule(new("EPI-65", Dfe: "433"), Episodes, "DECOM", "An episode continuing care (RNE P, L, T, U or B) starts the day the previous episode ended.",
            (r, d) => r["RNE"] is "P" or "L" or "T" or "U" or "B" && d.EpisodeBefore(r) is { } before && before.Date("DEC") != r.Date("DECOM"),
            "RNE says care continued from the previous episode, so this episode starts the day that one ended (its DEC). Check the dates, or use RNE S for a new period of care."),
        new RowRule(new("EPI-66", Dfe: "437"), Episodes, "REC", "No episode follows one ending in the child's death (E2) or an age assessment finding them 18 or over (E15).",
            (r, d) => r["REC"] is "E2" or "E15" && d.EpisodeAfter(r) is not null,
            "REC E2 or E15 ends the child's care for good, but a later episode follows. Check REC, or the later episode."),
        new RowRule(new("EPI-67", Dfe: "226"), Episodes, "REASON_PLACE_CHANGE", "A temporary placement (T0-T4), and the episode before it, carry no reason for a placement change.",
            (r, d) => IsTemporary(r) && (!r.IsBlank("REASON_PLACE_CHANGE") || d.EpisodeBefore(r) is { } before && !before.IsBlank("REASON_PLACE_CHANGE")),
            "A temporary placement is not a change of placement: leave REASON_PLACE_CHANGE blank on it and on the episode before it."),
        new RowRule(new("EPI-68", Dfe: "367", Note: "Counted within the collection year"), Episodes, "DEC", "A child has at most 75 days of short-term respite care (LS V3) in the year.",
            (r, d) => r["LS"] == "V3" && RespiteDaysInYear(r, d) > 0 && d.EpisodesByChild.TryGetValue(r.Child, out var chain)
                      && chain.Where(e => e["LS"] == "V3").Sum(e => RespiteDaysInYear(e, d)) > 75,
            "This child's short breaks (V3) add up to more than 75 days this year, the most allowed in 12 months. Check the dates, or record the care under another legal status."),
        new RowRule(new("EPI-69", Dfe: "378"), Episodes, "LS", "A child placed with parents (P1) is not accommodated under a single period of section 20 accommodation (LS V2).",
            (r, _) => r["PLACE"] == "P1" && r["LS"] == "V2",
            "A child placed with parents (P1) cannot be accommodated under section 20 (V2). Check PLACE and LS."),
        new RowRule(new("EPI-70", Dfe: "446"), Episodes, "LS", "No episode starting before 1 December 2005 has legal status E1 (placement order).",
            (r, _) => r["LS"] == "E1" && r.Date("DECOM") < new DateOnly(2005, 12, 1),
            "Placement orders (E1) began in December 2005, so an earlier episode cannot have LS E1. Check DECOM and LS."),
        new RowRule(new("EPI-71", Dfe: "436"), Episodes, "RNE", "An episode changing both legal status and placement (RNE U or B) has a different LS and a different placement from the previous episode.",
            (r, d) => r["RNE"] is "U" or "B" && d.EpisodeBefore(r) is { } before && (before["LS"] == r["LS"] || PlacementType.Unchanged(before, r)),
            "RNE U or B says both the legal status and the placement changed, but the previous episode has the same LS or the same placement (PLACE, PL_POST, URN, PLACE_PROVIDER). Check RNE."),
        new RowRule(new("EPI-72", Dfe: "435", Note: "The placement half of DfE 435; EPI-23 checks the legal status half"), Episodes, "RNE", "An episode for a change of placement (RNE P or T) has a placement different from the previous episode's.",
            (r, d) => r["RNE"] is "P" or "T" && d.EpisodeBefore(r) is { } before && PlacementType.Unchanged(before, r),
            "RNE P or T says the placement changed, but PLACE, PL_POST, URN and PLACE_PROVIDER are all as in the previous episode. Check RNE, or the placement details."),
        new RowRule(new("EPI-73", Dfe: "551"), Episodes, "PLACE", "A child placed for adoption (A3-A6) has the date of the decision that they should be placed for adoption (PlacedAdoption DATE_PLACED).",
            (r, d) => PlacementType.IsForAdoption(r["PLACE"]) && !d.RowsFor(PlacedAdoption, r.Child).Any(p => !p.IsBlank("DATE_PLACED")),
            "The child is placed for adoption, so the PlacedAdoption table needs the date of the decision that they should be (DATE_PLACED). Add it, or check PLACE."),
        new RowRule(new("EPI-74", Dfe: "225"), Episodes, "REASON_PLACE_CHANGE", "An episode ending with a change of placement (REC X1, the next episode RNE P, B, T or U, neither a temporary placement) says why the placement changed.",
            (r, d) => r["REC"] == "X1" && r.IsBlank("REASON_PLACE_CHANGE") && !IsTemporary(r) && d.EpisodeAfter(r) is { } next && next["RNE"] is "P" or "B" or "T" or "U" && !IsTemporary(next),
            "The child's placement changed when this episode ended: give REASON_PLACE_CHANGE on this episode (the one that ended), e.g. CARPL."),
        UnregisteredPlacement(new("EPI-75", Dfe: "222", LastYear: 2023, Note: "Until 2022/23, when semi-independent living (H5) had no URN"), ["H5", "P1", "P2", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1"]),
        UnregisteredPlacement(new("EPI-77", Dfe: "222", FirstYear: 2024, Note: "From 2023/24, H5 needs its URN (EPI-59)"), ["P1", "P2", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1"]),
        new RowRule(new("EPI-76", Dfe: "178", Note: "With EPI-07 (the code) and EPI-29 (temporary placements), the whole of DfE 178"), Episodes, "PLACE_PROVIDER", "An other placement (Z1) has no placement provider.",
            (r, _) => !r.IsBlank("PLACE_PROVIDER") && r["PLACE"] is "Z1",
            "Z1 (other placement) has no placement provider: leave PLACE_PROVIDER blank, or check PLACE."),
        new RowRule(new("EPI-78", Dfe: "380"), Episodes, "PLACE", "A temporary placement (T0-T4) begins with a change of placement (RNE P or B), never a new period of care.",
            (r, _) => IsTemporary(r) && r["RNE"] is not ("P" or "B"),
            "A period of care cannot start with a temporary placement, and a temporary placement is a change of placement: check RNE (P or B) and PLACE."),
        new RowRule(new("EPI-79", Dfe: "381"), Episodes, "REC", "A temporary placement (T0-T4) does not end a period of care (its REC is X1).",
            (r, _) => IsTemporary(r) && !r.IsBlank("REC") && r["REC"] != "X1",
            "A period of care cannot end in a temporary placement: record the child's usual placement as the last episode, or check PLACE."),
        new RowRule(new("EPI-80", Dfe: "382"), Episodes, "PLACE", "A child on a short break (LS V3 or V4) is not in a temporary placement (T0-T4).",
            (r, _) => r["LS"] is "V3" or "V4" && IsTemporary(r),
            "Short breaks cannot be temporary placements: check LS and PLACE."),
        new RowRule(new("EPI-81", Dfe: "383"), Episodes, "PLACE", "After a temporary placement (T0-T4) the child returns to the placement they left (next episode RNE P, PLACE as before).",
            (r, d) => IsTemporary(r) && d.EpisodeBefore(r) is { } before && d.EpisodeAfter(r) is { } after && (after["RNE"] != "P" || after["PLACE"] != before["PLACE"]),
            "A temporary placement is followed by a return to the usual placement: the next episode has RNE P and the PLACE the child had before. Check the episodes."),
        new RowRule(new("EPI-82", Dfe: "377", Note: "Counted within the return (the DfE says any 12 months)"), Episodes, "PLACE", "A child has at most two temporary placements while their usual foster carers are on holiday (T3) in the year.",
            (r, d) => r["PLACE"] == "T3" && d.EpisodesByChild.TryGetValue(r.Child, out var chain) && chain.Count(e => e["PLACE"] == "T3") > 2,
            "Only two temporary placements for the foster carers' holiday (T3) are allowed in 12 months: check PLACE on these episodes."),
        new RowRule(new("EPI-83", Dfe: "557"), Episodes, "REC", "A child placed for adoption (A3-A6) or under a placement order (E1, D1) who left care other than by adoption has the reversal of the decision recorded (PlacedAdoption DATE_PLACED_CEASED and REASON_PLACED_CEASED).",
            (r, d) => (PlacementType.IsForAdoption(r["PLACE"]) || r["LS"] is "E1" or "D1") && r["REC"] is not ("" or "X1" or "E11" or "E12")
                      && !d.RowsFor(PlacedAdoption, r.Child).Any(p => !p.IsBlank("DATE_PLACED_CEASED") && !p.IsBlank("REASON_PLACED_CEASED")),
            "The child left care without being adopted, so the decision that they should be placed for adoption was reversed: record DATE_PLACED_CEASED and REASON_PLACED_CEASED in PlacedAdoption, or check REC."),
        AgreesWithOpenEpisode(new("EPI-84", Dfe: "503A"), "RNE", "reason for new episode", open => open.Rne),
        AgreesWithOpenEpisode(new("EPI-85", Dfe: "503B"), "LS", "legal status", open => open.LegalStatus),
        AgreesWithOpenEpisode(new("EPI-86", Dfe: "503C"), "CIN", "category of need", open => open.CategoryOfNeed),
        AgreesWithOpenEpisode(new("EPI-87", Dfe: "503D", Note: "A semi-independent placement (H5) recorded as supported accommodation (K3) is accepted"), "PLACE", "placement type", open => open.Place, (was, now) => was == "H5" && now == "K3"),
        AgreesWithOpenEpisode(new("EPI-88", Dfe: "503E"), "PLACE_PROVIDER", "placement provider", open => open.Provider),
        AgreesWithOpenEpisode(new("EPI-89", Dfe: "503F"), "URN", "Ofsted URN", open => open.Urn),
        new RowRule(new("EPI-90", Dfe: "384"), Episodes, "PLACE", "A child on a short break (LS V3 or V4) is not in a long-term foster placement (U1, U4).",
            (r, _) => r["LS"] is "V3" or "V4" && r["PLACE"] is "U1" or "U4",
            "Short breaks cannot be long-term foster placements (U1, U4): check LS and PLACE."),
        ProviderNotFor(new("EPI-91", Dfe: "529"), "PR3", "another public organisation", ["P1", "A3", "A4", "A5", "A6", "K1", "K2", "U1", "U2", "U3", "U4", "U5", "U6"]),
        ProviderNotFor(new("EPI-92", Dfe: "531"), "PR5", "a voluntary or third-sector provider", ["P1"]),
        ProviderNotFor(new("EPI-94", Dfe: "527"), "PR1", "the LA's own provision", ["P1", "R2", "R5"]),
        ProviderNotFor(new("EPI-95", Dfe: "528"), "PR2", "another LA", ["P1", "R2", "R5"]),
        new RowRule(new("EPI-93", Dfe: "550"), Episodes, "PLACE_PROVIDER", "Only a placement with parents (P1) has the provider 'parents or other person with parental responsibility' (PR0).",
            (r, _) => r["PLACE_PROVIDER"] == "PR0" && r["PLACE"] != "P1",
            "PR0 is for a child placed with parents (P1) only: check PLACE_PROVIDER and PLACE."),
        NeedsDecisionToPlace(new("EPI-96", Dfe: "553", Note: "DfE 553 for the episode"), "E1", "placement order"),
        NeedsDecisionToPlace(new("EPI-97", Dfe: "555", Note: "DfE 555 for the episode"), "D1", "freeing order"),
        new RowRule(new("EPI-98", Dfe: "556"), Episodes, "DECOM", "The decision that the child should be placed for adoption is not after a freeing order (LS D1) began.",
            (r, d) => r["LS"] == "D1" && r.Date("DECOM") is { } start && d.RowsFor(PlacedAdoption, r.Child).Any(p => p.Date("DATE_PLACED") > start),
            "The freeing order began before the decision that the child should be placed for adoption: check DATE_PLACED and this episode's DECOM."),
        new RowRule(new("EPI-99", Dfe: "432"), Episodes, "RNE", "An episode after one that ended the child's care (a REC other than X1) starts a new period of care (RNE S).",
            (r, d) => r["RNE"] != "S" && d.EpisodeBefore(r) is { } before && !before.IsBlank("REC") && before["REC"] != "X1",
            "The previous episode ended the child's care (its REC is not X1), so this one starts a new period of care: RNE S. Check RNE, or the previous REC."),
        new RowRule(new("EPI-100", Dfe: "451"), Episodes, "LS", "No child is still freed for adoption (an open episode with LS D1): freeing orders ended in December 2005.",
            (r, _) => r["LS"] == "D1" && r.IsBlank("DEC") && r.IsBlank("REC"),
            "Freeing orders could not be applied for after 30 December 2005: record the child's current legal status."),
        new LegalStatusDurationRule(new("EPI-101", Dfe: "362"), "L2", 21, "an emergency protection order"),
        new RowRule(new("EPI-102", Dfe: "392B", Note: "The platform exempts children in this year's UASC table; the DfE also exempts those in last year's"), Episodes, "HOME_POST", "A looked-after child (other than on a short break, or an unaccompanied asylum-seeking child) has a home and a placement postcode.",
            (r, d) => (r.IsBlank("HOME_POST") || r.IsBlank("PL_POST")) && r["LS"] is not ("V3" or "V4") && !d.RowsFor(Uasc, r.Child).Any(),
            "Enter the postcode of the child's home when they started to be looked after (HOME_POST) and of the placement (PL_POST)."),
        new RowRule(new("EPI-103", Dfe: "562"), Episodes, "DECOM", "A child's first episode, when it began before the collection year, is the latest episode of last year's return (the same DECOM).",
            (r, d) => d.Previous.Count > 0 && r.Date("DECOM") < d.YearStart && d.IsFirstEpisode(r) && d.Previous.LatestEpisodeStartOf(r.Child) != r.Date("DECOM"),
            "This episode began before the collection year, so it carries on the latest episode in last year's return, but that one began on another day (or last year's return has no episode for the child). Check DECOM, or resubmit last year's return."),
        new LegalStatusDurationRule(new("EPI-104", Dfe: "363"), "L3", 7, "a child assessment order"),
        new RowRule(new("EPI-105", Dfe: "407"), Episodes, "REC", "An episode ending in a special guardianship order (E45-E48) ends before the child is 18.",
            (r, d) => r["REC"] is "E45" or "E46" or "E47" or "E48" && r.Date("DEC") is { } end && d.DateOfBirth(r.Child) is { } dob && dob.AddYears(18) < end,
            "A special guardianship order is made for a child under 18: check REC, DEC and the child's DOB."),
        new RowRule(new("EPI-106", Dfe: "630"), Episodes, "RNE", "A child who started to be looked after in the year (RNE S) has their previous permanence option recorded (PrevPerm), when the return includes that table.",
            (r, d) => r["RNE"] == "S" && r.Date("DECOM") >= d.YearStart && d.Sources.ContainsKey(PrevPerm)
                      && !IsCompletePermanenceRecord(d.RowsFor(PrevPerm, r.Child).FirstOrDefault()),
            "The child started to be looked after this year: record in PrevPerm whether they had a previous permanence option (Z1 if none; otherwise the option, the LA and the date)."),
        new RowRule(new("EPI-107", Dfe: "580"), Episodes, "REC", "A child missing on their 18th birthday, when their care ended, has the episode ending E8.",
            (r, d) => r["REC"] is not ("" or "E8") && r.Date("DEC") is { } end && d.DateOfBirth(r.Child)?.AddYears(18) == end
                      && d.RowsFor(Missing, r.Child).Any(m => m.Date("MIS_END") == end),
            "The child was missing when their care ended at 18, which the 903 records as E8. Check REC, or the missing spell."),
        new RowRule(new("EPI-108", Dfe: "504"), Episodes, "CIN", "The category of need stays as recorded at the start of the period of care (episodes continuing after REC X1).",
            (r, d) => d.EpisodeBefore(r) is { } before && before["REC"] == "X1" && before.Date("DEC") == r.Date("DECOM") && before["CIN"] != r["CIN"],
            "The category of need is the child's need when the period of care began, so it does not change between its episodes: check CIN."),
        new RowRule(new("EPI-109", Dfe: "398"), Episodes, "HOME_POST", "A short break (LS V3 or V4) has no home or placement postcode.",
            (r, _) => r["LS"] is "V3" or "V4" && (!r.IsBlank("HOME_POST") || !r.IsBlank("PL_POST")),
            "Postcodes are not collected for short breaks (V3, V4): leave HOME_POST and PL_POST blank."),
        new RowRule(new("EPI-110", Dfe: "199", Note: "Against every earlier return the warehouse holds for the LA, not only last year's"), Episodes, "DECOM", "A child adopted from care (an episode ending E11 or E12) has no later episode under the same identifier.",
            (r, d) => r.Date("DECOM") is { } start && AdoptedOn(d, r.Child) is { } adopted && start >= adopted,
            "This child was adopted from care (an earlier episode, this year or in an earlier return, ended E11 or E12). A child adopted who comes back into care is given a new CHILD identifier: check the identifier, or the earlier episode's REC."),
    ];

    /// <summary>The days of an episode that fall in the collection year (an open episode runs to 31 March).</summary>
    /// <summary>The day the child was adopted from care: an episode this year or in an earlier return ending E11 or E12.</summary>
    private static DateOnly? AdoptedOn(Ssda903Return data, string child) =>
        data.RowsFor(Episodes, child).Where(e => e["REC"] is "E11" or "E12").Select(e => e.Date("DEC")).Append(data.Previous.AdoptedOn(child))
            .Where(d => d is not null).Min();

    private static int RespiteDaysInYear(Record903 episode, Ssda903Return data)
    {
        if (episode.Date("DECOM") is not { } start)
            return 0;
        var end = episode.Date("DEC") is { } dec && dec <= data.YearEnd ? dec : data.YearEnd;
        return end.DayNumber - (start < data.YearStart ? data.YearStart : start).DayNumber;
    }
    /// <summary>Placement types Ofsted does not register, so their URN is blank or XXXXXXX (the list changed in 2023/24: each rule carries its years).</summary>
    private static RowRule UnregisteredPlacement(RuleCode code, string[] placements) =>
        new(code, Episodes, "URN", $"A placement Ofsted does not register ({string.Join(", ", placements)}) has no URN other than XXXXXXX.",
            (r, _) => placements.Contains(r["PLACE"]) && !r.IsBlank("URN") && r["URN"] != Formats.NoUrn,
            $"This kind of placement has no Ofsted registration: leave URN blank or {Formats.NoUrn}, or check PLACE.");

    /// <summary>A kind of provider that cannot provide some placement types (the DfE's 527-531).</summary>
    private static RowRule ProviderNotFor(RuleCode code, string provider, string meaning, string[] placements) =>
        new(code, Episodes, "PLACE_PROVIDER", $"Placements {string.Join(", ", placements)} are not provided by {meaning} ({provider}).",
            (r, _) => r["PLACE_PROVIDER"] == provider && placements.Contains(r["PLACE"]),
            $"Placements {string.Join(", ", placements)} cannot be provided by {meaning} ({provider}): check PLACE_PROVIDER and PLACE.");

    /// <summary>A PrevPerm record that says whether there was a previous permanence option and, if so, where and when.</summary>
    private static bool IsCompletePermanenceRecord(Record903? perm) =>
        perm is not null && !perm.IsBlank("PREV_PERM") && (perm["PREV_PERM"] == "Z1" || !perm.IsBlank("LA_PERM") && !perm.IsBlank("DATE_PERM"));

    private static bool IsTemporary(Record903 episode) => PlacementType.IsTemporary(episode["PLACE"]);
    /// <summary>
    /// The child's first episode this year, where it carries on the episode last year's return left open (the
    /// same start), records it as last year's did (the DfE's 503 checks). A value the warehouse did not keep
    /// from last year (an invalid code, say) is not compared.
    /// </summary>
    private static RowRule AgreesWithOpenEpisode(RuleCode code, string column, string what, Func<OpenEpisode, string?> lastYear,
        Func<string, string, bool>? allowedChange = null) =>
        new(code, Episodes, column, $"A child's first episode, carrying on the one last year's return left open, has the same {what} as last year's return recorded.",
            (r, d) => d.Previous.OpenEpisodeOf(r.Child) is { } open && open.Start == r.Date("DECOM") && d.IsFirstEpisode(r)
                      && lastYear(open) is { Length: > 0 } was && was != r[column] && allowedChange?.Invoke(was, r[column]) != true,
            $"This episode carries on the one last year's return left open, so its {column} is as last year's return recorded it. Correct whichever year is wrong (last year's by resubmitting it).");
    /// <summary>An order that presupposes the decision to place for adoption (DfE 553, 555).</summary>
    private static RowRule NeedsDecisionToPlace(RuleCode code, string legalStatus, string order) =>
        new(code, Episodes, "LS", $"A child under a {order} (LS {legalStatus}) has the decision that they should be placed for adoption recorded (PlacedAdoption).",
            (r, d) => r["LS"] == legalStatus && !d.RowsFor(PlacedAdoption, r.Child).Any(),
            $"A {order} has been granted, so the PlacedAdoption table needs the date of the decision that the child should be placed for adoption. Add it, or check LS.");
    /// <summary>The child's age when the episode ended (null while it is open or the DOB is unknown).</summary>
    private static int? AgeAtEnd(Record903 episode, Ssda903Return data) =>
        episode.Date("DEC") is { } end && data.DateOfBirth(episode.Child) is { } dob && dob <= end ? Degrade.AgeOn(dob, end) : null;

    /// <summary>A placement type a child must be old enough for when the episode starts.</summary>
    private static RowRule MinimumAge(RuleCode code, string placement, int years, string meaning) =>
        new(code, Episodes, "PLACE", $"A child placed in {meaning} ({placement}) is at least {years} when the episode starts.",
            (r, d) => r["PLACE"] == placement && d.DateOfBirth(r.Child) is { } dob && r.Date("DECOM") is { } start && start < dob.AddYears(years),
            $"{placement} ({meaning}) is for children aged {years} or over. Check PLACE and the child's DOB.");

    /// <summary>A temporary placement type limited in length (an ended episode is measured).</summary>
    private static RowRule MaximumStay(RuleCode code, string placement, int days, string meaning) =>
        new(code, Episodes, "DEC", $"{meaning} ({placement}) lasts no more than {days} days.",
            (r, _) => r["PLACE"] == placement && r.Date("DECOM") is { } start && r.Date("DEC") is { } end && end > start.AddDays(days),
            $"{placement} ({meaning}) may last at most {days} days. Check the dates, or record the placement the child moved to.");
}
