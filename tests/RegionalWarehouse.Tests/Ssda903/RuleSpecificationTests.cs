using RegionalWarehouse.Etl.Ssda903;
using RegionalWarehouse.Etl.Ssda903.Rules;
using RegionalWarehouse.Etl.Validation;

namespace RegionalWarehouse.Tests.Ssda903;

/// <summary>
/// Every 903 rule, specified by example: the valid fixture (Fixtures/valid-919-2024) passes every rule,
/// and one small edit to it makes each rule fire, at the file, row and column the edit touched.
/// </summary>
public class RuleSpecificationTests(CodeListFixture codeLists) : IClassFixture<CodeListFixture>
{
    private const string Fixture = "valid-919-2024";

    /// <summary>One rule's example: the edit, where the finding must be, and the collection year the fixture is checked as.</summary>
    public sealed record Case(string Rule, string Edit, Action<ReturnFixture> Apply, string? File, int? Row, string? Column, int Year = 2024)
    {
        public override string ToString() => $"{Rule}: {Edit}";
    }

    private static Case C(string rule, string edit, Action<ReturnFixture> apply, string? file, int? row, string? column, int year = 2024) =>
        new(rule, edit, apply, file, row, column, year);

    public static readonly Case[] Cases =
    [
        C("FILE-01", "a CSV that is no 903 table", f => f.Write("notes.csv", "NOTE,AUTHOR\nchecked,me\n"), "notes.csv", 1, null),
        C("FILE-02", "Episodes without its LS column", f => f.DropColumn("episodes.csv", "LS"), "episodes.csv", 1, "LS"),
        C("FILE-03", "the Episodes table twice", f => f.Write("episodes_again.csv", f.Read("episodes.csv")), "episodes_again.csv", 1, null),
        C("FILE-04", "no Header table", f => f.Remove("header.csv"), null, null, null),
        C("FILE-05", "an extra NOTES column", f => f.AddColumn("oc3.csv", "NOTES", "ok"), "oc3.csv", 1, "NOTES"),
        C("FILE-06", "a row with a value missing", f => f.Append("reviews.csv", "C1,14/05/2012,01/08/2023"), "reviews.csv", 5, null),
        C("FILE-09", "an Episodes table with its header only", f => f.Write("episodes.csv", f.Read("episodes.csv").Split('\n')[0] + "\n"), "episodes.csv", null, null),
        C("FILE-10", "a 5,000-character cell", f => f.Append("oc3.csv", "C5,01/01/2004,YES,F4," + new string('K', 5000)), "oc3.csv", null, null),
        C("SWE-01", "a child in care at 31 March without a social worker episode", f => f.Write("sw_episodes.csv", "CHILD,SW_ID,SW_DECOM,SW_DEC,SW_REASON\nC1,SW1,01/06/2021,,MANAGE\n"), "header.csv", 3, "CHILD"),
        C("SWE-02", "a social worker episode without its reason", f => f.Write("sw_episodes.csv", "CHILD,SW_ID,SW_DECOM,SW_DEC,SW_REASON\nC1,SW1,01/06/2021,,\n"), "sw_episodes.csv", 2, "SW_ID"),
        C("SWE-03", "a social worker episode starting 31/02/2022", f => f.Write("sw_episodes.csv", "CHILD,SW_ID,SW_DECOM,SW_DEC,SW_REASON\nC1,SW1,31/02/2022,,MANAGE\n"), "sw_episodes.csv", 2, "SW_DECOM"),
        C("SWE-04", "a social worker episode starting after the year", f => f.Write("sw_episodes.csv", "CHILD,SW_ID,SW_DECOM,SW_DEC,SW_REASON\nC1,SW1,01/05/2024,,MANAGE\n"), "sw_episodes.csv", 2, "SW_DECOM"),
        C("SWE-05", "a social worker episode for a child not in Header", f => f.Write("sw_episodes.csv", "CHILD,SW_ID,SW_DECOM,SW_DEC,SW_REASON\nC9,SW1,01/06/2021,,MANAGE\n"), "sw_episodes.csv", 2, "CHILD"),
        C("SWE-06", "a social worker ID not starting SW", f => f.Write("sw_episodes.csv", "CHILD,SW_ID,SW_DECOM,SW_DEC,SW_REASON\nC1,AB1,01/06/2021,,MANAGE\n"), "sw_episodes.csv", 2, "SW_ID"),
        C("SWE-07", "a social worker episode ending 31/02/2024", f => f.Write("sw_episodes.csv", "CHILD,SW_ID,SW_DECOM,SW_DEC,SW_REASON\nC1,SW1,01/06/2021,31/02/2024,MANAGE\n"), "sw_episodes.csv", 2, "SW_DEC"),
        C("SWE-08", "a social worker episode ending after the year", f => f.Write("sw_episodes.csv", "CHILD,SW_ID,SW_DECOM,SW_DEC,SW_REASON\nC1,SW1,01/06/2021,01/05/2024,MANAGE\n"), "sw_episodes.csv", 2, "SW_DEC"),
        C("SWE-09", "an earlier social worker episode left open", f => f.Write("sw_episodes.csv", "CHILD,SW_ID,SW_DECOM,SW_DEC,SW_REASON\nC1,SW1,01/06/2021,,MANAGE\nC1,SW2,01/06/2023,,MANAGE\n"), "sw_episodes.csv", 2, "SW_DEC"),
        C("SWE-10", "a social worker episode ending the day it began", f => f.Write("sw_episodes.csv", "CHILD,SW_ID,SW_DECOM,SW_DEC,SW_REASON\nC1,SW1,01/06/2021,30/05/2023,MANAGE\nC1,SW2,01/06/2023,01/06/2023,MANAGE\nC1,SW3,01/06/2023,,MANAGE\n"), "sw_episodes.csv", 3, "SW_DEC"),
        C("SWE-11", "a social worker episode starting a month after the last ended", f => f.Write("sw_episodes.csv", "CHILD,SW_ID,SW_DECOM,SW_DEC,SW_REASON\nC1,SW1,01/06/2021,01/06/2023,MANAGE\nC1,SW2,01/07/2023,,MANAGE\n"), "sw_episodes.csv", 3, "SW_DECOM"),
        C("SWE-12", "a reason for social worker change BORED", f => f.Write("sw_episodes.csv", "CHILD,SW_ID,SW_DECOM,SW_DEC,SW_REASON\nC1,SW1,01/06/2021,,BORED\n"), "sw_episodes.csv", 2, "SW_REASON"),
        C("SWE-13", "a social worker episode ending in June with none after it", f => f.Write("sw_episodes.csv", "CHILD,SW_ID,SW_DECOM,SW_DEC,SW_REASON\nC1,SW1,01/06/2021,01/06/2023,MANAGE\n"), "sw_episodes.csv", 2, "SW_DEC"),
        C("SWE-14", "a 2023 social worker episode without its reason, in 2024/25", f => f.Write("sw_episodes.csv", "CHILD,SW_ID,SW_DECOM,SW_DEC,SW_REASON\nC1,SW1,01/06/2023,,\n"), "sw_episodes.csv", 2, "SW_ID", year: 2025),
        C("SWE-15", "a social worker episode of the year without its reason, in 2024/25", f => f.Write("sw_episodes.csv", "CHILD,SW_ID,SW_DECOM,SW_DEC,SW_REASON\nC1,SW1,01/06/2024,,\n"), "sw_episodes.csv", 2, "SW_REASON", year: 2025),
        C("SWE-16", "a social worker episode starting 6 days after the last ended in June", f => f.Write("sw_episodes.csv", "CHILD,SW_ID,SW_DECOM,SW_DEC,SW_REASON\nC1,SW1,01/06/2021,01/06/2023,MANAGE\nC1,SW2,07/06/2023,,MANAGE\n"), "sw_episodes.csv", 3, "SW_DECOM"),
        C("FILE-08", "the social worker episodes table in a 2022/23 return", f => f.Write("sw_episodes.csv", "CHILD,SW_ID,SW_DECOM,SW_DEC,SW_REASON\nC1,SW1,01/06/2021,,\n"), "sw_episodes.csv", 1, null, year: 2023),
        C("SWE-17", "this year's first social worker episode with another worker than last year's open one", f => f.Write("sw_episodes.csv", "CHILD,SW_ID,SW_DECOM,SW_DEC,SW_REASON\nC1,SW2,01/06/2021,,MANAGE\n"), "sw_episodes.csv", 2, "SW_ID", year: 2025),
        C("SWE-18", "this year's first social worker episode with another start than last year's open one", f => f.Write("sw_episodes.csv", "CHILD,SW_ID,SW_DECOM,SW_DEC,SW_REASON\nC1,SW1,01/07/2021,,MANAGE\n"), "sw_episodes.csv", 2, "SW_DECOM", year: 2025),
        C("SWE-19", "this year's first social worker episode with another reason than last year's open one", f => f.Write("sw_episodes.csv", "CHILD,SW_ID,SW_DECOM,SW_DEC,SW_REASON\nC1,SW1,01/06/2021,,CHCHAN\n"), "sw_episodes.csv", 2, "SW_REASON", year: 2025),

        C("HDR-01", "a Header row without CHILD", f => f.Set("header.csv", 2, "CHILD", ""), "header.csv", 2, "CHILD"),
        C("HDR-02", "SEX 3", f => f.Set("header.csv", 2, "SEX", "3"), "header.csv", 2, "SEX"),
        C("HDR-03", "no DOB", f => f.Set("header.csv", 2, "DOB", ""), "header.csv", 2, "DOB"),
        C("HDR-04", "ethnicity XXXX", f => f.Set("header.csv", 2, "ETHNIC", "XXXX"), "header.csv", 2, "ETHNIC"),
        C("HDR-05", "a UPN with the wrong check letter", f => f.Set("header.csv", 2, "UPN", "A201234567890"), "header.csv", 2, "UPN"),
        C("HDR-05", "the reason code UN6 (the DfE's 168 allows UN1 to UN5)", f => f.Set("header.csv", 2, "UPN", "UN6"), "header.csv", 2, "UPN"),
        C("HDR-06", "a boy recorded as a mother", f => f.Set("header.csv", 6, "MOTHER", "1").Set("header.csv", 6, "MC_DOB", "03/03/2023").Set("header.csv", 6, "SEX", "1"), "header.csv", 6, "MOTHER"),
        C("HDR-07", "a mother without her child's DOB", f => f.Set("header.csv", 6, "MOTHER", "1"), "header.csv", 6, "MC_DOB"),
        C("HDR-08", "C1 twice in Header", f => f.Append("header.csv", "C1,2,14/05/2012,WBRI,,0,"), "header.csv", 7, "CHILD"),
        C("HDR-09", "a child with no episodes or OC3", f => f.Append("header.csv", "C9,1,01/01/2015,WBRI,,,"), "header.csv", 7, "CHILD"),
        C("HDR-10", "MOTHER 2", f => f.Set("header.csv", 2, "MOTHER", "2"), "header.csv", 2, "MOTHER"),
        C("HDR-11", "MC_DOB 32/01/2023", f => f.Set("header.csv", 6, "MOTHER", "1").Set("header.csv", 6, "MC_DOB", "32/01/2023"), "header.csv", 6, "MC_DOB"),

        C("HDR-12", "C1's sex differs from last year's return", f => f.Set("header.csv", 2, "SEX", "1"), "header.csv", 2, "SEX"),
        C("HDR-13", "C1's birth month differs from last year's return", f => f.Set("header.csv", 2, "DOB", "14/06/2012"), "header.csv", 2, "DOB"),
        C("HDR-14", "C1's ethnicity differs from last year's return", f => f.Set("header.csv", 2, "ETHNIC", "WIRI"), "header.csv", 2, "ETHNIC"),
        C("HDR-12", "C1's sex left blank where last year's return had one (DfE 202 compares blanks too)", f => f.Set("header.csv", 2, "SEX", ""), "header.csv", 2, "SEX"),
        C("HDR-13", "C1's DOB unreadable where last year's return had one (DfE 203)", f => f.Set("header.csv", 2, "DOB", "31/02/2012"), "header.csv", 2, "DOB"),
        C("HDR-14", "C1's ethnicity left blank where last year's return had one (DfE 204)", f => f.Set("header.csv", 2, "ETHNIC", ""), "header.csv", 2, "ETHNIC"),
        C("HDR-15", "last year's mother no longer recorded as one", f => f.Append("header.csv", "C6,2,01/01/2005,WBRI,,0,").Append("episodes.csv", "C6,01/10/2023,S,V2,N1,U6,PR1,,,,,,"), "header.csv", 7, "MOTHER"),
        C("HDR-17", "a looked-after girl with MOTHER blank", f => f.Set("header.csv", 2, "MOTHER", ""), "header.csv", 2, "MOTHER"),
        C("HDR-18", "a mother aged ten", f => f.Set("header.csv", 6, "MOTHER", "1").Set("header.csv", 6, "MC_DOB", "03/03/2023").Set("header.csv", 6, "DOB", "20/07/2013"), "header.csv", 6, "MOTHER"),
        C("HDR-26", "a mother whose child was born before the year, not a mother in last year's return", f => f.Set("header.csv", 2, "MOTHER", "1").Set("header.csv", 2, "MC_DOB", "01/01/2023"), "header.csv", 2, "MC_DOB"),
        C("HDR-27", "motherhood recorded for a care leaver not looked after in the year", f => f.Set("header.csv", 6, "MOTHER", "0"), "header.csv", 6, "MOTHER"),
        C("HDR-28", "a mother's child born before her", f => f.Set("header.csv", 6, "MOTHER", "1").Set("header.csv", 6, "MC_DOB", "01/01/2004"), "header.csv", 6, "MC_DOB"),
        C("HDR-29", "a mother's child's birth month differing from last year's return", f => f.Append("header.csv", "C6,2,01/01/2005,WBRI,,1,05/06/2022").Append("episodes.csv", "C6,01/10/2023,S,V2,N1,U6,PR1,,,,SG13 8DQ,SG1 2AB,SC100014"), "header.csv", 7, "MC_DOB"),
        C("HDR-30", "sex recorded as unknown in 2024/25", f => f.Set("header.csv", 2, "SEX", "U"), "header.csv", 2, "SEX", year: 2025),
        C("HDR-02", "SEX 2 in 2024/25, when the codes are M, F and U", f => f.Set("header.csv", 3, "SEX", "1"), "header.csv", 3, "SEX", year: 2025),
        C("HDR-19", "a mother's child born after the year", f => f.Set("header.csv", 6, "MOTHER", "1").Set("header.csv", 6, "MC_DOB", "03/04/2024"), "header.csv", 6, "MC_DOB"),
        C("HDR-19", "a mother's child born after she ceased to be looked after", f => f.Set("header.csv", 4, "MOTHER", "1").Set("header.csv", 4, "MC_DOB", "02/12/2023"), "header.csv", 4, "MC_DOB"),
        C("HDR-21", "a boy with a mother's child date of birth", f => f.Set("header.csv", 5, "MC_DOB", "01/01/2023"), "header.csv", 5, "MC_DOB"),
        C("HDR-22", "UN1 for a child of school age", f => f.Set("header.csv", 2, "UPN", "UN1"), "header.csv", 2, "UPN"),
        C("HDR-16", "a child over 25 at the start of the year (DfE 351)", f => f.Set("header.csv", 2, "DOB", "01/01/1997"), "header.csv", 2, "DOB"),
        C("EPI-01", "an episode without CHILD", f => f.Set("episodes.csv", 2, "CHILD", ""), "episodes.csv", 2, "CHILD"),
        C("EPI-02", "DECOM 31/02/2021", f => f.Set("episodes.csv", 2, "DECOM", "31/02/2021"), "episodes.csv", 2, "DECOM"),
        C("EPI-03", "RNE Z, no code of the DfE's list (S, L, P, T, U, B)", f => f.Set("episodes.csv", 2, "RNE", "Z"), "episodes.csv", 2, "RNE"),
        C("EPI-04", "legal status ZZ", f => f.Set("episodes.csv", 2, "LS", "ZZ"), "episodes.csv", 2, "LS"),
        C("EPI-05", "category of need N9", f => f.Set("episodes.csv", 2, "CIN", "N9"), "episodes.csv", 2, "CIN"),
        C("EPI-06", "placement Q1", f => f.Set("episodes.csv", 2, "PLACE", "Q1"), "episodes.csv", 2, "PLACE"),
        C("EPI-07", "provider PR9", f => f.Set("episodes.csv", 2, "PLACE_PROVIDER", "PR9"), "episodes.csv", 2, "PLACE_PROVIDER"),
        C("EPI-08", "DEC 10/13/2023", f => f.Set("episodes.csv", 2, "DEC", "10/13/2023"), "episodes.csv", 2, "DEC"),
        C("EPI-09", "an episode ending before it starts", f => f.Set("episodes.csv", 4, "DEC", "10/06/2023"), "episodes.csv", 4, "DEC"),
        C("EPI-10", "an ended episode without REC", f => f.Set("episodes.csv", 4, "REC", ""), "episodes.csv", 4, "REC"),
        C("EPI-11", "C4's episode twice", f => f.Append("episodes.csv", "C4,01/10/2022,S,V2,N7,P2,PR4,,,,IP1 1AA,IP4 2BB,"), "episodes.csv", 11, "DECOM"),
        C("EPI-12", "an episode for a child not in Header", f => f.Append("episodes.csv", "C9,01/10/2023,S,V2,N1,U6,PR1,,,,,,"), "episodes.csv", 11, "CHILD"),
        C("EPI-13", "C1's second episode starting before the first ends", f => f.Set("episodes.csv", 3, "DECOM", "01/05/2023"), "episodes.csv", 3, "DECOM"),
        C("EPI-14", "C1's first episode left open", f => f.Set("episodes.csv", 2, "DEC", "").Set("episodes.csv", 2, "REC", ""), "episodes.csv", 2, "DEC"),
        C("EPI-15", "X1 with the next episode a day later", f => f.Set("episodes.csv", 3, "DECOM", "11/05/2023"), "episodes.csv", 2, "REC"),
        C("EPI-16", "a new episode the day care ended", f => f.Set("episodes.csv", 2, "REC", "E4A"), "episodes.csv", 3, "DECOM"),
        C("EPI-17", "C2's first episode with RNE P", f => f.Set("episodes.csv", 4, "RNE", "P"), "episodes.csv", 4, "RNE"),
        C("EPI-18", "RNE L with a placement change", f => f.Set("episodes.csv", 5, "PLACE", "U6"), "episodes.csv", 5, "RNE"),
        C("EPI-18", "RNE L with the placement's URN changed (DfE 434 compares postcode, URN and provider too)", f => f.Set("episodes.csv", 5, "URN", "SC100009"), "episodes.csv", 5, "RNE"),
        C("EPI-18", "RNE L with the placement's postcode changed", f => f.Set("episodes.csv", 5, "PL_POST", "LU3 1AA"), "episodes.csv", 5, "RNE"),
        C("EPI-19", "a DOB after the first episode", f => f.Set("header.csv", 3, "DOB", "01/07/2023"), "episodes.csv", 4, "DECOM"),
        C("EPI-20", "a child of 19 starting care", f => f.Set("header.csv", 5, "DOB", "01/09/2003"), "episodes.csv", 9, "DECOM"),
        C("EPI-21", "an episode starting after the year", f => f.Set("episodes.csv", 9, "DECOM", "01/04/2024"), "episodes.csv", 9, "DECOM"),
        C("EPI-22", "reason ceased E99", f => f.Set("episodes.csv", 8, "REC", "E99"), "episodes.csv", 8, "REC"),
        C("EPI-23", "RNE P with a legal status change", f => f.Set("episodes.csv", 3, "LS", "C1"), "episodes.csv", 3, "LS"),
        C("EPI-23", "RNE T (placement change, same carers) with a legal status change", f => f.Set("episodes.csv", 6, "RNE", "T"), "episodes.csv", 6, "LS"),
        C("EPI-24", "an episode ending after 31 March", f => f.Set("episodes.csv", 9, "DEC", "01/05/2024").Set("episodes.csv", 9, "REC", "E8"), "episodes.csv", 9, "DEC"),
        C("EPI-25", "reason for placement change BORED", f => f.Set("episodes.csv", 3, "REASON_PLACE_CHANGE", "BORED"), "episodes.csv", 3, "REASON_PLACE_CHANGE"),
        C("EPI-26", "home postcode that is not one", f => f.Set("episodes.csv", 2, "HOME_POST", "NOWHERE"), "episodes.csv", 2, "HOME_POST"),
        C("EPI-27", "placement postcode 12345", f => f.Set("episodes.csv", 2, "PL_POST", "12345"), "episodes.csv", 2, "PL_POST"),
        C("EPI-29", "a provider for a temporary placement", f => f.Set("episodes.csv", 2, "PLACE", "T1"), "episodes.csv", 2, "PLACE_PROVIDER"),
        C("EPI-30", "P2 for an episode starting after 28 October 2023", f => f.Set("episodes.csv", 6, "PLACE", "P2"), "episodes.csv", 6, "PLACE"),
        C("EPI-30", "a P2 placement still open after 28 October 2023 (DfE 217t)", f => f.RemoveRow("episodes.csv", 9).Set("episodes.csv", 9, "DEC", "").Set("episodes.csv", 9, "REC", "").Set("episodes.csv", 9, "REASON_PLACE_CHANGE", ""), "episodes.csv", 9, "PLACE"),
        C("EPI-30", "a P2 placement ending after 28 October 2023", f => f.Set("episodes.csv", 10, "DEC", "29/10/2023").Set("episodes.csv", 9, "DECOM", "29/10/2023"), "episodes.csv", 10, "PLACE"),
        C("EPI-31", "a short break with a placement postcode", f => f.Set("episodes.csv", 2, "LS", "V3"), "episodes.csv", 2, "PL_POST"),
        C("EPI-33", "an episode ending the day it began", f => f.Set("episodes.csv", 2, "DEC", "01/06/2021"), "episodes.csv", 2, "DEC"),
        C("EPI-34", "remand (J1) for a nine-year-old", f => f.Set("episodes.csv", 2, "LS", "J1"), "episodes.csv", 2, "LS"),
        C("EPI-35", "a short break open to the year's end", f => f.Set("episodes.csv", 9, "LS", "V3"), "episodes.csv", 9, "DEC"),
        C("EPI-36", "a short break that is a placement change", f => f.Set("episodes.csv", 3, "LS", "V3"), "episodes.csv", 3, "RNE"),
        C("EPI-37", "an 18-year-old still looked after outside a community home", f => f.Set("header.csv", 5, "DOB", "01/09/2005"), "episodes.csv", 9, "LS"),
        C("EPI-38", "police protection lasting months", f => f.Set("episodes.csv", 9, "LS", "L1"), "episodes.csv", 9, "LS"),
        C("EPI-39", "PACE detention lasting months", f => f.Set("episodes.csv", 9, "LS", "J2"), "episodes.csv", 9, "LS"),
        C("EPI-40", "an SGO to former foster carers from a placement for adoption", f => f.Set("episodes.csv", 8, "REC", "E45"), "episodes.csv", 8, "PLACE"),
        C("EPI-41", "a foster placement without a provider", f => f.Set("episodes.csv", 2, "PLACE_PROVIDER", ""), "episodes.csv", 2, "PLACE_PROVIDER"),
        C("EPI-42", "placed with parents by a private provider", f => f.Set("episodes.csv", 2, "PLACE", "P1").Set("episodes.csv", 2, "PLACE_PROVIDER", "PR4"), "episodes.csv", 2, "PLACE_PROVIDER"),
        C("EPI-43", "independent living at nine, in 2022/23", f => f.Set("episodes.csv", 2, "PLACE", "P2"), "episodes.csv", 2, "PLACE", year: 2023),
        C("EPI-60", "independent living at nine from 2023/24", f => f.Set("episodes.csv", 2, "PLACE", "P2"), "episodes.csv", 2, "PLACE"),
        C("EPI-61", "a foster placement without its URN", f => f.Set("episodes.csv", 2, "URN", ""), "episodes.csv", 2, "URN"),
        C("EPI-44", "semi-independent living at nine, in 2022/23", f => f.Set("episodes.csv", 2, "PLACE", "H5"), "episodes.csv", 2, "PLACE", year: 2023),
        C("EPI-58", "semi-independent living at nine from 2023/24", f => f.Set("episodes.csv", 2, "PLACE", "H5"), "episodes.csv", 2, "PLACE"),
        C("EPI-59", "semi-independent living after 28 October 2023 without a URN", f => f.Set("episodes.csv", 9, "PLACE", "H5").Set("episodes.csv", 9, "URN", ""), "episodes.csv", 9, "URN"),
        C("EPI-45", "youth custody at nine", f => f.Set("episodes.csv", 2, "PLACE", "R5"), "episodes.csv", 2, "PLACE"),
        C("EPI-46", "a residential school at three", f => f.Set("episodes.csv", 4, "PLACE", "S1"), "episodes.csv", 4, "PLACE"),
        C("EPI-47", "residential employment at nine", f => f.Set("episodes.csv", 2, "PLACE", "P3"), "episodes.csv", 2, "PLACE"),
        C("EPI-48", "a hospital stay coded T1 lasting two years", f => f.Set("episodes.csv", 2, "PLACE", "T1").Set("episodes.csv", 2, "PLACE_PROVIDER", ""), "episodes.csv", 2, "DEC"),
        C("EPI-49", "foster carers' holiday cover lasting two years", f => f.Set("episodes.csv", 2, "PLACE", "T3").Set("episodes.csv", 2, "PLACE_PROVIDER", ""), "episodes.csv", 2, "DEC"),
        C("EPI-50", "a T4 temporary placement lasting two years", f => f.Set("episodes.csv", 2, "PLACE", "T4").Set("episodes.csv", 2, "PLACE_PROVIDER", ""), "episodes.csv", 2, "DEC"),
        C("EPI-51", "adopted at 18", f => f.Set("header.csv", 4, "DOB", "01/01/2005"), "episodes.csv", 8, "REC"),
        C("EPI-52", "a two-year-old moving to independent living", f => f.Set("episodes.csv", 8, "REC", "E5"), "episodes.csv", 8, "REC"),
        C("EPI-53", "a two-year-old transferred to adult social care", f => f.Set("episodes.csv", 8, "REC", "E7"), "episodes.csv", 8, "REC"),
        C("EPI-54", "adopted from a foster placement", f => f.Set("episodes.csv", 8, "PLACE", "U6"), "episodes.csv", 8, "PLACE"),
        C("EPI-55", "a placement for adoption under a placement order without one", f => f.Set("episodes.csv", 8, "LS", "C2"), "episodes.csv", 8, "LS"),
        C("EPI-56", "short breaks under both V3 and V4", f => f.Append("header.csv", "C7,1,01/01/2015,WBRI,,,").Append("episodes.csv", "C7,01/05/2023,S,V3,N6,U6,PR1,05/05/2023,E13,,,,").Append("episodes.csv", "C7,01/06/2023,S,V4,N6,U6,PR1,05/06/2023,E13,,,,"), "episodes.csv", 11, "LS"),
        C("EPI-57", "a freeing order (D1) in 2023", f => f.Set("episodes.csv", 9, "LS", "D1"), "episodes.csv", 9, "LS"),
        C("EPI-62", "C1's episode open last year now starting on another day", f => f.Set("episodes.csv", 2, "DECOM", "02/06/2021"), "episodes.csv", 2, "DECOM"),
        C("EPI-103", "C1's first episode from before the year starting on another day than last year's latest (DfE 562)", f => f.Set("episodes.csv", 2, "DECOM", "02/06/2021"), "episodes.csv", 2, "DECOM"),
        C("EPI-28", "a carer's name typed into URN", f => f.Set("episodes.csv", 2, "URN", "Mrs Smith"), "episodes.csv", 2, "URN"),

        C("REV-07", "a review for a care leaver with no episodes", f => f.Append("reviews.csv", "C5,20/07/2004,01/07/2023,PN1"), "reviews.csv", 5, "CHILD"),
        C("MIS-06", "a missing spell for a care leaver with no episodes", f => f.Append("missing.csv", "C5,20/07/2004,M,01/09/2023,02/09/2023"), "missing.csv", 3, "CHILD"),
        C("OC2-28", "an OC2 DOB unlike Header's (DfE INT14)", f => f.Set("oc2.csv", 2, "DOB", "15/05/2012"), "oc2.csv", 2, "DOB"),
        C("OC2-21", "OC2 for a care leaver with no episodes", f => f.Append("oc2.csv", "C5,20/07/2004,,,0,1,1,1,1,0,,"), "oc2.csv", 3, "CHILD"),
        C("AD1-15", "AD1 for a care leaver with no episodes", f => f.Append("ad1.csv", "C5,20/07/2004,01/03/2022,15/03/2023,0,2,MF,L11"), "ad1.csv", 3, "CHILD"),
        C("PAD-10", "a placed-for-adoption record for a care leaver with no episodes", f => f.Append("placed_adoption.csv", "C5,20/07/2004,20/04/2023,,"), "placed_adoption.csv", 3, "CHILD"),
        C("PPM-07", "previous permanence for a care leaver with no episodes", f => f.Append("prev_perm.csv", "C5,20/07/2004,Z1,,"), "prev_perm.csv", 3, "CHILD"),
        C("OC3-07", "a care leaver record for a child who died in care", f => f.Append("episodes.csv", "C5,01/04/2022,S,V2,N1,U6,PR1,01/05/2023,E2,,,,"), "oc3.csv", 2, "IN_TOUCH"),
        C("PAD-09", "placed for adoption before care began", f => f.Set("episodes.csv", 7, "RNE", "S").Set("placed_adoption.csv", 2, "DATE_PLACED", "01/12/2021"), "placed_adoption.csv", 2, "DATE_PLACED"),
        C("REV-06", "PN0 for an eleven-year-old", f => f.Set("reviews.csv", 2, "REVIEW_CODE", "PN0"), "reviews.csv", 2, "REVIEW_CODE"),
        C("REV-01", "review date 2023/07/01", f => f.Set("reviews.csv", 2, "REVIEW", "2023/07/01"), "reviews.csv", 2, "REVIEW"),
        C("REV-02", "review code PN9", f => f.Set("reviews.csv", 2, "REVIEW_CODE", "PN9"), "reviews.csv", 2, "REVIEW_CODE"),
        C("REV-03", "a review DOB unlike Header's", f => f.Set("reviews.csv", 2, "DOB", "15/05/2012"), "reviews.csv", 2, "DOB"),
        C("REV-04", "a review for a child not in Header", f => f.Append("reviews.csv", "C9,01/01/2015,01/10/2023,PN1"), "reviews.csv", 5, "CHILD"),
        C("REV-05", "the same review twice", f => f.Append("reviews.csv", "C1,14/05/2012,01/07/2023,PN2"), "reviews.csv", 5, "REVIEW"),

        C("MIS-01", "missing type X", f => f.Set("missing.csv", 2, "MISSING", "X"), "missing.csv", 2, "MISSING"),
        C("MIS-02", "no missing start date", f => f.Set("missing.csv", 2, "MIS_START", ""), "missing.csv", 2, "MIS_START"),
        C("MIS-03", "back before going missing", f => f.Set("missing.csv", 2, "MIS_END", "31/08/2023"), "missing.csv", 2, "MIS_END"),
        C("MIS-04", "a missing spell for a child not in Header", f => f.Append("missing.csv", "C9,01/01/2015,M,01/10/2023,"), "missing.csv", 3, "CHILD"),
        C("MIS-05", "missing end 2023-09-32", f => f.Set("missing.csv", 2, "MIS_END", "2023-09-32"), "missing.csv", 2, "MIS_END"),

        C("OC2-01", "OC2 for a child in care since June", f => f.Append("oc2.csv", "C2,02/02/2020,,SDQ1,0,1,1,1,1,0,,"), "oc2.csv", 3, "CHILD"),
        C("OC2-02", "health check Y", f => f.Set("oc2.csv", 2, "HEALTH_CHECK", "Y"), "oc2.csv", 2, "HEALTH_CHECK"),
        C("OC2-03", "SDQ score 41", f => f.Set("oc2.csv", 2, "SDQ_SCORE", "41"), "oc2.csv", 2, "SDQ_SCORE"),
        C("OC2-04", "OC2 for a child not in Header", f => f.Append("oc2.csv", "C9,01/01/2015,10,,0,1,1,1,1,0,,"), "oc2.csv", 3, "CHILD"),
        C("OC2-05", "SDQ reason SDQ9", f => f.Set("oc2.csv", 2, "SDQ_SCORE", "").Set("oc2.csv", 2, "SDQ_REASON", "SDQ9"), "oc2.csv", 2, "SDQ_REASON"),
        C("OC2-06", "immunisations 2", f => f.Set("oc2.csv", 2, "IMMUNISATIONS", "2"), "oc2.csv", 2, "IMMUNISATIONS"),
        C("OC2-07", "teeth check x", f => f.Set("oc2.csv", 2, "TEETH_CHECK", "x"), "oc2.csv", 2, "TEETH_CHECK"),
        C("OC2-08", "convicted yes", f => f.Set("oc2.csv", 2, "CONVICTED", "yes"), "oc2.csv", 2, "CONVICTED"),
        C("OC2-09", "substance misuse 3", f => f.Set("oc2.csv", 2, "SUBSTANCE_MISUSE", "3"), "oc2.csv", 2, "SUBSTANCE_MISUSE"),
        C("OC2-10", "health assessment Y", f => f.Set("oc2.csv", 2, "HEALTH_ASSESSMENT", "Y"), "oc2.csv", 2, "HEALTH_ASSESSMENT"),
        C("OC2-11", "intervention received 2", f => f.Set("oc2.csv", 2, "INTERVENTION_RECEIVED", "2"), "oc2.csv", 2, "INTERVENTION_RECEIVED"),
        C("OC2-12", "intervention offered yes", f => f.Set("oc2.csv", 2, "INTERVENTION_OFFERED", "yes"), "oc2.csv", 2, "INTERVENTION_OFFERED"),

        C("OC3-01", "in touch MAYBE", f => f.Set("oc3.csv", 2, "IN_TOUCH", "MAYBE"), "oc3.csv", 2, "IN_TOUCH"),
        C("OC3-02", "activity Z9", f => f.Set("oc3.csv", 2, "ACTIV", "Z9"), "oc3.csv", 2, "ACTIV"),
        C("OC3-03", "accommodation K3", f => f.Set("oc3.csv", 2, "ACCOM", "K3"), "oc3.csv", 2, "ACCOM"),
        C("OC3-04", "a 13-year-old care leaver", f => f.Set("oc3.csv", 2, "DOB", "20/07/2010"), "oc3.csv", 2, "DOB"),
        C("OC3-05", "OC3 for a child not in Header", f => f.Append("oc3.csv", "C9,20/07/2004,YES,F4,K1"), "oc3.csv", 3, "CHILD"),

        C("AD1-01", "no date of the adoption decision", f => f.Set("ad1.csv", 2, "DATE_INT", ""), "ad1.csv", 2, "DATE_INT"),
        C("AD1-02", "matched before the decision", f => f.Set("ad1.csv", 2, "DATE_MATCH", "01/12/2021"), "ad1.csv", 2, "DATE_MATCH"),
        C("AD1-03", "three adopters", f => f.Set("ad1.csv", 2, "NB_ADOPTR", "3"), "ad1.csv", 2, "NB_ADOPTR"),
        C("AD1-04", "adopters' sex XY", f => f.Set("ad1.csv", 2, "SEX_ADOPTR", "XY"), "ad1.csv", 2, "SEX_ADOPTR"),
        C("AD1-05", "AD1 for a child not in Header", f => f.Append("ad1.csv", "C9,01/01/2020,01/03/2022,15/03/2023,0,2,MF,L11"), "ad1.csv", 3, "CHILD"),
        C("OC2-19", "an OC2 record with its immunisations left blank", f => f.Set("oc2.csv", 2, "IMMUNISATIONS", ""), "oc2.csv", 2, "IMMUNISATIONS"),
        C("OC2-20", "an intervention without a substance misuse problem", f => f.Set("oc2.csv", 2, "INTERVENTION_RECEIVED", "1"), "oc2.csv", 2, "INTERVENTION_RECEIVED"),
        C("OC2-13", "intervention offered although one was received", f => f.Set("oc2.csv", 2, "INTERVENTION_RECEIVED", "1").Set("oc2.csv", 2, "INTERVENTION_OFFERED", "1"), "oc2.csv", 2, "INTERVENTION_OFFERED"),
        C("OC2-14", "no intervention received and none said offered", f => f.Set("oc2.csv", 2, "SUBSTANCE_MISUSE", "1").Set("oc2.csv", 2, "INTERVENTION_RECEIVED", "0"), "oc2.csv", 2, "INTERVENTION_OFFERED"),
        C("OC2-15", "substance misuse without intervention received", f => f.Set("oc2.csv", 2, "SUBSTANCE_MISUSE", "1"), "oc2.csv", 2, "INTERVENTION_RECEIVED"),
        C("OC2-16", "an SDQ score and a reason for none", f => f.Set("oc2.csv", 2, "SDQ_REASON", "SDQ2"), "oc2.csv", 2, "SDQ_REASON"),
        C("OC2-17", "an SDQ score for a three-year-old", f => f.Set("oc2.csv", 2, "DOB", "01/06/2020"), "oc2.csv", 2, "SDQ_SCORE"),
        C("OC2-18", "an SDQ score for a 17-year-old", f => f.Set("oc2.csv", 2, "DOB", "01/01/2006"), "oc2.csv", 2, "SDQ_SCORE"),
        C("OC3-06", "care leaver information for a young person transferred to another LA", f => f.Append("episodes.csv", "C5,01/04/2022,S,V2,N1,U6,PR1,01/05/2023,E3,,,,"), "oc3.csv", 2, "IN_TOUCH"),
        C("AD1-08", "DATE_MATCH 31/09/2023", f => f.Set("ad1.csv", 2, "DATE_MATCH", "31/09/2023"), "ad1.csv", 2, "DATE_MATCH"),
        C("AD1-14", "an AD1 record for a child not adopted this year", f => f.Set("episodes.csv", 8, "REC", "E13").Set("episodes.csv", 8, "PLACE", "U6"), "ad1.csv", 2, "CHILD"),
        C("AD1-09", "two adopters given a single adopter's sex code", f => f.Set("ad1.csv", 2, "SEX_ADOPTR", "M1"), "ad1.csv", 2, "SEX_ADOPTR"),
        C("AD1-10", "an unmarried different-sex couple recorded as two men", f => f.Set("ad1.csv", 2, "LS_ADOPTR", "L3").Set("ad1.csv", 2, "SEX_ADOPTR", "MM"), "ad1.csv", 2, "SEX_ADOPTR"),
        C("AD1-11", "an unmarried same-sex couple recorded as mixed", f => f.Set("ad1.csv", 2, "LS_ADOPTR", "L4"), "ad1.csv", 2, "SEX_ADOPTR"),
        C("AD1-12", "civil partners recorded as a single adopter", f => f.Set("ad1.csv", 2, "LS_ADOPTR", "L2").Set("ad1.csv", 2, "SEX_ADOPTR", "F1"), "ad1.csv", 2, "SEX_ADOPTR"),
        C("AD1-13", "a married different-sex couple recorded as two women", f => f.Set("ad1.csv", 2, "SEX_ADOPTR", "FF"), "ad1.csv", 2, "SEX_ADOPTR"),
        C("AD1-06", "adopters' legal status L9", f => f.Set("ad1.csv", 2, "LS_ADOPTR", "L9"), "ad1.csv", 2, "LS_ADOPTR"),
        C("AD1-07", "adopted by foster carer Y", f => f.Set("ad1.csv", 2, "FOSTER_CARE", "Y"), "ad1.csv", 2, "FOSTER_CARE"),
        C("PAD-01", "no date placed", f => f.Set("placed_adoption.csv", 2, "DATE_PLACED", ""), "placed_adoption.csv", 2, "DATE_PLACED"),
        C("PAD-02", "decision reversed without a reason", f => f.Set("placed_adoption.csv", 2, "DATE_PLACED_CEASED", "01/12/2023"), "placed_adoption.csv", 2, "REASON_PLACED_CEASED"),
        C("PAD-03", "decision reversed before it was made", f => f.Set("placed_adoption.csv", 2, "DATE_PLACED_CEASED", "31/12/2021").Set("placed_adoption.csv", 2, "REASON_PLACED_CEASED", "RD1"), "placed_adoption.csv", 2, "DATE_PLACED_CEASED"),
        C("PAD-04", "reason placed ceased E11 (an episode's reason, not a reversed decision)", f => f.Set("placed_adoption.csv", 2, "DATE_PLACED_CEASED", "01/12/2023").Set("placed_adoption.csv", 2, "REASON_PLACED_CEASED", "E11"), "placed_adoption.csv", 2, "REASON_PLACED_CEASED"),

        C("UAS-01", "UASC status ended before birth", f => f.Set("uasc.csv", 2, "DUC", "01/01/2005"), "uasc.csv", 2, "DUC"),
        C("UAS-02", "UASC for a child not in Header", f => f.Append("uasc.csv", "C9,1,01/01/2006,"), "uasc.csv", 3, "CHILD"),
        C("PPM-01", "previous permanence Q9", f => f.Set("prev_perm.csv", 2, "PREV_PERM", "Q9"), "prev_perm.csv", 2, "PREV_PERM"),
        C("PPM-02", "previous permanence for a child not in Header", f => f.Append("prev_perm.csv", "C9,01/01/2015,Z1,,"), "prev_perm.csv", 3, "CHILD"),
        C("PAD-06", "placed for adoption before birth", f => f.Set("placed_adoption.csv", 2, "DATE_PLACED", "01/01/2020"), "placed_adoption.csv", 2, "DATE_PLACED"),
        C("PAD-07", "a decision dated after 31 March", f => f.Set("placed_adoption.csv", 2, "DATE_PLACED", "01/04/2024"), "placed_adoption.csv", 2, "DATE_PLACED"),
        C("PAD-07", "a decision dated after the child was adopted and left care", f => f.Set("placed_adoption.csv", 2, "DATE_PLACED", "02/12/2023"), "placed_adoption.csv", 2, "DATE_PLACED"),
        C("PAD-08", "a decision reversed before the year", f => f.Set("placed_adoption.csv", 2, "DATE_PLACED_CEASED", "01/03/2023").Set("placed_adoption.csv", 2, "REASON_PLACED_CEASED", "RD1"), "placed_adoption.csv", 2, "DATE_PLACED_CEASED"),
        C("PAD-05", "DATE_PLACED_CEASED 30/02/2024", f => f.Set("placed_adoption.csv", 2, "DATE_PLACED_CEASED", "30/02/2024").Set("placed_adoption.csv", 2, "REASON_PLACED_CEASED", "RD1"), "placed_adoption.csv", 2, "DATE_PLACED_CEASED"),
        C("UAS-03", "DUC 2024-13-01", f => f.Set("uasc.csv", 2, "DUC", "2024-13-01"), "uasc.csv", 2, "DUC"),
        C("PPM-04", "previous permanence for a child in care since before the year", f => f.RemoveRow("episodes.csv", 9).Append("prev_perm.csv", "C4,01/09/2006,Z1,,"), "prev_perm.csv", 3, "PREV_PERM"),
        C("PPM-05", "a permanence order dated with an unknown year written ZZ", f => f.Set("prev_perm.csv", 2, "DATE_PERM", "ZZ/ZZ/ZZ"), "prev_perm.csv", 2, "DATE_PERM"),
        C("PPM-06", "an order's LA without the option", f => f.Set("prev_perm.csv", 2, "LA_PERM", "919"), "prev_perm.csv", 2, "PREV_PERM"),
        C("PPM-03", "permanence LA given as a name", f => f.Set("prev_perm.csv", 2, "LA_PERM", "Herts"), "prev_perm.csv", 2, "LA_PERM"),
        C("HDR-23", "a looked-after child with no UPN", f => f.Set("header.csv", 2, "UPN", ""), "header.csv", 2, "UPN"),
        C("HDR-24", "a girl adopted this year with MOTHER blank", f => f.Set("header.csv", 4, "MOTHER", ""), "header.csv", 4, "MOTHER"),
        C("HDR-25", "MOTHER recorded for a child only on short breaks", f => f.Append("header.csv", "C6,2,01/01/2010,WBRI,UN5,0,").Append("episodes.csv", "C6,01/06/2023,S,V3,N1,U1,PR1,03/06/2023,E13,,SG13 8DQ,,"), "header.csv", 7, "MOTHER"),
        C("REV-08", "a review of a child only on short breaks", f => f.Append("header.csv", "C6,2,01/01/2010,WBRI,UN5,,").Append("episodes.csv", "C6,01/06/2023,S,V3,N1,U1,PR1,03/06/2023,E13,,SG13 8DQ,,").Append("reviews.csv", "C6,01/01/2010,02/06/2023,PN1"), "reviews.csv", 5, "REVIEW"),
        C("EPI-63", "placed for adoption with current foster carers (A5) as a placement change only", f => f.Set("episodes.csv", 8, "PLACE", "A5"), "episodes.csv", 8, "RNE"),
        C("EPI-64", "a new period of care starting the day the last episode ended", f => f.Set("episodes.csv", 5, "RNE", "S"), "episodes.csv", 5, "RNE"),
        C("EPI-65", "a legal status change starting a day after the last episode ended", f => f.Set("episodes.csv", 5, "DECOM", "21/08/2023"), "episodes.csv", 5, "DECOM"),
        C("EPI-66", "an episode after the child's death in care", f => f.Set("episodes.csv", 2, "REC", "E2"), "episodes.csv", 2, "REC"),
        C("EPI-67", "a temporary placement with a reason for placement change", f => f.Set("episodes.csv", 6, "PLACE", "T1").Set("episodes.csv", 6, "PLACE_PROVIDER", ""), "episodes.csv", 6, "REASON_PLACE_CHANGE"),
        C("EPI-68", "102 days of respite care (V3) in the year", f => f.Set("episodes.csv", 5, "LS", "V3"), "episodes.csv", 5, "DEC"),
        C("OC2-22", "SDQ1 for an 11-year-old", f => f.Set("oc2.csv", 2, "SDQ_SCORE", "").Set("oc2.csv", 2, "SDQ_REASON", "SDQ1"), "oc2.csv", 2, "SDQ_REASON"),
        C("OC2-23", "no teeth check recorded for a child looked after all year", f => f.Set("oc2.csv", 2, "TEETH_CHECK", ""), "oc2.csv", 2, "IMMUNISATIONS"),
        C("OC2-24", "a conviction item for an 8-year-old", f => f.Set("oc2.csv", 2, "DOB", "01/06/2015"), "oc2.csv", 2, "CONVICTED"),
        C("OC2-25", "no development check for a 3-year-old", f => f.Set("oc2.csv", 2, "DOB", "01/06/2020").Set("oc2.csv", 2, "CONVICTED", ""), "oc2.csv", 2, "HEALTH_CHECK"),
        C("OC2-26", "a development check for an 11-year-old", f => f.Set("oc2.csv", 2, "HEALTH_CHECK", "1"), "oc2.csv", 2, "HEALTH_CHECK"),
        C("OC3-08", "a care leaver's accommodation left blank", f => f.Set("oc3.csv", 2, "ACCOM", ""), "oc3.csv", 2, "IN_TOUCH"),
        C("OC3-09", "care leaver details for a child looked after all year", f => f.Append("oc3.csv", "C1,14/05/2012,YES,F4,K1"), "oc3.csv", 3, "IN_TOUCH"),
        C("OC3-16", "a care leaver who died with an activity recorded (DfE 344)", f => f.Set("oc3.csv", 2, "IN_TOUCH", "DIED"), "oc3.csv", 2, "ACTIV"),
        C("OC3-10", "a care leaver with OC2 details too", f => f.Append("oc2.csv", "C5,20/07/2004,,,0,,1,1,1,0,,"), "oc3.csv", 2, "IN_TOUCH"),
        C("AD1-16", "an adopted child with care leaver details", f => f.Append("oc3.csv", "C3,10/01/2021,YES,F4,K1"), "ad1.csv", 2, "DATE_INT"),
        C("AD1-17", "an adoption without FOSTER_CARE", f => f.Set("ad1.csv", 2, "FOSTER_CARE", ""), "ad1.csv", 2, "DATE_MATCH"),
        C("AD1-18", "adoption details for a child looked after all year", f => f.Append("ad1.csv", "C1,14/05/2012,01/03/2022,15/03/2023,0,2,MF,L11"), "ad1.csv", 3, "DATE_INT"),
        C("PAD-11", "a decision to place for adoption a day after the AD1 decision", f => f.Set("placed_adoption.csv", 2, "DATE_PLACED", "02/03/2022"), "placed_adoption.csv", 2, "DATE_PLACED"),
        C("EPI-69", "a child placed with parents under section 20", f => f.Set("episodes.csv", 4, "PLACE", "P1").Set("episodes.csv", 4, "URN", "").Set("episodes.csv", 5, "RNE", "B"), "episodes.csv", 4, "LS"),
        C("EPI-70", "a placement order in 2004", f => f.Set("episodes.csv", 7, "DECOM", "01/01/2004"), "episodes.csv", 7, "LS"),
        C("EPI-71", "RNE B with the same legal status as before", f => f.Set("episodes.csv", 3, "RNE", "B"), "episodes.csv", 3, "RNE"),
        C("EPI-72", "RNE T with every placement detail unchanged", f => f.Set("episodes.csv", 3, "RNE", "T").Set("episodes.csv", 3, "PLACE", "U6").Set("episodes.csv", 3, "PLACE_PROVIDER", "PR1").Set("episodes.csv", 3, "PL_POST", "SG1 2AB").Set("episodes.csv", 3, "URN", "SC100001"), "episodes.csv", 3, "RNE"),
        C("EPI-72", "RNE P with every placement detail unchanged", f => f.Set("episodes.csv", 3, "PLACE", "U6").Set("episodes.csv", 3, "PLACE_PROVIDER", "PR1").Set("episodes.csv", 3, "PL_POST", "SG1 2AB").Set("episodes.csv", 3, "URN", "SC100001"), "episodes.csv", 3, "RNE"),
        C("EPI-73", "a placement for adoption without the decision's date", f => f.Remove("placed_adoption.csv"), "episodes.csv", 8, "PLACE"),
        C("AD1-19", "a single adopter recorded as a couple", f => f.Set("ad1.csv", 2, "LS_ADOPTR", "L0"), "ad1.csv", 2, "SEX_ADOPTR"),
        C("AD1-20", "an adoption after the decision was reversed", f => f.Set("placed_adoption.csv", 2, "DATE_PLACED_CEASED", "01/06/2023").Set("placed_adoption.csv", 2, "REASON_PLACED_CEASED", "RD1"), "ad1.csv", 2, "DATE_INT"),
        C("PAD-12", "an adopted child's decision recorded as reversed", f => f.Set("placed_adoption.csv", 2, "DATE_PLACED_CEASED", "01/06/2023").Set("placed_adoption.csv", 2, "REASON_PLACED_CEASED", "RD1"), "placed_adoption.csv", 2, "DATE_PLACED_CEASED"),
        C("MIS-07", "a missing spell before the child was looked after", f => f.Set("missing.csv", 2, "MIS_START", "01/09/2020").Set("missing.csv", 2, "MIS_END", "02/09/2020"), "missing.csv", 2, "MIS_START"),
        C("MIS-08", "an open missing spell of a child adopted since", f => f.Append("missing.csv", "C3,10/01/2021,M,01/06/2023,"), "missing.csv", 3, "MIS_END"),
        C("MIS-08", "a missing spell ending after the child was adopted", f => f.Append("missing.csv", "C3,10/01/2021,M,01/06/2023,05/12/2023"), "missing.csv", 3, "MIS_END"),
        C("MIS-09", "a missing spell starting inside the previous one", f => f.Append("missing.csv", "C1,14/05/2012,A,01/09/2023,05/09/2023"), "missing.csv", 3, "MIS_START"),
        C("MIS-10", "an open missing spell from a placement that has ended", f => f.Append("missing.csv", "C2,02/02/2020,M,01/07/2023,"), "missing.csv", 3, "MIS_END"),
        C("MIS-11", "a missing spell ending after the year", f => f.Set("missing.csv", 2, "MIS_END", "02/04/2024"), "missing.csv", 2, "MIS_END"),
        C("MIS-13", "a missing spell starting after the year (DfE 570)", f => f.Set("missing.csv", 2, "MIS_START", "05/04/2024").Set("missing.csv", 2, "MIS_END", ""), "missing.csv", 2, "MIS_START"),
        C("MIS-12", "a first missing spell that does not carry on last year's open one", f => f.Append("missing.csv", "C3,10/01/2021,M,01/06/2023,02/06/2023"), "missing.csv", 3, "MIS_START"),
        C("EPI-74", "a placement change without its reason on the episode that ended", f => f.Set("episodes.csv", 2, "REASON_PLACE_CHANGE", ""), "episodes.csv", 2, "REASON_PLACE_CHANGE"),
        C("EPI-75", "a URN for independent living in 2022/23", f => f.Set("episodes.csv", 10, "URN", "SC100008"), "episodes.csv", 10, "URN", year: 2023),
        C("EPI-77", "a URN for independent living in 2023/24", f => f.Set("episodes.csv", 10, "URN", "SC100008"), "episodes.csv", 10, "URN"),
        C("EPI-76", "a placement provider for an other placement (Z1)", f => f.Set("episodes.csv", 2, "PLACE", "Z1"), "episodes.csv", 2, "PLACE_PROVIDER"),
        C("EPI-78", "a temporary placement starting with a legal status change and the same carers (RNE U)", f => f.Set("episodes.csv", 6, "RNE", "U").Set("episodes.csv", 6, "PLACE", "T1").Set("episodes.csv", 6, "PLACE_PROVIDER", ""), "episodes.csv", 6, "PLACE"),
        C("EPI-79", "an adoption from a temporary placement", f => f.Set("episodes.csv", 8, "PLACE", "T1").Set("episodes.csv", 8, "PLACE_PROVIDER", ""), "episodes.csv", 8, "REC"),
        C("EPI-80", "a short break in a temporary placement", f => f.Set("episodes.csv", 4, "LS", "V3").Set("episodes.csv", 4, "PLACE", "T1").Set("episodes.csv", 4, "PLACE_PROVIDER", ""), "episodes.csv", 4, "PLACE"),
        C("EPI-81", "a temporary placement followed by a new placement", f => f.Set("episodes.csv", 5, "PLACE", "T1").Set("episodes.csv", 5, "PLACE_PROVIDER", ""), "episodes.csv", 5, "PLACE"),
        C("EPI-82", "three holiday placements (T3) in a year", f => f.Append("episodes.csv", "C4,01/11/2023,P,V2,N7,T3,,03/11/2023,X1,,IP1 1AA,,").Append("episodes.csv", "C4,03/11/2023,P,V2,N7,T3,,05/11/2023,X1,,IP1 1AA,,").Append("episodes.csv", "C4,05/11/2023,P,V2,N7,T3,,07/11/2023,X1,,IP1 1AA,,"), "episodes.csv", 11, "PLACE"),
        C("REV-09", "a 3-year-old's review coded as for a child of 4 or over", f => f.Set("reviews.csv", 4, "REVIEW_CODE", "PN1"), "reviews.csv", 4, "REVIEW_CODE"),
        C("UAS-04", "UASC information for a care leaver", f => f.Append("uasc.csv", "C5,2,20/07/2004,"), "uasc.csv", 3, "DUC"),
        C("PAD-13", "a decision to place for adoption after the placement", f => f.Set("placed_adoption.csv", 2, "DATE_PLACED", "01/05/2023").Set("ad1.csv", 2, "DATE_INT", "01/05/2023"), "placed_adoption.csv", 2, "DATE_PLACED"),
        C("EPI-83", "a child under a placement order returning home without the decision reversed", f => f.Set("episodes.csv", 8, "REC", "E4A").Set("episodes.csv", 8, "PLACE", "U6"), "episodes.csv", 8, "REC"),
        C("OC3-11", "care leaver details for a 17-year-old looked after on her birthday", f => f.Append("header.csv", "C7,2,01/06/2006,WBRI,UN5,0,").Append("episodes.csv", "C7,01/01/2023,S,C2,N1,U6,PR1,01/08/2023,E4A,,SG13 8DQ,SG1 2AB,SC100009").Append("oc3.csv", "C7,01/06/2006,YES,F4,K1"), "oc3.csv", 3, "IN_TOUCH"),
        C("OC3-12", "a care leaver with no episodes this year though last year's return left one open", f => f.Append("header.csv", "C9,1,01/01/2005,WBRI,,,").Append("oc3.csv", "C9,01/01/2005,YES,F4,K1"), "oc3.csv", 3, "IN_TOUCH"),
        C("OC3-14", "care leaver details for a 17-year-old who left care after her birthday", f => f.Append("header.csv", "C7,2,01/06/2006,WBRI,UN5,0,").Append("episodes.csv", "C7,01/01/2023,S,C2,N1,U6,PR1,01/08/2023,E4A,,SG13 8DQ,SG1 2AB,SC100009").Append("oc3.csv", "C7,01/06/2006,YES,F4,K1"), "oc3.csv", 3, "IN_TOUCH"),
        C("EPI-84", "the carried-on episode's RNE differs from last year's", f => f.Set("episodes.csv", 2, "RNE", "B"), "episodes.csv", 2, "RNE"),
        C("EPI-85", "the carried-on episode's legal status differs from last year's", f => f.Set("episodes.csv", 2, "LS", "C1"), "episodes.csv", 2, "LS"),
        C("EPI-86", "the carried-on episode's category of need differs from last year's", f => f.Set("episodes.csv", 2, "CIN", "N2"), "episodes.csv", 2, "CIN"),
        C("EPI-87", "the carried-on episode's placement differs from last year's", f => f.Set("episodes.csv", 2, "PLACE", "U5"), "episodes.csv", 2, "PLACE"),
        C("EPI-88", "the carried-on episode's provider differs from last year's", f => f.Set("episodes.csv", 2, "PLACE_PROVIDER", "PR4"), "episodes.csv", 2, "PLACE_PROVIDER"),
        C("EPI-89", "the carried-on episode's URN differs from last year's", f => f.Set("episodes.csv", 2, "URN", "SC100009"), "episodes.csv", 2, "URN"),
        C("EPI-90", "a short break in long-term foster care", f => f.Set("episodes.csv", 4, "LS", "V3").Set("episodes.csv", 4, "PLACE", "U4"), "episodes.csv", 4, "PLACE"),
        C("EPI-91", "foster care provided by another public organisation", f => f.Set("episodes.csv", 2, "PLACE_PROVIDER", "PR3"), "episodes.csv", 2, "PLACE_PROVIDER"),
        C("EPI-92", "a placement with parents run by a voluntary provider", f => f.Set("episodes.csv", 9, "PLACE", "P1").Set("episodes.csv", 9, "PLACE_PROVIDER", "PR5").Set("episodes.csv", 9, "LS", "C2"), "episodes.csv", 9, "PLACE_PROVIDER"),
        C("EPI-93", "foster care with the parents as provider", f => f.Set("episodes.csv", 2, "PLACE_PROVIDER", "PR0"), "episodes.csv", 2, "PLACE_PROVIDER"),
        C("EPI-94", "a secure unit (R2) run by the LA itself", f => f.Set("episodes.csv", 9, "PLACE", "R2").Set("episodes.csv", 9, "PLACE_PROVIDER", "PR1").Set("episodes.csv", 9, "URN", ""), "episodes.csv", 9, "PLACE_PROVIDER"),
        C("EPI-95", "a placement with parents provided by another LA", f => f.Set("episodes.csv", 9, "PLACE", "P1").Set("episodes.csv", 9, "PLACE_PROVIDER", "PR2").Set("episodes.csv", 9, "LS", "C2"), "episodes.csv", 9, "PLACE_PROVIDER"),
        C("AD1-21", "the best-interests decision after the placement for adoption", f => f.Set("ad1.csv", 2, "DATE_INT", "01/05/2023").Set("ad1.csv", 2, "DATE_MATCH", "01/06/2023"), "ad1.csv", 2, "DATE_INT"),
        C("AD1-22", "a married same-sex couple recorded as a man and a woman", f => f.Set("ad1.csv", 2, "LS_ADOPTR", "L12"), "ad1.csv", 2, "SEX_ADOPTR"),
        C("AD1-23", "the best-interests decision before the latest period of care began", f => f.Set("episodes.csv", 7, "RNE", "S").Set("episodes.csv", 7, "DECOM", "01/02/2022"), "ad1.csv", 2, "DATE_INT"),
        C("AD1-24", "adopted by the foster carers from a placement with other adopters (A6)", f => f.Set("ad1.csv", 2, "FOSTER_CARE", "1"), "ad1.csv", 2, "FOSTER_CARE"),
        C("AD1-24", "adopted by other adopters from a placement with the foster carers (A5)", f => f.Set("episodes.csv", 8, "PLACE", "A5"), "ad1.csv", 2, "FOSTER_CARE"),
        C("OC2-27", "no conviction item for an 11-year-old", f => f.Set("oc2.csv", 2, "CONVICTED", ""), "oc2.csv", 2, "CONVICTED"),
        C("EPI-96", "a placement order without the decision to place for adoption", f => f.Remove("placed_adoption.csv"), "episodes.csv", 7, "LS"),
        C("EPI-97", "a freeing order without the decision to place for adoption", f => f.Remove("placed_adoption.csv").Set("episodes.csv", 7, "LS", "D1"), "episodes.csv", 7, "LS"),
        C("EPI-98", "a freeing order before the decision to place for adoption", f => f.Set("episodes.csv", 7, "LS", "D1").Set("placed_adoption.csv", 2, "DATE_PLACED", "01/02/2022").Set("ad1.csv", 2, "DATE_INT", "01/02/2022"), "episodes.csv", 7, "DECOM"),
        C("EPI-99", "an episode continuing care after the child went home", f => f.Set("episodes.csv", 2, "REC", "E4A"), "episodes.csv", 3, "RNE"),
        C("EPI-100", "a child still freed for adoption", f => f.Set("episodes.csv", 9, "LS", "D1"), "episodes.csv", 9, "LS"),
        C("EPI-101", "an emergency protection order lasting 66 days", f => f.Set("episodes.csv", 4, "LS", "L2"), "episodes.csv", 4, "LS"),
        C("EPI-102", "a looked-after child with no placement postcode", f => f.Set("episodes.csv", 2, "PL_POST", ""), "episodes.csv", 2, "HOME_POST"),
        C("EPI-103", "an episode from before the year that last year's return did not leave open", f => f.Append("header.csv", "C10,1,01/01/2015,WBRI,UN5,,").Append("episodes.csv", "C10,01/02/2023,S,C2,N1,U6,PR1,,,,SG13 8DQ,SG1 2AB,SC100012"), "episodes.csv", 11, "DECOM"),
        C("EPI-104", "a child assessment order lasting 66 days", f => f.Set("episodes.csv", 4, "LS", "L3"), "episodes.csv", 4, "LS"),
        C("EPI-105", "a special guardianship order for a 19-year-old", f => f.Set("episodes.csv", 9, "DEC", "01/02/2024").Set("episodes.csv", 9, "REC", "E45").Set("header.csv", 5, "DOB", "01/09/2004"), "episodes.csv", 9, "REC"),
        C("EPI-106", "a child new to care this year with no previous permanence record", f => f.Write("prev_perm.csv", "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\n"), "episodes.csv", 4, "RNE"),
        C("EPI-107", "a child missing when care ended at 18 recorded as returning home", f => f.Append("header.csv", "C11,1,01/01/2006,WBRI,UN5,,").Append("episodes.csv", "C11,01/06/2023,S,V2,N1,U6,PR1,01/01/2024,E4A,,SG13 8DQ,SG1 2AB,SC100013").Append("missing.csv", "C11,01/01/2006,M,31/12/2023,01/01/2024"), "episodes.csv", 11, "REC"),
        C("EPI-108", "the category of need changing within a period of care", f => f.Set("episodes.csv", 5, "CIN", "N1"), "episodes.csv", 5, "CIN"),
        C("EPI-109", "a short break with a home postcode", f => f.Set("episodes.csv", 4, "LS", "V3").Set("episodes.csv", 4, "PL_POST", "").Set("episodes.csv", 4, "URN", ""), "episodes.csv", 4, "HOME_POST"),
        C("HDR-31", "the XML form's UASC item 2", f => f.AddColumn("header.csv", "UASC", "2"), "header.csv", 2, "UASC"),
        C("HDR-32", "a UASC child of 9", f => f.Set("header.csv", 5, "DOB", "01/09/2015"), "header.csv", 5, "DOB", year: 2025),
        C("HDR-36", "a date of birth after the year ended (DfE 301)", f => f.Set("header.csv", 2, "DOB", "01/06/2024"), "header.csv", 2, "DOB"),
        C("HDR-33", "a child UASC last year, status not ceased, with no UASC record this year", f => f.Write("uasc.csv", "CHILD,SEX,DOB,DUC\n"), "header.csv", 5, "CHILD"),
        C("HDR-34", "UN4 for a child looked after since June", f => f.Set("header.csv", 3, "UPN", "UN4"), "header.csv", 3, "UPN"),
        C("HDR-35", "another child's UPN for a child whose UPN last year's return recorded", f => f.Set("header.csv", 2, "UPN", "C301234567891"), "header.csv", 2, "UPN"),
        C("HDR-35", "a UPN last year's return recorded, now UN5", f => f.Set("header.csv", 2, "UPN", "UN5"), "header.csv", 2, "UPN"),
        C("HDR-35", "a UPN last year's return recorded, now malformed (DfE 208)", f => f.Set("header.csv", 2, "UPN", "NOT-A-UPN"), "header.csv", 2, "UPN"),
        C("UAS-10", "UASC status ceasing after the 18th birthday (DfE 304)", f => f.Set("uasc.csv", 2, "DUC", "02/09/2024"), "uasc.csv", 2, "DUC"),
        C("UAS-08", "a UASC DOB unlike Header's (DfE INT18)", f => f.Set("uasc.csv", 2, "DOB", "02/09/2006"), "uasc.csv", 2, "DOB"),
        C("UAS-09", "a UASC SEX unlike Header's (DfE INT21)", f => f.Set("uasc.csv", 2, "SEX", "2"), "uasc.csv", 2, "SEX"),
        C("UAS-07", "a child UASC this year whose status last year's return said ceased in February", f => f.Append("uasc.csv", "C2,1,02/02/2020,"), "uasc.csv", 3, "DUC"),
        C("UAS-05", "a date UASC ceased for a child UASC neither year", f => f.AddColumn("header.csv", "UASC", "0").Append("uasc.csv", "C1,2,14/05/2012,01/01/2024"), "uasc.csv", 3, "DUC"),
        C("UAS-06", "a child UASC this year who was not in last year's return", f => f.Append("uasc.csv", "C1,2,14/05/2012,"), "uasc.csv", 3, "CHILD"),
        C("EPI-110", "an episode after the child's adoption this year", f => f.Append("episodes.csv", "C3,01/02/2024,S,C2,N1,U6,PR1,,,,SG13 8DQ,SG1 2AB,SC100006"), "episodes.csv", 11, "DECOM"),
        C("EPI-110", "an episode of a child an earlier return recorded adopted", f => f.Append("header.csv", "C6,2,01/01/2005,WBRI,UN5,0,").Append("episodes.csv", "C6,01/02/2024,S,V2,N1,U6,PR1,,,,SG13 8DQ,SG1 2AB,SC100006"), "episodes.csv", 11, "DECOM"),
        C("OC3-15", "a care leaver the LA's returns since her 16th birthday never had looked after", f => f.Append("header.csv", "C13,2,01/06/2006,WBRI,,,").Append("oc3.csv", "C13,01/06/2006,YES,F4,K1"), "oc3.csv", 3, "IN_TOUCH"),
        C("PAD-14", "a reversed decision while the placement order is open", f => f.Append("header.csv", "C8,1,01/01/2019,WBRI,UN1,,").Append("episodes.csv", "C8,01/06/2023,S,E1,N1,U6,PR1,,,,SG13 8DQ,SG1 2AB,SC100010").Append("placed_adoption.csv", "C8,01/01/2019,01/06/2023,01/09/2023,RD1"), "placed_adoption.csv", 3, "DATE_PLACED_CEASED"),
        C("PAD-15", "the decision to place for adoption after the placement order", f => f.Set("placed_adoption.csv", 2, "DATE_PLACED", "01/02/2022").Set("ad1.csv", 2, "DATE_INT", "01/02/2022"), "placed_adoption.csv", 2, "DATE_PLACED"),
        C("PAD-16", "a second decision to place for adoption while the first is open", f => f.Append("placed_adoption.csv", "C3,10/01/2021,01/02/2022,,"), "placed_adoption.csv", 3, "DATE_PLACED"),
        C("PAD-17", "a decision from before the year that last year's return did not record", f => f.Append("placed_adoption.csv", "C2,02/02/2020,01/02/2023,,"), "placed_adoption.csv", 3, "DATE_PLACED"),
        C("PAD-18", "a standing decision recorded with a new date", f => f.Set("placed_adoption.csv", 2, "DATE_PLACED", "02/01/2022"), "placed_adoption.csv", 2, "DATE_PLACED"),
        C("PAD-19", "last year's reversed decision carried on as standing", f => f.Append("placed_adoption.csv", "C3,10/01/2021,01/06/2021,,"), "placed_adoption.csv", 3, "DATE_PLACED"),
    ];

