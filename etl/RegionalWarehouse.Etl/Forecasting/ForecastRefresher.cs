using System.Data.Common;
using Microsoft.Extensions.Logging;
using RegionalWarehouse.Warehouse.Audit;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Forecasting;

/// <summary>One LA's fitted forecast, its back-test and its unit costs: what the dashboard, the CLI and mart.placement_forecast show.</summary>
public sealed record LaForecast(LaEntry La, PlacementModel Model, IReadOnlyList<ForecastPoint> Points, IReadOnlyList<BacktestResult> Backtest,
    IReadOnlyList<(int Year, double WeeklyUnitCost)> UnitCosts);

/// <summary>
/// Fits the placement forecast for every member with two or more consecutive years of 903 loaded, projects five
/// years (as now), sums the members' simulations into the region's, back-tests each LA, and replaces
/// mart.placement_forecast and mart.forecast_backtest in one transaction. Run after 903 loads (the worker) and by
/// `rw forecast --refresh`.
/// </summary>
public sealed class ForecastRefresher(IWarehouseEngine engine, TimeProvider clock, ILogger<ForecastRefresher> logger)
{
    public const string RegionCode = "E12000006";

    /// <summary>The DfE's LAIT indicator holding each LA's S251 weekly unit cost per child looked after.</summary>
    public const string UnitCostIndicator = "LACFinance";

    public static int Seed(LaEntry la) => la.LaKey * 7919 + 903;

    /// <summary>One LA's forecast under a scenario (fitted from the warehouse now); null without two consecutive years.</summary>
    public static LaForecast? ForLa(IWarehouseEngine engine, LaEntry la, ForecastScenario scenario, bool withBacktest = true, int runs = PlacementForecast.Runs)
    {
        using var connection = engine.Open();
        var history = PlacementHistory.Read(connection, engine, la.LaKey);
        if (PlacementModel.Fit(history) is not { } model)
            return null;
        var costs = UnitCosts(connection, engine, la.DfeCode);
        var points = WithCosts(PlacementForecast.Summarise(la.DfeCode, model.BaseYear, model.Simulate(PlacementForecast.Years, runs, scenario, Seed(la))), costs);
        return new LaForecast(la, model, points, withBacktest ? PlacementForecast.Backtest(la.DfeCode, history) : [], costs);
    }

    /// <summary>The region under a scenario: each member simulated with its own seed, the runs summed run by run, then summarised.</summary>
    public static IReadOnlyList<ForecastPoint> ForRegion(IWarehouseEngine engine, IReadOnlyList<LaEntry> members, ForecastScenario scenario)
    {
        int[,,]? total = null;
        var baseYear = 0;
        using var connection = engine.Open();
        foreach (var member in members)
            if (PlacementModel.Fit(PlacementHistory.Read(connection, engine, member.LaKey)) is { } model && (total is null || model.BaseYear == baseYear))
            {
                baseYear = model.BaseYear;
                total = PlacementForecast.Sum(total, model.Simulate(PlacementForecast.Years, PlacementForecast.Runs, scenario, Seed(member)));
            }
        return total is null ? [] : PlacementForecast.Summarise(RegionCode, baseYear, total);
    }

    /// <summary>The members' back-tests as the last forecast refresh stored them (a region's view pools them).</summary>
    public static IReadOnlyList<BacktestResult> StoredBacktest(IWarehouseEngine engine)
    {
        using var connection = engine.Open();
        using var command = connection.Command(null, "select la_code, horizon_years, forecasts, mean_abs_pct_error, coverage_80, coverage_95 from mart.forecast_backtest");
        using var reader = command.ExecuteReader();
        var results = new List<BacktestResult>();
        while (reader.Read())
            results.Add(new BacktestResult(reader.GetString(0), Convert.ToInt32(reader.GetValue(1)), Convert.ToInt32(reader.GetValue(2)), Convert.ToDouble(reader.GetValue(3)),
                Convert.ToDouble(reader.GetValue(4)), Convert.ToDouble(reader.GetValue(5))));
        return results;
    }

