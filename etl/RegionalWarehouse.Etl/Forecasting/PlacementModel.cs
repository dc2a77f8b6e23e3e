using MathNet.Numerics.Distributions;

namespace RegionalWarehouse.Etl.Forecasting;

/// <summary>What a regional lead can change: how many children enter care, and how many step down from residential settings to foster care.</summary>
public sealed record ForecastScenario(double EntryRate = 1.0, double ResidentialStepDown = 0.0)
{
    public static readonly ForecastScenario AsNow = new();

    public string Describe() => EntryRate == 1.0 && ResidentialStepDown == 0.0
        ? "as now (entries and moves as in the last three years)"
        : $"entries x{EntryRate:0.00}, {ResidentialStepDown * 100:0}% more of those staying in residential settings step down to foster care each year";
}

/// <summary>
/// A multi-state model of children looked after, fitted to one LA's loaded 903 history and simulated forward a
/// year at a time. A child's state on 31 March is their age and placement group; each year every child either
/// leaves care or moves to a group (a year older), with probabilities by age band and group from the last
/// <see cref="YearsFitted"/> years; entrants arrive at the recent level, by age and group as recently.
/// Prediction intervals come from simulation and carry three kinds of uncertainty: chance (who moves, how many
/// enter: multinomial and Poisson), the probabilities themselves (drawn from their Dirichlet posterior each run)
/// and drift in the entry level (a random walk on its logarithm, with the spread of the LA's own year-on-year
/// changes).
/// </summary>
public sealed class PlacementModel
{
    public const int Ages = 18;
    public const int YearsFitted = 3;
    private static readonly int Groups = PlacementGroups.Each.Count;
    private static readonly int Left = Groups;

    /// <summary>Age bands for transition probabilities: under 1, 1–4, 5–9, 10–15, 16, 17 (care ends at 18).</summary>
    private static int Band(int age) => age switch { 0 => 0, <= 4 => 1, <= 9 => 2, <= 15 => 3, 16 => 4, _ => 5 };

    private const int Bands = 6;

    private readonly double[,][] _transitionCounts; // [band, group] → counts over groups then Left
    private readonly double[] _entrantMix;          // [age * Groups + group] → count
    private readonly double _entryLevel;
    private readonly double _entryDrift;

    public int BaseYear { get; }

    public int[,] BaseStock { get; }

    private PlacementModel(int baseYear, int[,] baseStock, double[,][] transitionCounts, double[] entrantMix, double entryLevel, double entryDrift)
    {
        BaseYear = baseYear;
        BaseStock = baseStock;
        _transitionCounts = transitionCounts;
        _entrantMix = entrantMix;
        _entryLevel = entryLevel;
        _entryDrift = entryDrift;
    }

    /// <summary>Fits to the history's last years; null when it holds fewer than two consecutive years.</summary>
    public static PlacementModel? Fit(PlacementHistory history)
    {
        if (history.TransitionYears.Count == 0)
            return null;
        var baseYear = history.TransitionYears[^1];
        var fitted = history.TransitionYears.TakeLast(YearsFitted).ToHashSet();
        var counts = new double[Bands, Groups][];
        for (var b = 0; b < Bands; b++)
            for (var g = 0; g < Groups; g++)
                counts[b, g] = new double[Groups + 1];
        var mix = new double[Ages * Groups];
        var entrantsByYear = history.TransitionYears.ToDictionary(y => y, _ => 0.0);
        foreach (var t in history.Transitions)
        {
            if (t.AgeBefore is null)
            {
                entrantsByYear[t.Year] += t.Children;
                if (fitted.Contains(t.Year))
                    mix[t.AgeAfter!.Value * Groups + t.GroupAfter!.Value] += t.Children;
            }
            else if (fitted.Contains(t.Year))
                counts[Band(t.AgeBefore.Value), t.GroupBefore!.Value][t.GroupAfter ?? Left] += t.Children;
        }
        var entrants = history.TransitionYears.Select(y => entrantsByYear[y]).ToList();
        var level = entrants.TakeLast(YearsFitted).Average();
        var changes = entrants.Zip(entrants.Skip(1), (a, b) => a > 0 && b > 0 ? Math.Log(b / a) : 0).ToList();
        // The drift of the entry level: the spread of the LA's own year-on-year changes, never below 5% a year.
        var drift = Math.Max(0.05, changes.Count >= 2 ? StandardDeviation(changes) : 0.10);
        return new PlacementModel(baseYear, history.Stock(baseYear), counts, mix, level, drift);
    }

    /// <summary>
    /// Simulates <paramref name="runs"/> futures <paramref name="years"/> ahead; result[run, horizon - 1, group] is
    /// the children looked after at 31 March of <see cref="BaseYear"/> + horizon.
    /// </summary>
    public int[,,] Simulate(int years, int runs, ForecastScenario scenario, int seed)
    {
        var random = new Random(seed);
        var result = new int[runs, years, Groups];
        var stepDown = Math.Clamp(scenario.ResidentialStepDown, 0, 1);
        var residential = PlacementGroups.IndexOf(PlacementGroups.Residential);
        var foster = PlacementGroups.IndexOf(PlacementGroups.Foster);
        for (var run = 0; run < runs; run++)
        {
            // This run's probabilities: one draw from each posterior (a small prior keeps unseen moves possible).
            var probabilities = new double[Bands, Groups][];
            for (var b = 0; b < Bands; b++)
                for (var g = 0; g < Groups; g++)
                {
                    var alpha = _transitionCounts[b, g].Select((c, outcome) => c + (outcome == Left ? 0.5 : 0.05)).ToArray();
                    if (b == Bands - 1)
                        alpha = alpha.Select((a, outcome) => outcome == Left ? a : a * 0.01).ToArray(); // 17-year-olds are 18 next March
                    var p = Dirichlet.Sample(random, alpha);
                    if (g == residential && stepDown > 0)
                    {
                        var moved = p[residential] * stepDown;
                        p[residential] -= moved;
                        p[foster] += moved;
                    }
                    probabilities[b, g] = p;
                }
            var mix = _entrantMix.Sum() > 0 ? Dirichlet.Sample(random, _entrantMix.Select(c => c + 0.01).ToArray()) : null;
            var stock = (int[,])BaseStock.Clone();
            var logLevel = Math.Log(Math.Max(_entryLevel, 0.5)) + Normal.Sample(random, 0, _entryDrift / Math.Sqrt(YearsFitted));
            for (var h = 0; h < years; h++)
            {
                var next = new int[Ages, Groups];
                for (var age = 0; age < Ages; age++)
                    for (var g = 0; g < Groups; g++)
                    {
                        if (stock[age, g] == 0 || age + 1 >= Ages)
                            continue;
                        var moves = Multinomial.Sample(random, probabilities[Band(age), g], stock[age, g]);
                        for (var to = 0; to < Groups; to++)
                            next[age + 1, to] += moves[to];
                    }
                logLevel += Normal.Sample(random, 0, _entryDrift);
                if (mix is not null)
                {
                    var entrants = Poisson.Sample(random, Math.Exp(logLevel) * scenario.EntryRate);
                    if (entrants > 0)
                    {
                        var cells = Multinomial.Sample(random, mix, entrants);
                        for (var cell = 0; cell < cells.Length; cell++)
                            next[cell / Groups, cell % Groups] += cells[cell];
                    }
                }
                stock = next;
                for (var age = 0; age < Ages; age++)
                    for (var g = 0; g < Groups; g++)
                        result[run, h, g] += stock[age, g];
            }
        }
        return result;
    }

    private static double StandardDeviation(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