    public static TheoryData<Case> AllCases() => new(Cases);

    private static readonly Etl.Privacy.ChildPseudonymiser Pseudonyms = new(PipelineHarness.Key);

    /// <summary>
    /// What the LA's 2023 return recorded, as the warehouse would hold it: C1 as this year's fixture has her,
    /// C6, a mother last year, who is not in this year's fixture until a case adds her, the episodes left
    /// open and C3's decisions to place for adoption.
    /// </summary>
    private static long Key(string child) => Pseudonyms.KeyFor("919", child);

    private static readonly PreviousReturn LastYear = new(new Dictionary<long, PreviousChild>
    {
        [Key("C1")] = new(2, "WBRI", new DateOnly(2012, 5, 1), false, UpnKey: Pseudonyms.UpnKeyFor("919", "L201234567890")),
        [Key("C6")] = new(2, "WBRI", new DateOnly(2005, 1, 1), true, new DateOnly(2023, 3, 1)),
    }, Key)
    {
        OpenEpisodes = new Dictionary<long, OpenEpisode>
        {
            // C1's first episode, as this year's fixture has it, was open at the end of last year's return.
            [Key("C1")] = new(new DateOnly(2021, 6, 1), "S", "C2", "N1", "U6", "PR1", "SC100001"),
            // C3's and C4's first episodes were open then too.
            [Key("C3")] = new(new DateOnly(2022, 1, 1), "L", "E1", "N1", "U6", "PR1", "SC100006"),
            [Key("C4")] = new(new DateOnly(2022, 10, 1), "S", "V2", "N7", "P2", "PR4", "XXXXXXX"),
            // C9, not in this year's fixture, was still looked after at the end of last year's.
            [Key("C9")] = new(new DateOnly(2022, 9, 1), "S", "V2", "N1", "U4", "PR1", "SC100011"),
        },
        // Those open episodes were each child's latest in last year's return.
        LatestEpisodeStarts = new Dictionary<long, DateOnly>
        {
            [Key("C1")] = new DateOnly(2021, 6, 1),
            [Key("C3")] = new DateOnly(2022, 1, 1),
            [Key("C4")] = new DateOnly(2022, 10, 1),
            [Key("C9")] = new DateOnly(2022, 9, 1),
        },
        // C3's decision to place for adoption stood last year; an earlier one had been reversed.
        Decisions = new Dictionary<long, List<PreviousDecision>>
        {
            [Key("C3")] = [new(new DateOnly(2022, 1, 1), null, null), new(new DateOnly(2021, 6, 1), new DateOnly(2021, 9, 1), "RD1")],
        },
        // C3 was missing at the end of last year's return (and has no spell in this year's fixture).
        OpenMissing = new Dictionary<long, DateOnly> { [Key("C3")] = new DateOnly(2023, 3, 30) },
        // C4 was UASC last year, the status not yet ceased; C2 was UASC until February 2023.
        Uasc = new Dictionary<long, PreviousUasc> { [Key("C4")] = new(null), [Key("C2")] = new(new DateOnly(2023, 2, 1)) },
        // C6 was adopted from care in 2022/23.
        Adopted = new Dictionary<long, DateOnly> { [Key("C6")] = new DateOnly(2023, 1, 10) },
        LookedAfterIn = new[] { "C1", "C3", "C4", "C6", "C9" }.ToDictionary(Key, _ => new HashSet<int> { 2023 }),
        YearsHeld = new HashSet<int> { 2023 },
        // C1's social worker SW1 (since June 2021, to manage her case) was still allocated at the end of last year's.
        OpenSocialWorkerEpisodes = new Dictionary<long, OpenSocialWorkerEpisode> { [Key("C1")] = new(Pseudonyms.SocialWorkerKeyFor("919", "SW1"), new DateOnly(2021, 6, 1), "MANAGE") },
        SocialWorkerKeyOf = id => Pseudonyms.SocialWorkerKeyFor("919", id),
        UpnKeyOf = upn => Pseudonyms.UpnKeyFor("919", upn),
    };

