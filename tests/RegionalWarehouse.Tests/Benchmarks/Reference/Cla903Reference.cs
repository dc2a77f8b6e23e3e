using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace RegionalWarehouse.Tests.Benchmarks.Reference;

/// <summary>
/// An independent calculation of the CLA benchmarks from an LA's raw 903 files, written apart from the
/// warehouse views and following the DfE's published definitions directly: it walks each child's
/// episodes in plain C#, where the platform numbers periods and placements with window functions in SQL.
/// History for year Y comes only from the LA's returns for Y and earlier (the latest return wins for an
/// episode it repeats), as an analyst holding those files would compute it.
/// </summary>
public sealed class Cla903Reference
{
    private static readonly string[] Foster = ["U1", "U2", "U3", "U4", "U5", "U6"];
    private static readonly string[] Residential = ["K1", "K2", "P3", "R1", "R2", "R3", "R5", "S1"];
    private static readonly string[] PlacedForAdoption = ["A3", "A4", "A5", "A6"];
    private static readonly string[] Independent = ["P2", "H5", "K3"];
    private static readonly string[] Employment = ["F1", "P1", "F2", "P2", "F4", "P4"];

    /// <summary>The DfE's groups of reasons a period of care ended, as its CLA publication tabulates them.</summary>
    private static readonly Dictionary<string, string[]> CeaseGroups = new()
    {
        ["ceased_adopted_pct"] = ["E11", "E12"],
        ["ceased_sgo_pct"] = ["E45", "E46", "E47", "E48"],
        ["ceased_home_pct"] = ["E4A", "E4B", "E13"],
        ["ceased_cao_pct"] = ["E41"],
        ["ceased_independent_pct"] = ["E7", "E17"],
    };

    private static readonly Dictionary<string, string[]> LegalGroups = new()
    {
        ["legal_care_order_pct"] = ["C1", "C2"],
        ["legal_placement_order_pct"] = ["E1", "D1"],
        ["legal_voluntary_pct"] = ["V2"],
        ["legal_youth_justice_pct"] = ["J1", "J2", "J3"],
    };

    private readonly SortedDictionary<int, ReturnFiles> _returns = [];

    /// <param name="laFolder">The generator's folder for one LA: {la}/SSDA903/{year}/{submission}/*.csv.</param>
    public Cla903Reference(string laFolder)
    {
        foreach (var yearFolder in Directory.GetDirectories(Path.Combine(laFolder, "SSDA903")))
        {
            var year = int.Parse(Path.GetFileName(yearFolder), CultureInfo.InvariantCulture);
            _returns[year] = new ReturnFiles(Directory.GetDirectories(yearFolder).Single());
        }
    }

    public IEnumerable<int> Years => _returns.Keys;