    public int Refresh()
    {
        var timer = System.Diagnostics.Stopwatch.StartNew();
        var members = LaDirectory.Load(engine).All;
        var points = new List<ForecastPoint>();
        var backtests = new List<BacktestResult>();
        int[,,]? region = null;
        var regionBase = 0;
        var fitted = 0;
        using var connection = engine.Open();
        foreach (var la in members)
        {
            var history = PlacementHistory.Read(connection, engine, la.LaKey);
            if (PlacementModel.Fit(history) is not { } model)
                continue;
            fitted++;
            var runs = model.Simulate(PlacementForecast.Years, PlacementForecast.Runs, ForecastScenario.AsNow, Seed(la));
            points.AddRange(WithCosts(PlacementForecast.Summarise(la.DfeCode, model.BaseYear, runs), UnitCosts(connection, engine, la.DfeCode)));
            backtests.AddRange(PlacementForecast.Backtest(la.DfeCode, history));
            // Only members projected from the same year add up to a region.
            if (region is null || model.BaseYear == regionBase)
            {
                regionBase = model.BaseYear;
                region = PlacementForecast.Sum(region, runs);
            }
        }
        if (region is not null)
            points.AddRange(PlacementForecast.Summarise(RegionCode, regionBase, region));
        Write(connection, points, backtests);
        logger.LogInformation("Placement forecast refreshed for {Las} LAs and the region in {Seconds:N1} s", fitted, timer.Elapsed.TotalSeconds);
        return fitted;
    }

    private void Write(DbConnection connection, List<ForecastPoint> points, List<BacktestResult> backtests)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        using var transaction = connection.BeginTransaction();
        foreach (var table in new[] { "mart.placement_forecast", "mart.forecast_backtest" })
            using (var delete = connection.Command(transaction, $"delete from {table}"))
                delete.ExecuteNonQuery();
        using (var writer = engine.CreateBulkWriter(connection, transaction))
        {
            using (var forecast = writer.Open("mart", "placement_forecast",
                       ["la_code", "base_year", "collection_year", "placement_group", "median", "lower_80", "upper_80", "lower_95", "upper_95",
                        "weekly_cost_low", "weekly_cost_high", "computed_at"]))
                foreach (var p in points)
                    forecast.Add(p.La, (short)p.BaseYear, (short)p.Year, p.PlacementGroup, p.Median, p.Lower80, p.Upper80, p.Lower95, p.Upper95,
                        p.WeeklyCost?.Low, p.WeeklyCost?.High, now);
            using (var backtest = writer.Open("mart", "forecast_backtest",
                       ["la_code", "horizon_years", "forecasts", "mean_abs_pct_error", "coverage_80", "coverage_95", "computed_at"]))
                foreach (var b in backtests)
                    backtest.Add(b.La, (short)b.HorizonYears, (short)b.Forecasts, b.MeanAbsolutePercentError, b.Coverage80, b.Coverage95, now);
        }
        new AuditLog(engine).Record(connection, transaction, new AuditEvent(now, "forecast refresh", "placement forecast refreshed", LaCode: "region",
            Rows: points.Count, Detail: $"{points.Count:N0} forecast rows, {backtests.Count} back-test rows"));
        transaction.Commit();
    }

    /// <summary>The LA's S251 weekly unit cost per child looked after, from the shipped LAIT release: its latest three years.</summary>
    private static List<(int Year, double WeeklyUnitCost)> UnitCosts(DbConnection connection, IWarehouseEngine engine, string laCode)
    {
        using var command = connection.Command(null,
            $"select period_end_year, value from dw.lait_value where indicator = {engine.Parameter("indicator")} and area_number = {engine.Parameter("la")} " +
            "and value is not null order by period_end_year desc",
            ("indicator", UnitCostIndicator), ("la", int.Parse(laCode, System.Globalization.CultureInfo.InvariantCulture)));
        using var reader = command.ExecuteReader();
        var costs = new List<(int, double)>();
        while (reader.Read() && costs.Count < 3)
            costs.Add((Convert.ToInt32(reader.GetValue(0)), Convert.ToDouble(reader.GetValue(1))));
        return costs;
    }

    /// <summary>Costs go on the all-placements rows only: the DfE publishes one unit cost per child looked after, not one per placement type.</summary>
    private static IReadOnlyList<ForecastPoint> WithCosts(IReadOnlyList<ForecastPoint> points, IReadOnlyList<(int Year, double WeeklyUnitCost)> costs) =>
        costs.Count == 0
            ? points
            : points.Select(p => p.PlacementGroup != PlacementGroups.All ? p
                : p with { WeeklyCost = (p.Lower80 * costs.Min(c => c.WeeklyUnitCost), p.Upper80 * costs.Max(c => c.WeeklyUnitCost)) }).ToList();
}
