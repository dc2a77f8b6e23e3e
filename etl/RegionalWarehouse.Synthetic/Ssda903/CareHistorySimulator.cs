using RegionalWarehouse.Etl.Privacy;
using RegionalWarehouse.Synthetic.Ssda903.Calibration;

namespace RegionalWarehouse.Synthetic.Ssda903;

/// <summary>A synthetic child and everything that happens to them in care.</summary>
public sealed class SimulatedChild
{
    public required string Id { get; init; }
    public required DateOnly Dob { get; init; }
    public required int Sex { get; init; }
    public required string Ethnic { get; init; }
    public required string Upn { get; init; }
    public required bool Uasc { get; init; }
    public required string HomePostcode { get; init; }
    public DateOnly? MotherChildDob { get; set; }
    public List<SimulatedEpisode> Episodes { get; } = [];
    public List<DateOnly> Reviews { get; } = [];
    public List<(DateOnly Start, DateOnly? End, string Kind)> MissingSpells { get; } = [];
    public SimulatedAdoption? Adoption { get; set; }
    public List<SimulatedSocialWorkerEpisode> SocialWorkers { get; } = [];

    /// <summary>The decision that the child should be placed for adoption, made by the time a placement order (E1) began.</summary>
    public DateOnly? PlacementDecision { get; set; }
    public string PreviousPermanence { get; init; } = "Z1";

    /// <summary>The day the last period of care ended, and how; null while still looked after.</summary>
    public (DateOnly Date, string Reason)? CareEnded => Episodes.Count > 0 && Episodes[^1].End is { } end ? (end, Episodes[^1].Rec!) : null;
}

public sealed record SimulatedEpisode(DateOnly Start, DateOnly? End, string Rne, string Ls, string Cin, string Place, string Provider, string? Rec,
    string? ReasonPlaceChange, string PlacementPostcode, string Urn);

public sealed record SimulatedAdoption(DateOnly DecisionDate, DateOnly MatchDate, DateOnly PlacedDate, DateOnly AdoptedDate, bool ByFosterCarer);

/// <summary>
/// Simulates an LA's children in care day by day: entries at the LA's published rate (<see cref="CareParameters"/>),
/// then a chain of episodes per child with placement moves (settled or unsettled runs of care) and legal status
/// changes, ending in one of the real exit routes (home, special guardianship, adoption, adulthood).
/// </summary>
public sealed class CareHistorySimulator(Random random, string laCode, CareParameters care)
{
    private int _next;

    private static readonly (string Code, double Weight)[] Ethnicities =
    [
        ("WBRI", 66), ("WOTH", 5), ("WIRI", 0.5), ("WROM", 0.7), ("MWBC", 4), ("MWBA", 1.5), ("MWAS", 1.5), ("MOTH", 3), ("AIND", 0.8),
        ("APKN", 1.2), ("ABAN", 0.6), ("AOTH", 1.5), ("BCRB", 1.2), ("BAFR", 4), ("BOTH", 1.5), ("CHNE", 0.2), ("OOTH", 4), ("REFU", 0.3), ("NOBT", 0.5),
    ];

    private static readonly string[] Districts = ["SG1", "SG13", "AL1", "WD17", "HP2", "CM1", "CM2", "CO1", "SS1", "SS2", "RM17", "LU1", "LU2", "MK40",
        "MK41", "PE1", "PE2", "CB1", "CB4", "NR1", "NR3", "IP1", "IP4", "IP33"];

