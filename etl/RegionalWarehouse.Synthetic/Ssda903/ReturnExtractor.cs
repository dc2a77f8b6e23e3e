using RegionalWarehouse.Etl.Csv;
using RegionalWarehouse.Etl.Privacy;
using RegionalWarehouse.Synthetic.Ssda903.Calibration;
using static RegionalWarehouse.Etl.Ssda903.Ssda903Schema;

namespace RegionalWarehouse.Synthetic.Ssda903;

/// <summary>
/// Cuts one collection year's return out of a simulated care history, as an LA's system would at
/// year end: episodes open during the year (those still open at 31 March have no end date), reviews
/// and missing spells in the year, OC2 for children in care 12 months, OC3 for care leavers 17–21.
/// </summary>
public sealed class ReturnExtractor(Random random, CareParameters care)
{
    public GeneratedReturn Extract(string laCode, int year, IEnumerable<SimulatedChild> children)
    {
        var yearStart = new DateOnly(year - 1, 4, 1);
        var yearEnd = new DateOnly(year, 3, 31);
        var result = new GeneratedReturn(laCode, year);
        foreach (var child in children)
        {
            var episodes = child.Episodes.Where(e => e.Start <= yearEnd && (e.End is null || e.End >= yearStart)).ToList();
            var careLeaver = episodes.Count == 0 && IsCareLeaver(child, yearEnd);
            if (episodes.Count == 0 && !careLeaver)
                continue;

            // Motherhood is recorded for girls looked after in the year, not for care leavers who were not (DfE 393, 628).
            Add(result[Header], [child.Id, SexIn(child, year), D(child.Dob), child.Ethnic, UpnIn(child, year),
                careLeaver ? "" : child.MotherChildDob is null ? (child.Sex == 2 ? "0" : "") : "1",
                !careLeaver && child.MotherChildDob is { } mc ? D(mc) : ""]);
            if (careLeaver)
            {
                // In education, employment or training, and suitably accommodated, at the LA's published rates.
                Add(result[Oc3], [child.Id, D(child.Dob), Pick(["YES", "YES", "YES", "YES", "YES", "YES", "YES", "YES", "NO", "REFU"]),
                    random.NextDouble() < care.Share(year, "oc3_eet_pct") ? Pick(["F1", "F2", "P2", "F4", "F4", "P4"]) : Pick(["G4", "G5", "G5", "G6"]),
                    random.NextDouble() < care.Share(year, "oc3_suitable_accommodation_pct") ? Pick(["B1", "D1", "E1", "K1", "K1", "R1", "Z1"]) : Pick(["S2", "T2", "U2", "K2"])]);
                continue;
            }

            foreach (var e in episodes)
            {
                var visibleEnd = e.End is { } end && end <= yearEnd ? end : (DateOnly?)null;
                Add(result[Episodes], [child.Id, D(e.Start), e.Rne, e.Ls, e.Cin, e.Place, e.Provider, visibleEnd is { } v ? D(v) : "",
                    visibleEnd is null ? "" : e.Rec ?? "", visibleEnd is null ? "" : e.ReasonPlaceChange ?? "", child.HomePostcode, e.PlacementPostcode, e.Urn]);
            }
            foreach (var review in child.Reviews.Where(r => r >= yearStart && r <= yearEnd))
                Add(result[Reviews], [child.Id, D(child.Dob), D(review), Degrade.AgeOn(child.Dob, review) < 4 ? "PN0" : Pick(["PN1", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"])]);
            // A spell left open at the end of last year is carried on from its start (DfE 576).
            foreach (var spell in child.MissingSpells.Where(s => s.Start <= yearEnd && (s.Start >= yearStart || s.End is null || s.End >= yearStart)))
                Add(result[Missing], [child.Id, D(child.Dob), spell.Kind, D(spell.Start), spell.End is { } se && se <= yearEnd ? D(se) : ""]);

            if (child.Uasc)
            {
                var eighteenth = child.Dob.AddYears(18);
                Add(result[Uasc], [child.Id, SexIn(child, year), D(child.Dob), eighteenth <= yearEnd ? D(eighteenth) : ""]);
            }
            if (episodes[0].Start >= yearStart && episodes[0].Rne == "S")
                Add(result[PrevPerm], [child.Id, D(child.Dob), child.PreviousPermanence, child.PreviousPermanence == "Z1" ? "" : "919",
                    child.PreviousPermanence == "Z1" ? "" : D(episodes[0].Start.AddYears(-2))]);
            if (result.Tables.ContainsKey(SocialWorkerEpisodes))
                AddSocialWorkers(result, child, yearStart, yearEnd);
            if (InCareTwelveMonths(child, yearStart, yearEnd))
                AddOc2(result, child, year, yearEnd);
            // Once made, the decision to place for adoption is in every return while the child is looked after (DfE 553,
            // 559): DATE_PLACED, the same day as AD1 DATE_INT (523); the ceased date and reason record a reversed
            // decision (RD1-RD4), so an adoption leaves them blank.
            if (child.PlacementDecision is { } decided && decided <= yearEnd)
                Add(result[PlacedAdoption], [child.Id, D(child.Dob), D(decided), "", ""]);
            if (child.Adoption is { } adoption && adoption.PlacedDate <= yearEnd && adoption.AdoptedDate >= yearStart)
            {
                var adopted = adoption.AdoptedDate <= yearEnd && child.CareEnded is { Reason: "E11" or "E12" };
                if (adopted)
                {
                    // Adopters' number, sexes and legal status agree, as the DfE checks (511, 517-520).
                    var couple = random.NextDouble() < 0.8;
                    var sexes = couple ? Pick(["MF", "MF", "MF", "MM", "FF"]) : Pick(["F1", "M1"]);
                    var legalStatus = !couple ? "L0" : sexes == "MF" ? Pick(["L11", "L11", "L3", "L2"]) : Pick(["L12", "L4", "L2"]);
                    Add(result[Ad1], [child.Id, D(child.Dob), D(adoption.DecisionDate), D(adoption.MatchDate), adoption.ByFosterCarer ? "1" : "0",
                        couple ? "2" : "1", sexes, legalStatus]);
                }
            }
        }
        return result;
    }

    private void AddOc2(GeneratedReturn result, SimulatedChild child, int year, DateOnly yearEnd)
    {
        var age = Degrade.AgeOn(child.Dob, yearEnd);
        // The SDQ is for children 4 or over at the year's end and under 17 at its start (DfE 188, 189): others have neither score nor reason.
        var sdqDue = age >= 4 && Degrade.AgeOn(child.Dob, yearEnd.AddYears(-1).AddDays(1)) < 17;
        var sdq = sdqDue && random.NextDouble() < 0.8;
        // Convictions are asked about children 10 or over, development checks about children under 5 (DfE 542, 545, 546).
        var convicted = age < 10 ? "" : Flag(care.Share(year, "oc2_convicted_pct"));
        var (healthCheck, immunisations, teeth, assessment) = (age < 5 ? Flag(0.9) : "", Flag(care.Share(year, "oc2_immunisations_pct")),
            Flag(care.Share(year, "oc2_teeth_check_pct")), Flag(care.Share(year, "oc2_health_check_pct")));
        // A substance misuse problem says whether an intervention was received, and if not whether one was offered (DfE 192, 158, 159).
        var misuse = age >= 10 && random.NextDouble() < care.Share(year, "oc2_substance_misuse_pct");
        var received = misuse ? (random.NextDouble() < 0.6 ? "1" : "0") : "";
        var offered = received == "0" ? Flag(0.5) : "";
        Add(result[Oc2], [child.Id, D(child.Dob), sdq ? random.Next(0, 2 * (int)Math.Round(care.SdqMean(year)) + 1).ToString() : "", sdq || !sdqDue ? "" : Pick(["SDQ2", "SDQ4"]),
            convicted, healthCheck, immunisations, teeth, assessment, misuse ? "1" : "0", received, offered]);
    }

    /// <summary>
    /// A child looked after on 31 March has every social worker episode of the year (DfE SW01, SW12): the one carried
    /// on from last year with its start, any that ended in the year, and the one still open (SW17).
    /// </summary>
    private static void AddSocialWorkers(GeneratedReturn result, SimulatedChild child, DateOnly yearStart, DateOnly yearEnd)
    {
        if (!child.Episodes.Any(e => e.Start <= yearEnd && (e.End is null || e.End > yearEnd)))
            return;
        foreach (var worker in child.SocialWorkers.Where(w => w.Start <= yearEnd && (w.End is null || w.End >= yearStart)))
            Add(result[SocialWorkerEpisodes], [child.Id, worker.WorkerId, D(worker.Start), worker.End is { } end && end <= yearEnd ? D(end) : "", worker.Reason]);
    }

    private static bool InCareTwelveMonths(SimulatedChild child, DateOnly yearStart, DateOnly yearEnd)
    {
        var open = child.Episodes.LastOrDefault(e => e.Start <= yearEnd && (e.End is null || e.End > yearEnd));
        if (open is null)
            return false;
        var index = child.Episodes.IndexOf(open);
        var start = open.Start;
        while (index > 0 && child.Episodes[index - 1].Rec == "X1" && child.Episodes[index - 1].End == start)
            start = child.Episodes[--index].Start;
        return start <= yearStart;
    }

    /// <summary>
    /// The UPN as a year's return records it: UN1 for a child not yet of school age (under 4 on 31 August of the
    /// year before the collection year began, DfE 209), UN2 for an unaccompanied child new to England's schools,
    /// otherwise the child's UPN.
    /// </summary>
    private static string UpnIn(SimulatedChild child, int year) =>
        child.Dob.AddYears(4) > new DateOnly(year - 2, 8, 31) ? "UN1" : child.Upn;

    /// <summary>SEX as the year's return codes it: 1 or 2 until 2023/24, M or F from 2024/25 (DfE 101).</summary>
    private static string SexIn(SimulatedChild child, int year) => year >= 2025 ? (child.Sex == 1 ? "M" : "F") : child.Sex.ToString();

    private static bool IsCareLeaver(SimulatedChild child, DateOnly yearEnd) =>
        child.CareEnded is { } ended && ended.Reason is "E17" or "E7" or "E8" && ended.Date <= yearEnd
        && Degrade.AgeOn(child.Dob, ended.Date) >= 16 && Degrade.AgeOn(child.Dob, yearEnd) is >= 17 and <= 21
        && ended.Date.DayNumber - child.Episodes[0].Start.DayNumber >= 91
        // At 17 or 18 a young person still looked after on this year's birthday is not a care leaver yet (DfE 1007).
        && (Degrade.AgeOn(child.Dob, yearEnd) > 18 || ended.Date <= child.Dob.AddYears(Degrade.AgeOn(child.Dob, yearEnd)));

    private static void Add(GeneratedTable table, string[] row) => table.Rows.Add(row);

    private string Flag(double yes) => random.NextDouble() < yes ? "1" : "0";

    private string Pick(string[] options) => options[random.Next(options.Length)];

    private static string D(DateOnly date) => DateValue.Format(date);
}