    private List<ValidationIssue> Validate(ReturnFixture fixture, int year = 2024)
    {
        var data = Ssda903Parser.Parse(SubmissionFiles.From(fixture.Folder), "919", year);
        data.Previous = LastYear;
        return Ssda903RuleSet.Validate(data, codeLists.Codes);
    }

    [Fact]
    public void The_valid_fixture_passes_every_rule()
    {
        using var fixture = ReturnFixture.Copy(Fixture);

        Assert.Empty(Validate(fixture));
    }

    [Fact]
    public void A_later_period_of_care_not_starting_with_s_is_the_dfes_432_not_its_357()
    {
        using var fixture = ReturnFixture.Copy(Fixture);
        fixture.Set("episodes.csv", 2, "REC", "E4A"); // C1 went home, then an episode with RNE P

        var issues = Validate(fixture);

        Assert.Contains(issues, i => i.RuleCode == "EPI-99");
        Assert.DoesNotContain(issues, i => i.RuleCode == "EPI-17");
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public void Each_rule_fires_where_the_edit_was_made(Case example)
    {
        using var fixture = ReturnFixture.Copy(Fixture);
        example.Apply(fixture);

        var issues = Validate(fixture, example.Year);

        var rule = Ssda903RuleSet.Catalogue.Single(r => r.Code == example.Rule);
        var found = issues.Where(i => i.RuleCode == example.Rule).ToList();
        Assert.True(found.Count > 0, $"{example} did not fire. Issues: {string.Join("; ", issues)}");
        Assert.Contains(found, i => i.File == example.File && i.Row == example.Row && i.Column == example.Column && i.Severity == rule.Severity);
        Assert.All(found, i => Assert.False(string.IsNullOrWhiteSpace(i.Message)));
    }

    [Fact]
    public void A_rule_applies_only_in_the_collection_years_its_specification_gives()
    {
        using var fixture = ReturnFixture.Copy(Fixture);
        fixture.Set("episodes.csv", 6, "PLACE", "P2");

        var in2024 = Ssda903RuleSet.Validate(Ssda903Parser.Parse(SubmissionFiles.From(fixture.Folder), "919", 2024), codeLists.Codes);
        var in2023 = Ssda903RuleSet.Validate(Ssda903Parser.Parse(SubmissionFiles.From(fixture.Folder), "919", 2023), codeLists.Codes);

        Assert.Contains(in2024, i => i.RuleCode == "EPI-30");
        Assert.DoesNotContain(in2023, i => i.RuleCode == "EPI-30");
        Assert.Equal("2023/24 on", Ssda903RuleSet.Catalogue.Single(r => r.Code == "EPI-30").Years);
    }

    [Fact]
    public void Each_rule_carries_its_dfe_code_where_the_dfe_has_the_same_check()
    {
        Assert.Equal("141", Ssda903RuleSet.Catalogue.Single(r => r.Code == "EPI-02").DfeCode);
        Assert.Equal("434", Ssda903RuleSet.Catalogue.Single(r => r.Code == "EPI-18").DfeCode);
        Assert.True(Ssda903RuleSet.Catalogue.Count(r => r.DfeCode is not null) >= 255, "255 of the 903 rules carried a DfE code on 2026-12-06; none may lose it");
    }

    [Fact]
    public void Every_rule_in_the_catalogue_has_a_failing_example()
    {
        var specified = Cases.Select(c => c.Rule).ToHashSet();

        Assert.DoesNotContain(Ssda903RuleSet.Catalogue, r => !specified.Contains(r.Code));
    }

    [Fact]
    public void Rule_codes_are_unique_and_none_has_gone_missing()
    {
        var codes = Ssda903RuleSet.Catalogue.Select(r => r.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.True(codes.Count >= 288, "288 903 rules (file rules included) on 2026-12-06; retiring one is a decision, not an accident");
    }

    [Fact]
    public void Findings_never_echo_a_childs_identifier_dob_upn_or_postcode()
    {
        using var fixture = ReturnFixture.Copy(Fixture);
        fixture.Set("header.csv", 2, "UPN", "A201234567890").Set("episodes.csv", 2, "HOME_POST", "NOWHERE").Append("header.csv", "C1,2,14/05/2012,WBRI,,0,");

        var issues = Validate(fixture);

        Assert.NotEmpty(issues);
        Assert.All(issues.Where(i => i.Column is "CHILD" or "UPN" or "DOB" or "HOME_POST"), i => Assert.True(i.Value is null or "(withheld)", i.ToString()));
        Assert.DoesNotContain(issues, i => i.Message.Contains("A201234567890") || i.Message.Contains("14/05/2012"));
    }
}