    public List<SimulatedChild> Simulate(DateOnly from, DateOnly to)
    {
        var children = new List<SimulatedChild>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var arrivals = Poisson(care.StartsPerDay(day));
            for (var i = 0; i < arrivals; i++)
                children.Add(EnterCare(day, to));
        }
        return children;
    }

    private SimulatedChild EnterCare(DateOnly entry, DateOnly horizon)
    {
        var uasc = random.NextDouble() < care.UascShare(entry);
        var age = uasc ? Pick([(14, 1.0), (15, 3), (16, 5), (17, 2)]) : EntryAge(random);
        var dob = entry.AddYears(-age).AddDays(-random.Next(1, 360));
        var sex = uasc ? (random.NextDouble() < 0.92 ? 1 : 2) : (random.NextDouble() < 0.56 ? 1 : 2);
        var child = new SimulatedChild
        {
            Id = $"{laCode}C{++_next:D6}",
            Dob = dob,
            Sex = sex,
            Ethnic = uasc ? Pick([("OOTH", 3.0), ("AOTH", 3), ("BAFR", 4)]) : Pick(Ethnicities),
            // The UPN the child has once at school; each year's return says what it knew then (ReturnExtractor.UpnIn).
            Upn = uasc ? "UN2" : RegionalWarehouse.Etl.Ssda903.Rules.UpnCheckLetterRule.WithCheckLetter($"{random.NextInt64(100_000_000_000, 999_999_999_999)}"),
            Uasc = uasc,
            HomePostcode = Postcode(),
            PreviousPermanence = random.NextDouble() < 0.9 ? "Z1" : Pick([("P1", 1.0), ("P2", 2), ("P3", 1)]),
        };
        if (sex == 2 && age >= 15 && random.NextDouble() < 0.04)
            child.MotherChildDob = entry.AddDays(-random.Next(30, 300));

        var eighteenth = dob.AddYears(18);
        var (route, duration) = ChooseExit(entry, age, uasc);
        var exit = route == "adulthood" ? eighteenth : Min(entry.AddDays(duration), eighteenth.AddDays(-1));
        if (exit <= entry)
            exit = entry.AddDays(1);
        BuildEpisodes(child, entry, exit, route, horizon);
        AddReviewsAndMissing(child, entry, exit, horizon);
        SocialWorkerHistory.Simulate(child, laCode, horizon);
        return child;
    }

    private (string Route, int Days) ChooseExit(DateOnly entry, int age, bool uasc)
    {
        if (uasc)
            return ("adulthood", 0);
        // Adoptions are few, so they are spread evenly over the young children coming in (error diffusion) rather
        // than left to chance: a small LA's yearly share of adoptions then follows its published one.
        var adopted = false;
        if (age < 4)
        {
            _adoptionsOwed += care.AdoptionChance(entry);
            if (_adoptionsOwed >= 1)
                (_adoptionsOwed, adopted) = (_adoptionsOwed - 1, true);
        }
        // Special guardianship too: a route roll inside its band for every child the diffusion picks, outside it otherwise.
        var sgo = care.SgoChanceOn(entry);
        _sgoOwed += sgo;
        var route = random.NextDouble() * (1 - sgo);
        if (!adopted && _sgoOwed >= 1)
            (_sgoOwed, route) = (_sgoOwed - 1, 0.42 + sgo / 2);
        else if (route >= 0.42)
            route += sgo;
        var detail = random.NextDouble();
        return Exit(age, route, adopted ? 0 : Math.Max(detail, 1e-9), random.NextDouble(), adopted ? 1 : 0, sgo, care.DurationScale);
    }

    private double _adoptionsOwed = 0.5;
    private double _sgoOwed = 0.5;

    private static readonly (int Age, double Weight)[] EntryAges =
        [(0, 20.0), (1, 6), (2, 5), (3, 4), (4, 4), (6, 10), (8, 10), (11, 12), (13, 13), (14, 10), (15, 9), (16, 7)];

    /// <summary>The age a (not unaccompanied) child starts to be looked after at, as the DfE's tables spread them.</summary>
    public static int EntryAge(Random random)
    {
        var roll = random.NextDouble() * EntryAges.Sum(a => a.Weight);
        foreach (var (age, weight) in EntryAges)
            if ((roll -= weight) <= 0)
                return age;
        return EntryAges[^1].Age;
    }

    /// <summary>
    /// How a child's care ends and after how many days, from four uniform draws (so the calibration can average it):
    /// adoption for some under-4s, then home (many within weeks), special guardianship, other reasons, or
    /// adulthood for older children. Stays that end before adulthood are stretched by <paramref name="scale"/>.
    /// </summary>
    public static (string Route, int Days) Exit(int age, double route, double detail, double length, double adoptionChance, double sgoChance, double scale)
    {
        double Exp(double mean) => -mean * Math.Log(1 - length);
        if (age < 4 && detail < adoptionChance)
            return ("adoption", 420 + (int)(length * 680));
        if (route < 0.42)
            return ("home", detail < 0.4 ? 3 + (int)(length * 57) : (int)(Exp(420) * scale));
        if (route < 0.42 + sgoChance)
            return ("sgo", (int)((300 + length * 900) * scale));
        if (route < 0.49 + sgoChance)
            return ("other", (int)(Exp(500) * scale));
        return age >= 10 ? ("adulthood", 0) : ("home", (int)(Exp(1400) * scale));
    }

    private void BuildEpisodes(SimulatedChild child, DateOnly entry, DateOnly exit, string route, DateOnly horizon)
    {
        // Remand and sentence (J1) apply from age 10 (DfE 358); a placement order (E1) only on the way to adoption,
        // since leaving care from one otherwise needs the reversed decision recorded (DfE 557).
        List<(string, double)> legalStatuses = [("V2", 45.0), ("C1", 38), ("L1", 4), ("L2", 6)];
        if (Degrade.AgeOn(child.Dob, entry) >= 10)
            legalStatuses.Add(("J1", 3));
        if (route == "adoption")
            legalStatuses.Add(("E1", 0.5));
        var ls = child.Uasc ? "V2" : Pick(legalStatuses.ToArray());
        var cin = child.Uasc ? "N7" : Pick([("N1", 65.0), ("N2", 4), ("N3", 4), ("N4", 7), ("N5", 13), ("N6", 2), ("N8", 5)]);
        var place = FirstPlacement(child, entry);
        // A child accommodated under section 20 is not placed with parents (DfE 378).
        if (place == "P1" && ls == "V2")
            place = "U6";
        var start = entry;
        var rne = "S";
        // The decision to place for adoption comes no later than the placement order (DfE 554).
        if (ls == "E1")
            child.PlacementDecision = entry;
        // A child is adopted from a placement for adoption (DfE 390): even after a short stay, one starts before the adoption.
        DateOnly? adoptionPlaced = route == "adoption"
            ? Max(exit.AddDays(-random.Next(120, 260)), entry.AddDays(Math.Clamp((exit.DayNumber - entry.DayNumber) / 2, 1, 30)))
            : null;

        // Placements and legal statuses change on their own clocks: a settled child's placement lasts years, an
        // unsettled one's months; an emergency legal status ends within days, an interim order within a year or so.
        var settled = random.NextDouble() >= care.UnstableShareOn(entry);
        var placementEnds = start.AddDays(PlacementDays(settled));
        // Many young people move on to semi-independent or supported accommodation soon after their 16th birthday.
        var sixteenth = child.Dob.AddYears(16);
        DateOnly? movesOnAt16 = entry < sixteenth && exit > sixteenth.AddDays(150) && route != "adoption"
                                && random.NextDouble() < (child.Uasc ? 0.8 : care.IndependentChanceOn(sixteenth))
            ? sixteenth.AddDays(random.Next(0, 120)) : null;
        var legalStatusEnds = start.AddDays(LegalStatusDays(ls));
        while (true)
        {
            if (movesOnAt16 is { } movesOn && movesOn > start && movesOn < placementEnds && place is not ("P2" or "K3"))
                placementEnds = movesOn;
            var nextChange = Min(placementEnds, legalStatusEnds);
            if (child.Adoption is not null)
                nextChange = exit;
            else if (adoptionPlaced is { } placed && placed > start && placed <= nextChange)
                nextChange = placed;
            // P2 ended on 28 October 2023 (DfE 217t): a P2 placement still open that day becomes supported
            // accommodation registered with Ofsted (K3) with the same carers.
            var p2Withdrawn = place == "P2" && start < P2Withdrawn && nextChange > P2Withdrawn && exit > P2Withdrawn;
            if (p2Withdrawn)
                nextChange = P2Withdrawn;
            var endsCare = nextChange >= exit;
            var end = endsCare ? exit : nextChange;

            // What changes on the day, decided before the episode is written: a legal status whose clock ran out
            // may stay as it is (then only its clock restarts, and no episode ends).
            var (newLs, newPlace) = (ls, place);
            var placedForAdoption = !endsCare && !p2Withdrawn && adoptionPlaced == end && child.Adoption is null;
            // Both clocks may run out on the same day: then the legal status and the placement change together.
            var legalEvent = !endsCare && !p2Withdrawn && !placedForAdoption && legalStatusEnds <= placementEnds;
            var placementEvent = !endsCare && !p2Withdrawn && !placedForAdoption && placementEnds <= legalStatusEnds;
            if (legalEvent)
            {
                newLs = NextLegalStatus(ls, route);
                if (newLs == ls && !placementEvent)
                {
                    legalStatusEnds = end.AddDays(LegalStatusDays(ls));
                    continue;
                }
            }

            var open = end > horizon;
            var rec = open ? null : endsCare ? ExitReason(route, child, end, place) : "X1";
            var episode = new SimulatedEpisode(start, open ? null : end, rne, ls, cin, place, Provider(place), rec, null, Postcode(), Urn(place));
            // A change of legal status only keeps the placement as it was: provider, postcode and URN (DfE 434).
            if (rne == "L" && child.Episodes.Count > 0)
                episode = episode with { Provider = child.Episodes[^1].Provider, PlacementPostcode = child.Episodes[^1].PlacementPostcode, Urn = child.Episodes[^1].Urn };
            child.Episodes.Add(episode);
            if (open || endsCare)
                break;
            if (p2Withdrawn)
            {
                child.Episodes[^1] = child.Episodes[^1] with { ReasonPlaceChange = "OTHER" };
                (place, start, rne) = ("K3", end, "T");
                continue;
            }

            if (placedForAdoption)
            {
                newLs = "E1";
                // Placed with current foster carers (A5) changes legal status too (DfE 217); already under a placement order, A6.
                newPlace = ls != "E1" && random.NextDouble() < 0.2 ? "A5" : "A6";
                var match = end.AddDays(-random.Next(20, 60));
                var decision = child.PlacementDecision ?? entry.AddDays(random.Next(60, 300));
                if (decision > match.AddDays(-14))
                    decision = match.AddDays(-14);
                child.PlacementDecision = decision;
                child.Adoption = new SimulatedAdoption(decision, match, end, exit, newPlace == "A5");
            }
            else if (placementEvent)
            {
                newPlace = movesOnAt16 == end ? IndependentLiving(end) : NextPlacement(child, end, place);
                // Now and then the legal status changes with the move.
                if (!legalEvent && random.NextDouble() < 0.1)
                    newLs = NextLegalStatus(ls, route);
            }
            if (newPlace == "P1" && newLs == "V2")
                newPlace = place == "U6" ? "U4" : "U6";
            // A new episode cannot carry P2 past its withdrawal: the placement is recorded as what replaced it.
            if (newPlace == "P2" && IndependentLiving(end) != "P2")
                newPlace = IndependentLiving(end);

            rne = (newLs != ls, newPlace != place) switch
            {
                // Placed for adoption with the current foster carers: the carers stay (DfE 217: S, T or U).
                (var lsChanged, true) when newPlace is "A3" or "A5" => lsChanged ? "U" : "T",
                (true, false) => "L",
                (false, true) => "P",
                (true, true) => random.NextDouble() < 0.8 ? "B" : "U", // B: legal status, placement and carers change; U: the same carers
                _ => "P",
            };
            if (rne == "P" && newPlace == place)
                newPlace = NextPlacement(child, end, place == "U6" ? "U4" : "U6");
            // The reason for a placement change is recorded on the episode that ends with it (DfE 225).
            if (newPlace != place)
                child.Episodes[^1] = child.Episodes[^1] with
                {
                    ReasonPlaceChange = Pick([("CARPL", 40.0), ("CREQB", 15), ("CREQO", 10), ("LAREQ", 15), ("CHILD", 5), ("CLOSE", 5), ("OTHER", 10)]),
                };
            if (newLs == "E1" && child.PlacementDecision is null)
                child.PlacementDecision = end;
            if (newPlace != place)
                placementEnds = end.AddDays(PlacementDays(settled));
            if (newLs != ls || legalEvent)
                legalStatusEnds = end.AddDays(LegalStatusDays(newLs));
            (ls, place, start) = (newLs, newPlace, end);
        }
    }

    /// <summary>How long a placement lasts: years in a settled run of care, months in an unsettled one.</summary>
    private int PlacementDays(bool settled) => Math.Max(7, (int)Exponential(settled ? care.StableMeanDays : CareParameters.UnstableMeanDays));

    /// <summary>How long a legal status lasts before it may change (police protection within 72 hours, DfE 361; an emergency protection order within 21 days, 362).</summary>
    private int LegalStatusDays(string ls) => ls switch
    {
        "L1" => random.Next(1, 4),
        "L2" => random.Next(1, 22),
        "V2" or "C1" => Math.Max(7, (int)Exponential(400)),
        _ => Math.Max(30, (int)Exponential(1500)),
    };

    /// <summary>The legal status that follows: emergency orders give way to interim or full orders, section 20 sometimes to an order.</summary>
    private string NextLegalStatus(string ls, string route) => ls switch
    {
        "L1" => Pick([("C1", 0.6), ("V2", 0.4)]),
        "L2" => "C2",
        "C1" => random.NextDouble() < 0.7 ? "C2" : "C1",
        "V2" => random.NextDouble() < 0.25 ? "C1" : "V2",
        "C2" when route == "adoption" => random.NextDouble() < 0.5 ? "E1" : "C2",
        _ => ls,
    };

    private string FirstPlacement(SimulatedChild child, DateOnly on)
    {
        var age = Degrade.AgeOn(child.Dob, on);
        // Unaccompanied young people of 16 and 17 mostly live in supported accommodation.
        if (age >= 16 && random.NextDouble() < (child.Uasc ? 0.75 : care.IndependentChanceAt16))
            return IndependentLiving(on);
        if (age >= 12 && random.NextDouble() < 0.2)
            return "K2";
        return Pick([("U6", 50.0), ("U3", 15), ("U4", 8), ("U1", 4), ("P1", care.ParentsWeight), ("R1", 1), ("Z1", 1)]);
    }

    /// <summary>
    /// Semi-independent or supported accommodation for 16- and 17-year-olds, coded as the 903 allowed on the
    /// day: P2 until it was withdrawn on 28 October 2023, when supported accommodation had to be registered
    /// with Ofsted (K3).
    /// </summary>
    private static string IndependentLiving(DateOnly on) => on < P2Withdrawn ? "P2" : "K3";

    private static readonly DateOnly P2Withdrawn = new(2023, 10, 28);

    private string NextPlacement(SimulatedChild child, DateOnly on, string current)
    {
        var age = Degrade.AgeOn(child.Dob, on);
        string next;
        do
        {
            next = age >= 16 && random.NextDouble() < (child.Uasc ? 0.75 : care.IndependentChanceAt16) ? IndependentLiving(on)
                : age >= 11 && random.NextDouble() < 0.2 ? "K2"
                : age >= 16 ? Pick([("U4", 30.0), ("U6", 30), ("U1", 10), ("U3", 10), ("P1", care.ParentsWeight), ("S1", 1), ("R3", 0.5), (IndependentLiving(on), 1)])
                // A residential school from age 4, independent living from 15 (DfE 373, 370).
                : age >= 4 ? Pick([("U4", 30.0), ("U6", 30), ("U1", 10), ("U3", 10), ("P1", care.ParentsWeight), ("S1", 1), ("R3", 0.5)])
                : Pick([("U4", 30.0), ("U6", 30), ("U1", 10), ("U3", 10), ("P1", care.ParentsWeight), ("R3", 0.5)]);
        }
        while (next == current);
        return next;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>
    /// The placement's Ofsted URN: a children's home or fostering service's SC number, where the DfE requires one
    /// (DfE 218); independent living (P2) has no Ofsted registration but needs a URN from 2023/24, so XXXXXXX (222).
    /// </summary>
    private string Urn(string place) => RegionalWarehouse.Etl.Ssda903.Rules.PlacementType.IsExemptFromUrn(place) ? "" : place == "P2" ? RegionalWarehouse.Etl.Ssda903.Rules.Formats.NoUrn : $"SC{random.Next(100000, 999999)}";

    private string ExitReason(string route, SimulatedChild child, DateOnly on, string place) => route switch
    {
        "adoption" => random.NextDouble() < 0.7 ? "E11" : "E12",
        "home" => Pick([("E4A", 80.0), ("E4B", 8), ("E13", 12)]),
        // A special guardianship order to former foster carers (E45, E46) ends a foster placement (DfE 516).
        "sgo" when place.StartsWith('U') => Pick([("E45", 35.0), ("E46", 10), ("E47", 35), ("E48", 10), ("E41", 10)]),
        "sgo" => Pick([("E47", 45.0), ("E48", 15), ("E41", 10)]),
        "adulthood" => Degrade.AgeOn(child.Dob, on) >= 18 ? Pick([("E17", 25.0), ("E7", 30), ("E8", 35), ("E4A", 10)]) : "E8",
        _ => Pick([("E8", 60.0), ("E3", 20), ("E4B", 20)]),
    };

    private void AddReviewsAndMissing(SimulatedChild child, DateOnly entry, DateOnly exit, DateOnly horizon)
    {
        var last = Min(exit, horizon);
        for (var review = entry.AddDays(20); review < last; review = review.AddDays(review == entry.AddDays(20) ? 70 : 182))
            child.Reviews.Add(review);
        // Each year the child is looked after at 11 or over, they may go missing, at the LA's published rate.
        for (var yearStart = new DateOnly(entry.Month >= 4 ? entry.Year : entry.Year - 1, 4, 1); yearStart <= last; yearStart = yearStart.AddYears(1))
        {
            var from = Max(yearStart, entry);
            var until = Min(yearStart.AddYears(1).AddDays(-1), last);
            if (until <= from || Degrade.AgeOn(child.Dob, until) < 11 || random.NextDouble() > care.MissingChance(CareParameters.CollectionYear(from)))
                continue;
            var spells = random.Next(1, 4);
            for (var i = 0; i < spells; i++)
            {
                var start = from.AddDays(random.Next(0, Math.Max(1, until.DayNumber - from.DayNumber)));
                var end = start.AddDays(random.Next(0, 4));
                // A spell ends before the placement the child went missing from does (DfE 575): the child is back, so
                // not missing when the placement or their care ends (580).
                if (child.Episodes.LastOrDefault(e => e.Start <= start)?.End is { } placementEnded && placementEnded <= end)
                    end = placementEnded.AddDays(-1);
                if (end < start || start <= entry)
                    continue;
                // Spells do not overlap (DfE 574).
                if (start >= last || child.MissingSpells.Any(s => start <= (s.End ?? DateOnly.MaxValue) && s.Start <= end))
                    continue;
                child.MissingSpells.Add((start, end > horizon ? null : end, random.NextDouble() < 0.7 ? "M" : "A"));
            }
        }
    }

    private string Provider(string place) => place switch
    {
        "P1" => "PR0",
        "Z1" => "", // an other placement has no provider (DfE 178)
        "P2" or "K3" => Pick([("PR4", 60.0), ("PR5", 25), ("PR1", 15)]),
        "K2" or "R1" or "S1" => Pick([("PR4", 80.0), ("PR1", 15), ("PR2", 5)]),
        _ => Pick([("PR1", 65.0), ("PR4", 30), ("PR5", 5)]),
    };

    /// <summary>The letters a postcode's inward code uses (Royal Mail never uses C, I, K, M, O or V there).</summary>
    private const string InwardLetters = "ABDEFGHJLNPQRSTUWXYZ";

    /// <summary>A postcode in a real district of the region, shaped as Royal Mail's are; the unit itself is made up.</summary>
    private string Postcode()
    {
        var inward = $"{random.Next(1, 10)}{InwardLetters[random.Next(InwardLetters.Length)]}{InwardLetters[random.Next(InwardLetters.Length)]}";
        return $"{Districts[random.Next(Districts.Length)]} {inward}";
    }

    private T Pick<T>((T Value, double Weight)[] options)
    {
        var roll = random.NextDouble() * options.Sum(o => o.Weight);
        foreach (var (value, weight) in options)
        {
            if ((roll -= weight) <= 0)
                return value;
        }
        return options[^1].Value;
    }

    private double Exponential(double mean) => -mean * Math.Log(1 - random.NextDouble());

    private int Poisson(double lambda)
    {
        var limit = Math.Exp(-lambda);
        var k = 0;
        var p = random.NextDouble();
        while (p > limit)
        {
            k++;
            p *= random.NextDouble();
        }
        return k;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
