namespace RegionalWarehouse.Synthetic.Ssda903.Calibration;

/// <summary>
/// The rates one LA's care histories are simulated with, derived from its published figures: how many children
/// start to be looked after each year and how many of them are unaccompanied asylum seekers, how long care lasts
/// (so the number looked after at 31 March follows, by Little's law), how often placements change, how care
/// ends, where children live, and the OC2/OC3 shares. Outcomes are not overwritten: they follow from these rates.
/// </summary>
public sealed class CareParameters
{
    /// <summary>An unaccompanied child is looked after until 18, on average a little under two years after arriving.</summary>
    private const double UascYearsInCare = 1.9;

    /// <summary>A child in an unsettled run of care moves every five months or so.</summary>
    public const double UnstableMeanDays = 150;

    private readonly PublishedTargets _targets;
    private readonly string _la;
    private readonly double _scale;
    private readonly double _meanAdopted;
    private readonly double _meanSgo;
    private readonly double _meanIndependent;

    private CareParameters(PublishedTargets targets, string la, double scale)
    {
        (_targets, _la, _scale) = (targets, la, scale);
        var (first, last) = (2019, 2025);
        double Mean(string metric) => targets.Mean(la, metric, first, last);

        // Placements: a share of children are in an unsettled run of care (a move every UnstableMeanDays), the rest in
        // settled placements. Over half the unsettled children in care at 31 March had three or more placements in
        // the year; the settled ones' placement length gives the share still in the same placement after two years.
        var longTerm = Mean("stability_long_term_pct") / 100;
        UnstableShare = UnstableShareFor(Mean("stability_short_term_pct"));
        StableMeanDays = -730 / Math.Log(Math.Clamp(longTerm / (1 - UnstableShare), 0.3, 0.97));

        // Exits: adoptions come from children who entered care under 4, special guardianship from the others.
        (_meanAdopted, _meanSgo) = (Mean("ceased_adopted_pct"), Mean("ceased_sgo_pct"));
        AdoptionChanceUnder4 = Math.Clamp(_meanAdopted / 100 / 0.26, 0.02, 0.9);
        SgoChance = Math.Clamp(_meanSgo / 100 / 0.75, 0.01, 0.5);
        _meanIndependent = Mean("placement_independent_pct");
        IndependentChanceAt16 = Math.Clamp(_meanIndependent / 100 / 0.33, 0.05, 0.95);
        ParentsWeight = Math.Clamp(Mean("placement_parents_pct") * 2.0, 0.5, 30);

        // Care lasts long enough that starts x years in care = children looked after, once UASC are counted apart.
        var inCare = Mean("cla_31_march");
        var uasc = Mean("uasc_31_march");
        var starts = Mean("starts_in_year");
        var otherStarts = Math.Max(1, starts - uasc / UascYearsInCare);
        DurationScale = SolveDurationScale(Math.Max(0.3, (inCare - uasc) / otherStarts));
    }

    public static CareParameters For(PublishedTargets targets, string la, double scale) => new(targets, la, scale);

    public double UnstableShare { get; }
    public double StableMeanDays { get; }
    public double AdoptionChanceUnder4 { get; }
    public double SgoChance { get; }
    public double IndependentChanceAt16 { get; }
    public double ParentsWeight { get; }

    /// <summary>The factor on every non-UASC stay that ends before adulthood.</summary>
    public double DurationScale { get; }

    /// <summary>The collection year a day falls in (1 April to 31 March, named by the year it ends).</summary>
    public static int CollectionYear(DateOnly day) => day.Month >= 4 ? day.Year + 1 : day.Year;

    /// <summary>Children starting to be looked after per day, at the scale asked for.</summary>
    public double StartsPerDay(DateOnly day) => _targets.Get(_la, CollectionYear(day), "starts_in_year") * _scale / 365.0;

    /// <summary>The share of the day's starts who are unaccompanied asylum-seeking children.</summary>
    public double UascShare(DateOnly day)
    {
        // A young person arriving now is still looked after at the 31 March after next: arrivals lead the count.
        var year = CollectionYear(day.AddMonths(11));
        var starts = Math.Max(1, _targets.Get(_la, year, "starts_in_year"));
        return Math.Clamp(_targets.Get(_la, year, "uasc_31_march") / UascYearsInCare / starts, 0, 0.7);
    }

