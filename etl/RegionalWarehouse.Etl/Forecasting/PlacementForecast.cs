namespace RegionalWarehouse.Etl.Forecasting;

/// <summary>One projected figure: the median of the simulations and its 80% and 95% prediction intervals.</summary>
public sealed record ForecastPoint(string La, int BaseYear, int Year, string PlacementGroup, double Median, double Lower80, double Upper80,
    double Lower95, double Upper95)
{
    /// <summary>A weekly cost range (£) where the DfE publishes the LA's unit cost: the 80% interval's ends at its lowest and highest recent cost.</summary>
    public (double Low, double High)? WeeklyCost { get; init; }
}

/// <summary>How the forecast did on the past at one horizon: mean absolute percentage error and how often the intervals held the outcome.</summary>
public sealed record BacktestResult(string La, int HorizonYears, int Forecasts, double MeanAbsolutePercentError, double Coverage80, double Coverage95);

/// <summary>The simulations summarised: per year ahead and placement group (and all groups), the median and the intervals.</summary>
public static class PlacementForecast
{
    public const int Runs = 1000;
    public const int Years = 5;

    public static IReadOnlyList<ForecastPoint> Summarise(string la, int baseYear, int[,,] runs)
    {
        var points = new List<ForecastPoint>();
        var (count, years, groups) = (runs.GetLength(0), runs.GetLength(1), runs.GetLength(2));
        for (var h = 0; h < years; h++)
        {
            for (var g = 0; g <= groups; g++)
            {
                var values = new double[count];
                for (var run = 0; run < count; run++)
                    values[run] = g == groups ? Enumerable.Range(0, groups).Sum(x => runs[run, h, x]) : runs[run, h, g];
                Array.Sort(values);
                points.Add(new ForecastPoint(la, baseYear, baseYear + h + 1, g == groups ? PlacementGroups.All : PlacementGroups.Each[g],
                    Quantile(values, 0.5), Quantile(values, 0.10), Quantile(values, 0.90), Quantile(values, 0.025), Quantile(values, 0.975)));
            }
        }
        return points;
    }

    /// <summary>The q-quantile of sorted values, interpolated between neighbours (R's type 7, the usual default).</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        var position = (sorted.Count - 1) * q;
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }

    /// <summary>Adds two sets of runs (LAs simulated with the same run count): the region's runs are the sum of its members'.</summary>
    public static int[,,] Sum(int[,,]? total, int[,,] runs)
    {
        if (total is null)
            return (int[,,])runs.Clone();
        for (var run = 0; run < runs.GetLength(0); run++)
            for (var h = 0; h < runs.GetLength(1); h++)
                for (var g = 0; g < runs.GetLength(2); g++)
                    total[run, h, g] += runs[run, h, g];
        return total;
    }

    /// <summary>
    /// The back-test: for each year t with at least two transition years before it, fit to the history up to t,
    /// forecast t+1 to t+<paramref name="horizons"/>, and compare each total with the children looked after the
    /// history holds for that year.
    /// </summary>
    public static IReadOnlyList<BacktestResult> Backtest(string la, PlacementHistory history, int horizons = 3, int runs = 400, int seed = 903)
    {
        var results = new List<(int Horizon, double Error, bool In80, bool In95)>();
        var years = history.TransitionYears;
        foreach (var origin in years.Skip(1))
        {
            if (origin == years[^1] || PlacementModel.Fit(history.Until(origin)) is not { } model)
                continue;
            var ahead = Math.Min(horizons, years[^1] - origin);
            var forecast = Summarise(la, origin, model.Simulate(ahead, runs, ForecastScenario.AsNow, seed + origin));
            for (var h = 1; h <= ahead; h++)
            {
                var actual = Total(history.Stock(origin + h));
                if (actual == 0)
                    continue;
                var point = forecast.Single(p => p.Year == origin + h && p.PlacementGroup == PlacementGroups.All);
                results.Add((h, Math.Abs(point.Median - actual) / actual,
                    actual >= point.Lower80 && actual <= point.Upper80, actual >= point.Lower95 && actual <= point.Upper95));
            }
        }
        return results.GroupBy(r => r.Horizon).OrderBy(g => g.Key)
            .Select(g => new BacktestResult(la, g.Key, g.Count(), g.Average(r => r.Error) * 100, g.Count(r => r.In80) / (double)g.Count(),
                g.Count(r => r.In95) / (double)g.Count()))
            .ToList();
    }

    /// <summary>Back-tests pooled per horizon over LAs, each weighted by how many forecasts it compared (La is "pooled").</summary>
    public static IReadOnlyList<BacktestResult> Pool(IEnumerable<BacktestResult> results) =>
        results.GroupBy(r => r.HorizonYears).OrderBy(g => g.Key).Select(g =>
        {
            var forecasts = Math.Max(1, g.Sum(r => r.Forecasts));
            return new BacktestResult("pooled", g.Key, g.Sum(r => r.Forecasts), g.Sum(r => r.MeanAbsolutePercentError * r.Forecasts) / forecasts,
                g.Sum(r => r.Coverage80 * r.Forecasts) / forecasts, g.Sum(r => r.Coverage95 * r.Forecasts) / forecasts);
        }).ToList();

    public static int Total(int[,] stock)
    {
        var total = 0;
        foreach (var children in stock)
            total += children;
        return total;
    }
}
