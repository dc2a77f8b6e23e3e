using System.Globalization;
using RegionalWarehouse.Etl.Csv;

namespace RegionalWarehouse.Synthetic.SupportingFamilies;

/// <summary>One generated quarterly Supporting Families file.</summary>
public sealed record GeneratedSfReturn(string LaCode, SfPeriod Period, IReadOnlyList<string> Lines)
{
    public int Families => Lines.Count - 1;
}

/// <summary>
/// Synthetic Supporting Families returns: families attached through the programme years, with realistic
/// needs (domestic abuse, mental health and education most common), outcomes achieved over months, claims
/// and closures. Each quarter's file lists the families worked with in it, as at the quarter's end.
/// Deterministic for a seed.
/// </summary>
public static class SfGenerator
{
    /// <summary>The programme's first financial year (2021-22; its collection year is 2022).</summary>
    public const int FirstProgrammeYear = 2021;

    private static readonly double[] NeedLikelihood = [0.45, 0.20, 0.55, 0.20, 0.40, 0.35, 0.15, 0.45, 0.25, 0.35];
    private static readonly string[] Services = ["EARLY_HELP", "EARLY_HELP", "EARLY_HELP", "SOCIAL_CARE", "SCHOOL", "HEALTH", "POLICE", "HOUSING", "VCS", "OTHER"];
    private static readonly string[] Closures = ["NEEDS_MET", "NEEDS_MET", "NEEDS_MET", "STEP_UP", "DISENGAGED", "MOVED", "TRANSFERRED", "OTHER"];

    private sealed record Family(string Id, DateOnly Attached, string Service, int Children, int Adults, bool[] Needs, DateOnly?[] Outcomes,
        string? ClaimType, DateOnly? ClaimDate, DateOnly? Closed, string? ClosureReason);

    /// <summary>The quarters generated for the collection years given: those of the programme's years (from 2021-22) among them.</summary>
    public static IReadOnlyList<SfPeriod> Periods(int firstCollectionYear, int lastCollectionYear)
    {
        var firstStart = Math.Max(FirstProgrammeYear, firstCollectionYear - 1);
        return [.. Enumerable.Range(firstStart, Math.Max(0, lastCollectionYear - firstStart))
            .SelectMany(start => Enumerable.Range(1, 4).Select(quarter => new SfPeriod(start, quarter)))];
    }

    /// <summary>Quarterly files for each LA for the financial years ending in the collection years given (from 2022).</summary>
    public static IEnumerable<GeneratedSfReturn> Generate(IReadOnlyList<string> laCodes, int firstCollectionYear, int lastCollectionYear, int seed, double scale)
    {
        var periods = Periods(firstCollectionYear, lastCollectionYear);
        if (periods.Count == 0)
            yield break;
        foreach (var la in laCodes)
        {
            var random = new Random(unchecked(seed * 104729 + la.Aggregate(23, (h, c) => h * 31 + c)));
            var perYear = Math.Max(8, (int)Math.Round(RegionalWarehouse.Synthetic.Ssda903.Ssda903Generator.TypicalInCare(la) * 1.2 * scale));
            var families = Simulate(random, la, periods[0].Start, periods[^1].End, perYear);
            foreach (var period in periods)
                yield return new GeneratedSfReturn(la, period, [string.Join(",", SfSchema.Columns),
                    .. families.Where(f => f.Attached <= period.End && (f.Closed is null || f.Closed >= period.Start)).Select(f => Line(la, f, period.End))]);
        }
    }

    private static List<Family> Simulate(Random random, string la, DateOnly from, DateOnly to, int perYear)
    {
        var families = new List<Family>();
        var days = to.DayNumber - from.DayNumber + 1;
        var count = (int)(perYear * days / 365.25);
        for (var i = 0; i < count; i++)
        {
            // The first family attaches in the first quarter, so even a small LA's first return has a row (an empty one is rejected).
            var attached = from.AddDays(i == 0 ? random.Next(days) % 90 : random.Next(days));
            var needs = NeedLikelihood.Select(p => random.NextDouble() < p).ToArray();
            if (!needs.Any(n => n))
                needs[random.Next(needs.Length)] = true;
            var outcomes = needs.Select(n => n && random.NextDouble() < 0.6 ? attached.AddDays(60 + random.Next(360)) : (DateOnly?)null).ToArray();
            string? claimType = null;
            DateOnly? claimDate = null;
            if (needs.Select((n, h) => !n || outcomes[h] is not null).All(ok => ok))
            {
                claimType = "SSP";
                claimDate = outcomes.Where(o => o is not null).Max()!.Value.AddDays(90 + random.Next(60));
            }
            else if (needs[9] && random.NextDouble() < 0.15)
            {
                claimType = "EMP";
                claimDate = attached.AddDays(90 + random.Next(270));
            }
            DateOnly? closed = random.NextDouble() < 0.9 ? attached.AddDays(120 + random.Next(500)) : null;
            if (claimDate is { } c && closed is { } cl && cl < c)
                closed = c.AddDays(random.Next(60));
            families.Add(new Family($"{la}-F{i + 1:D6}", attached, Services[random.Next(Services.Length)], random.Next(1, 5), random.Next(1, 3),
                needs, outcomes, claimType, claimDate, closed, closed is null ? null : Closures[random.Next(Closures.Length)]));
        }
        return families;
    }

    /// <summary>The family as its LA would report it at the quarter's end: nothing dated after that is known yet.</summary>
    private static string Line(string la, Family f, DateOnly asAt)
    {
        string D(DateOnly? d) => d is { } x && x <= asAt ? DateValue.Format(x) : "";
        string Yn(bool b) => b ? "Y" : "N";
        var claimKnown = f.ClaimDate is { } cd && cd <= asAt;
        var closedKnown = f.Closed is { } cl && cl <= asAt;
        return string.Join(",", [
            f.Id, la, DateValue.Format(f.Attached), f.Service, f.Children.ToString(CultureInfo.InvariantCulture), f.Adults.ToString(CultureInfo.InvariantCulture),
            .. f.Needs.Select(Yn),
            .. f.Outcomes.SelectMany(o => o is { } d && d <= asAt ? new[] { "Y", DateValue.Format(d) } : ["", ""]),
            claimKnown ? f.ClaimType! : "", claimKnown ? D(f.ClaimDate) : "", closedKnown ? D(f.Closed) : "", closedKnown ? f.ClosureReason! : "",
        ]);
    }
}