    /// <summary>Every covered metric's numerator and denominator for one year (denominator null for counts; rates take the population).</summary>
    public Dictionary<string, (double Numerator, double? Denominator)> Compute(int year, double childrenAged0To17)
    {
        var yearStart = new DateOnly(year - 1, 4, 1);
        var yearEnd = new DateOnly(year, 3, 31);
        var files = _returns[year];
        var dob = files.Rows("header").ToDictionary(r => r["CHILD"], r => Date(r["DOB"])!.Value);
        var histories = History(year);

        var lookedAfter = new List<ChildYear>();
        foreach (var (child, all) in histories)
        {
            // Short breaks (V3/V4) are not counted as being looked after in any DfE child count.
            var episodes = all.Where(e => e.LegalStatus is not ("V3" or "V4")).ToList();
            var inYear = episodes.Where(e => e.Start <= yearEnd && (e.End is null || e.End >= yearStart)).ToList();
            if (inYear.Count == 0)
                continue;
            var atEnd = inYear.SingleOrDefault(e => e.End is null || e.End > yearEnd);
            var lastCease = inYear.Where(e => e.End >= yearStart && e.End <= yearEnd && e.Reason != "X1").MaxBy(e => e.End);
            lookedAfter.Add(new ChildYear(child, AgeOn(dob[child], yearEnd), atEnd,
                Started: inYear.Any(e => e.Rne == "S" && e.Start >= yearStart),
                CeaseReason: lastCease?.Reason,
                PlacementsInYear: inYear.Where((e, i) => i == 0 || !ContinuesPlacement(e)).Count(e => LastsADay(all, e)),
                PeriodStart: PeriodStart(all, inYear[^1]),
                PlacementStart: atEnd is null ? null : PlacementStart(all, atEnd),
                PreviousPlacementStart: atEnd is null ? null : PreviousPlacementStart(all, atEnd)));
        }

        var atMarch = lookedAfter.Where(c => c.AtEnd is not null).ToList();
        var ceased = lookedAfter.Where(c => c.CeaseReason is not null).ToList();
        var result = new Dictionary<string, (double, double?)>
        {
            ["cla_31_march"] = (atMarch.Count, null),
            ["cla_rate_per_10k"] = (atMarch.Count, childrenAged0To17),
            ["starts_in_year"] = (lookedAfter.Count(c => c.Started), null),
            ["starts_rate_per_10k"] = (lookedAfter.Count(c => c.Started), childrenAged0To17),
            ["ceased_in_year"] = (ceased.Count, null),
            ["ceased_rate_per_10k"] = (ceased.Count, childrenAged0To17),
            ["stability_short_term_pct"] = (atMarch.Count(c => c.PlacementsInYear >= 3), atMarch.Count),
            ["placement_foster_pct"] = (atMarch.Count(c => Foster.Contains(c.AtEnd!.Place)), atMarch.Count),
            ["placement_residential_pct"] = (atMarch.Count(c => Residential.Contains(c.AtEnd!.Place)), atMarch.Count),
            ["placement_parents_pct"] = (atMarch.Count(c => c.AtEnd!.Place == "P1"), atMarch.Count),
            ["placement_adoption_pct"] = (atMarch.Count(c => PlacedForAdoption.Contains(c.AtEnd!.Place)), atMarch.Count),
            ["placement_independent_pct"] = (atMarch.Count(c => Independent.Contains(c.AtEnd!.Place)), atMarch.Count),
        };
        foreach (var (metric, reasons) in CeaseGroups)
            result[metric] = (ceased.Count(c => reasons.Contains(c.CeaseReason)), ceased.Count);
        foreach (var (metric, statuses) in LegalGroups)
            result[metric] = (atMarch.Count(c => statuses.Contains(c.AtEnd!.LegalStatus)), atMarch.Count);

        // Long-term stability: under 16, looked after for 2.5 years, in the same placement for 2 (or placed
        // for adoption, with that and the placement before it together lasting 2 years).
        var twoAndAHalfYearsBefore = yearEnd.AddMonths(-30);
        var twoYearsBefore = yearEnd.AddMonths(-24);
        var longStayers = atMarch.Where(c => c.Age < 16 && c.PeriodStart <= twoAndAHalfYearsBefore).ToList();
        result["stability_long_term_pct"] = (longStayers.Count(c => c.PlacementStart <= twoYearsBefore
            || (PlacedForAdoption.Contains(c.AtEnd!.Place) && c.PreviousPlacementStart <= twoYearsBefore)), longStayers.Count);

        var uasc = files.Rows("uasc").Where(r => Date(r["DUC"]) is not { } ceasedOn || ceasedOn > yearEnd).Select(r => r["CHILD"]).ToHashSet();
        result["uasc_31_march"] = (atMarch.Count(c => uasc.Contains(c.Child)), null);

        // Missing at some point in the year (a spell under way on 1 April counts, as the DfE counts it); incidents
        // are the spells that began in the year.
        var spells = files.Rows("missing").Where(r => r["MISSING"] == "M" && Date(r["MIS_START"]) is { } s && s <= yearEnd
                                                      && (Date(r["MIS_END"]) is not { } e || e >= yearStart)).ToList();
        var missingInYear = spells.Select(r => r["CHILD"]).ToHashSet();
        var incidents = spells.Where(r => Date(r["MIS_START"]) >= yearStart).GroupBy(r => r["CHILD"]).ToDictionary(g => g.Key, g => g.Count());
        result["missing_pct"] = (lookedAfter.Count(c => missingInYear.Contains(c.Child)), lookedAfter.Count);
        var wentMissing = lookedAfter.Where(c => incidents.ContainsKey(c.Child)).ToList();
        result["missing_incidents_per_child"] = (wentMissing.Sum(c => incidents[c.Child]), wentMissing.Count);

        var oc2 = files.Rows("oc2").ToList();
        foreach (var (metric, column) in new[] { ("oc2_health_check_pct", "HEALTH_ASSESSMENT"), ("oc2_immunisations_pct", "IMMUNISATIONS"),
                     ("oc2_teeth_check_pct", "TEETH_CHECK"), ("oc2_convicted_pct", "CONVICTED"), ("oc2_substance_misuse_pct", "SUBSTANCE_MISUSE") })
            result[metric] = (oc2.Count(r => r[column] == "1"), metric == "oc2_convicted_pct" ? oc2.Count(r => r[column] != "") : oc2.Count);
        var sdq = oc2.Where(r => r["SDQ_SCORE"] != "").Select(r => int.Parse(r["SDQ_SCORE"], CultureInfo.InvariantCulture)).ToList();
        result["oc2_sdq_mean"] = (sdq.Sum(), sdq.Count);

        var leavers = files.Rows("oc3").Where(r => AgeOn(Date(r["DOB"])!.Value, yearEnd) is >= 19 and <= 21).ToList();
        // The DfE leaves out young people who died or returned home (and, for accommodation, went abroad or were deported).
        var forActivity = leavers.Where(r => r["IN_TOUCH"] is not ("DIED" or "RHOM")).ToList();
        var forAccommodation = forActivity.Where(r => !r["ACCOM"].StartsWith('X') && !r["ACCOM"].StartsWith('Y')).ToList();
        result["oc3_eet_pct"] = (forActivity.Count(r => Employment.Contains(r["ACTIV"])), forActivity.Count);
        result["oc3_suitable_accommodation_pct"] = (forAccommodation.Count(r => r["ACCOM"].EndsWith('1')), forAccommodation.Count);
        result["oc3_in_touch_pct"] = (leavers.Count(r => r["IN_TOUCH"] == "YES"), leavers.Count);

        // The adoption scorecard's A1 and A2 are three-year averages, given when the returns cover all three years.
        var window = Enumerable.Range(year - 2, 3).ToList();
        var days = window.All(_returns.ContainsKey) ? window.Select(AdoptionDays).ToList() : [];
        var careToPlaced = days.SelectMany(d => d.CareToPlaced).ToList();
        var authorityToMatch = days.SelectMany(d => d.AuthorityToMatch).ToList();
        result["adoption_days_care_to_placed"] = (careToPlaced.Sum(), careToPlaced.Count);
        result["adoption_days_authority_to_match"] = (authorityToMatch.Sum(), authorityToMatch.Count);
        return result;
    }