    /// <summary>
    /// The chance a child under 4 starting care on the day is adopted, following the LA's published share of
    /// adoptions among children leaving care in the year the adoption would come (about two years on).
    /// </summary>
    public double AdoptionChance(DateOnly entry) =>
        FollowingTheYear(AdoptionChanceUnder4, entry.AddYears(2), "ceased_adopted_pct", _meanAdopted, 0.02, 0.95);

    /// <summary>The chance a child starting care on the day leaves under a special guardianship order, by the year it would come.</summary>
    public double SgoChanceOn(DateOnly entry) =>
        FollowingTheYear(SgoChance, entry.AddDays((int)(750 * DurationScale)), "ceased_sgo_pct", _meanSgo, 0.01, 0.5);

    /// <summary>The share of children starting care on the day whose care is unsettled, by the next year's published stability.</summary>
    public double UnstableShareOn(DateOnly entry) =>
        UnstableShareFor(_targets.Get(_la, CollectionYear(entry.AddYears(1)), "stability_short_term_pct"));

    /// <summary>
    /// Over half the unsettled children in care at 31 March had three or more placements in the year, and about 1% of
    /// settled ones did: the unsettled share that gives a published short-term stability percentage.
    /// </summary>
    private static double UnstableShareFor(double shortTermPct) => Math.Clamp((shortTermPct / 100 - 0.01) / 0.6, 0.02, 0.5);

    /// <summary>A chance set from the LA's mean over the years, moved with the published figure of the year <paramref name="when"/> falls in.</summary>
    private double FollowingTheYear(double chanceAtMean, DateOnly when, string metric, double mean, double least, double most) =>
        Math.Clamp(chanceAtMean * _targets.Get(_la, CollectionYear(when), metric) / Math.Max(0.5, mean), least, most);

    /// <summary>The chance a young person turning 16 on the day moves on to semi-independent or supported accommodation, by the year's published share.</summary>
    public double IndependentChanceOn(DateOnly sixteenth) =>
        FollowingTheYear(IndependentChanceAt16, sixteenth.AddMonths(9), "placement_independent_pct", _meanIndependent, 0.02, 0.95);

    /// <summary>For a child of 11 or over looked after in a year, the chance they go missing in it.</summary>
    public double MissingChance(int year) => Math.Clamp(_targets.Get(_la, year, "missing_pct") / 100 / 0.55, 0.01, 0.95);

    /// <summary>A share the DfE published for the LA and year (0-1), e.g. care leavers in EET.</summary>
    public double Share(int year, string metric) => Math.Clamp(_targets.Get(_la, year, metric) / 100, 0, 1);

    /// <summary>The mean SDQ score published for the LA and year.</summary>
    public double SdqMean(int year) => _targets.Get(_la, year, "oc2_sdq_mean");

    private double SolveDurationScale(double yearsWanted)
    {
        // Bisection on the mean years in care of a large fixed sample of entries (the simulator's own exit model).
        var sample = new Random(20241);
        var entries = Enumerable.Range(0, 4000).Select(_ => (Age: CareHistorySimulator.EntryAge(sample), Roll: sample.NextDouble(), Draw: sample.NextDouble(), Length: sample.NextDouble())).ToList();
        double MeanYears(double scale) => entries.Average(e =>
        {
            var (route, days) = CareHistorySimulator.Exit(e.Age, e.Roll, e.Draw, e.Length, AdoptionChanceUnder4, SgoChance, scale);
            var toEighteen = (18 - e.Age - 0.5) * 365;
            return (route == "adulthood" ? toEighteen : Math.Min(days, toEighteen)) / 365.0;
        });
        var (low, high) = (0.1, 8.0);
        for (var i = 0; i < 40; i++)
        {
            var mid = (low + high) / 2;
            if (MeanYears(mid) < yearsWanted)
                low = mid;
            else
                high = mid;
        }
        return (low + high) / 2;
    }
}
