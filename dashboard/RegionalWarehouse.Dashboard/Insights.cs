using RegionalWarehouse.Etl.Benchmarks;
using RegionalWarehouse.Etl.EarlyWarning;
using RegionalWarehouse.Etl.Forecasting;
using RegionalWarehouse.Etl.Submissions;
using RegionalWarehouse.Warehouse.Audit;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Dashboard;

/// <summary>"Explain this number" as the dashboard's dialog shows it: the explanation's fields and its lines.</summary>
public sealed record ExplainResponse(string La, string LaName, int Year, string MetricId, string Metric, string Shown, string Definition,
    string Numerator, string? Denominator, double? NumeratorValue, double? DenominatorValue, string? Suppression, string ValueSource,
    IReadOnlyList<string> Sources, string? PublishedRelease, IReadOnlyList<string> NeighbourNames, IReadOnlyList<string> Lines)
{
    public static ExplainResponse From(FigureExplanation e) => new(e.La, e.LaName, e.Year, e.Metric.Id, e.Metric.Name, e.Shown, e.Metric.Description,
        e.Metric.NumeratorDescription, e.Metric.DenominatorDescription, e.Numerator, e.Denominator, e.Suppression, e.ValueSource,
        e.Sources.Select(s => s.Describe()).ToList(), e.PublishedRelease, e.NeighbourNames, e.Lines().ToList());
}

/// <summary>The early-warning, digest and forecast responses: marts and the audit trail's digests only, never a child-level row.</summary>
public static class Insights
{
    public static IReadOnlyList<EarlyWarningFlag> Warnings(IWarehouseEngine engine, string la, int year) => EarlyWarningStore.Load(engine, la, year);

    /// <summary>The latest "what changed" digests: one LA's, or the region's (every LA's) when none is given.</summary>
    public static IEnumerable<object> Digest(IWarehouseEngine engine, string? la) =>
        new AuditLog(engine).Read(la, actionStartingWith: EarlyWarningStore.DigestAction)
            .Where(e => la is null || e.LaCode == la).TakeLast(20).Reverse()
            .Select(e => new { at = e.OccurredAt, la = e.LaCode, detail = e.Detail });

    public static object? Funnel(IWarehouseEngine engine, Metric metric, int year, string against)
    {
        if (!EarlyWarningCalculator.IsTested(metric))
            return null;
        var names = LaDirectory.Load(engine).All.ToDictionary(l => l.DfeCode, l => l.Name);
        var plot = FunnelPlot.For(metric, year, against, EarlyWarningStore.Load(engine, year: year, metric: metric.Id));
        return plot is null ? null : new
        {
            metricId = metric.Id,
            year,
            comparator = plot.Comparator,
            target = plot.Target,
            denominator = metric.DenominatorDescription,
            method = metric.Unit == MetricUnit.Percent
                ? "Proportion: 95% and 99.8% limits by the Wilson score method (PHE Fingertips)."
                : "Rate: 95% and 99.8% Poisson limits, exact below 10 events and Byar's approximation from 10 (PHE Fingertips).",
            points = plot.Points.Select(p => new
            {
                la = p.La,
                name = names.GetValueOrDefault(p.La, p.La),
                value = p.Value,
                denominator = p.Denominator,
                p.Lower95,
                p.Upper95,
                p.Lower998,
                p.Upper998,
                significance = p.Significance,
                reading = p.Reading,
            }),
            lines = plot.Lines,
        };
    }

    public static object? Forecast(IWarehouseEngine engine, string la, ForecastScenario scenario)
    {
        var members = LaDirectory.Load(engine).All;
        IReadOnlyList<ForecastPoint> points;
        IReadOnlyList<BacktestResult> backtest;
        if (la.Equals("region", StringComparison.OrdinalIgnoreCase))
        {
            points = ForecastRefresher.ForRegion(engine, members, scenario);
            backtest = ForecastRefresher.StoredBacktest(engine);
        }
        else
        {
            if (members.FirstOrDefault(m => m.DfeCode == la) is not { } member || ForecastRefresher.ForLa(engine, member, scenario) is not { } forecast)
                return null;
            (points, backtest) = (forecast.Points, forecast.Backtest);
        }
        if (points.Count == 0)
            return null;
        return new
        {
            la,
            baseYear = points[0].BaseYear,
            scenario = scenario.Describe(),
            method = $"A multi-state model fitted to each LA's loaded 903: where each child looked after on 31 March is a year later (by age and placement), who leaves, " +
                     $"and who enters, over the last {PlacementModel.YearsFitted} years; simulated {PlacementForecast.Runs:N0} times. Intervals carry chance, " +
                     "uncertainty in the rates and drift in entries. A projection, not a fact.",
            costs = "Weekly cost: the DfE's S251 weekly unit cost per child looked after (LAIT LACFinance), lowest to highest of the LA's last three years, " +
                    "times the 80% interval. The DfE publishes no unit cost by placement type.",
            points = points.Select(p => new
            {
                year = p.Year,
                group = p.PlacementGroup,
                median = p.Median,
                lower80 = p.Lower80,
                upper80 = p.Upper80,
                lower95 = p.Lower95,
                upper95 = p.Upper95,
                costLow = p.WeeklyCost?.Low,
                costHigh = p.WeeklyCost?.High,
            }),
            backtest = PlacementForecast.Pool(backtest).Select(b => new
            {
                horizon = b.HorizonYears,
                forecasts = b.Forecasts,
                meanAbsPctError = b.MeanAbsolutePercentError,
                coverage80 = b.Coverage80,
                coverage95 = b.Coverage95,
            }),
        };
    }
}