    /// <summary>
    /// A1 and A2 days for each child adopted in one year. Moving in with the adopters is the start of the placement
    /// for adoption (A3-A6) the adoption ended, followed back while the child stayed placed for adoption; for a child
    /// adopted by its foster carers (A10), the start of the placement before that. A2 runs from the first placement
    /// or freeing order (LS E1, D1) of the period of care to the match, 0 if the match came first.
    /// </summary>
    private (List<int> CareToPlaced, List<int> AuthorityToMatch) AdoptionDays(int year)
    {
        var yearStart = new DateOnly(year - 1, 4, 1);
        var yearEnd = new DateOnly(year, 3, 31);
        var histories = History(year);
        var careToPlaced = new List<int>();
        var authorityToMatch = new List<int>();
        foreach (var row in _returns[year].Rows("ad1"))
        {
            if (!histories.TryGetValue(row["CHILD"], out var all))
                continue;
            var inYear = all.Where(e => e.LegalStatus is not ("V3" or "V4") && e.Start <= yearEnd && (e.End is null || e.End >= yearStart)).ToList();
            if (inYear.Count == 0)
                continue;
            var periodStart = PeriodStart(all, inYear[^1]);
            var adoption = all.LastOrDefault(e => e.Reason is "E11" or "E12" && e.End >= yearStart && e.End <= yearEnd);
            if (adoption is not null && PlacedForAdoption.Contains(adoption.Place))
            {
                var i = all.IndexOf(adoption);
                while (i > 0 && PlacedForAdoption.Contains(all[i - 1].Place) && all[i - 1].End == all[i].Start)
                    i--;
                var movedIn = all[i].Start;
                if (row["FOSTER_CARE"] == "1" && i > 0 && all[i - 1].End == all[i].Start)
                    movedIn = PlacementStart(all, all[i - 1]);
                careToPlaced.Add(movedIn.DayNumber - periodStart.DayNumber);
            }
            var authority = adoption is null ? null
                : all.Where(e => e.LegalStatus is "E1" or "D1" && e.Start >= periodStart && e.Start <= adoption.Start).Select(e => (DateOnly?)e.Start).Min();
            if (authority is not null && Date(row["DATE_MATCH"]) is { } matched)
                authorityToMatch.Add(Math.Max(0, matched.DayNumber - authority.Value.DayNumber));
        }
        return (careToPlaced, authorityToMatch);
    }

    /// <summary>Every episode known from the returns up to this year, per child in date order; a later return's copy of an episode wins.</summary>
    private Dictionary<string, List<Episode>> History(int year)
    {
        var latest = new Dictionary<(string Child, DateOnly Start), Episode>();
        foreach (var (_, files) in _returns.Where(r => r.Key <= year))
            foreach (var row in files.Rows("episodes"))
            {
                var episode = new Episode(row["CHILD"], Date(row["DECOM"])!.Value, Date(row["DEC"]), row["RNE"], row["LS"], row["PLACE"], row["REC"]);
                latest[(episode.Child, episode.Start)] = episode;
            }
        return latest.Values.GroupBy(e => e.Child).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Start).ToList());
    }

    /// <summary>
    /// In the DfE's 903 guide L changes the legal status only, and T and U change the placement with the same carers:
    /// the child stays with the same carers, so the same placement. S, P and B bring new carers.
    /// </summary>
    private static bool ContinuesPlacement(Episode e) => e.Rne is "L" or "T" or "U";

    private static Episode? Before(List<Episode> history, Episode e)
    {
        var index = history.IndexOf(e);
        return index > 0 && history[index - 1].End == e.Start && history[index - 1].Reason == "X1" ? history[index - 1] : null;
    }

    /// <summary>The start of the unbroken run of care the episode belongs to, as far back as the returns reach.</summary>
    private static DateOnly PeriodStart(List<Episode> history, Episode e)
    {
        while (e.Rne != "S" && Before(history, e) is { } earlier)
            e = earlier;
        return e.Start;
    }

    private static DateOnly PlacementStart(List<Episode> history, Episode e)
    {
        while (ContinuesPlacement(e) && Before(history, e) is { } earlier)
            e = earlier;
        return e.Start;
    }

    /// <summary>
    /// The DfE counts placements of 24 hours or more. The 903 holds dates only, so the placement this episode belongs
    /// to is shorter when it ended (its last episode, followed through the ones that continue it) the day it began.
    /// </summary>
    private static bool LastsADay(List<Episode> history, Episode e)
    {
        var start = PlacementStart(history, e);
        while (After(history, e) is { } later && ContinuesPlacement(later))
            e = later;
        return e.End is null || e.End > start;
    }

    private static Episode? After(List<Episode> history, Episode e)
    {
        var index = history.IndexOf(e);
        return index < history.Count - 1 && e.End == history[index + 1].Start && e.Reason == "X1" ? history[index + 1] : null;
    }

    private static DateOnly? PreviousPlacementStart(List<Episode> history, Episode e)
    {
        while (ContinuesPlacement(e) && Before(history, e) is { } earlier)
            e = earlier;
        return e.Rne != "S" && Before(history, e) is { } previous ? PlacementStart(history, previous) : null;
    }

    private static int AgeOn(DateOnly dob, DateOnly day) => day.Year - dob.Year - (day < dob.AddYears(day.Year - dob.Year) ? 1 : 0);

    private static DateOnly? Date(string text) =>
        DateOnly.TryParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private sealed record Episode(string Child, DateOnly Start, DateOnly? End, string Rne, string LegalStatus, string Place, string Reason);

    private sealed record ChildYear(string Child, int Age, Episode? AtEnd, bool Started, string? CeaseReason, int PlacementsInYear,
        DateOnly PeriodStart, DateOnly? PlacementStart, DateOnly? PreviousPlacementStart);

    /// <summary>One return's CSV files, found by the table name in the file name.</summary>
    private sealed class ReturnFiles(string folder)
    {
        public IEnumerable<Dictionary<string, string>> Rows(string table)
        {
            // The generator names files {la}_{table}_{year}.csv ("episodes" and "social_worker_episodes" are two tables).
            var path = Directory.GetFiles(folder, "*.csv").SingleOrDefault(f => System.Text.RegularExpressions.Regex.IsMatch(Path.GetFileName(f), $@"^\d{{3}}_{table}_\d{{4}}\.csv$"));
            if (path is null)
                yield break;
            using var reader = new CsvReader(new StreamReader(path), new CsvConfiguration(CultureInfo.InvariantCulture));
            reader.Read();
            reader.ReadHeader();
            while (reader.Read())
                yield return reader.HeaderRecord!.ToDictionary(h => h, h => reader.GetField(h)!.Trim());
        }
    }
}
