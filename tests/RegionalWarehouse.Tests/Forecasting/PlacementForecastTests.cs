using Microsoft.Extensions.Logging.Abstractions;
using RegionalWarehouse.Etl.Forecasting;
using RegionalWarehouse.Tests.Benchmarks;

namespace RegionalWarehouse.Tests.Forecasting;

/// <summary>The placement forecast on four LAs' seven loaded years of 903: fitted, back-tested, stored and steered by scenarios.</summary>
[Collection(SevenYearHistory.Name)]
public class PlacementForecastTests(IndependentReferenceTests.SevenYears loaded)
{
    private TemporaryWarehouse Warehouse => loaded.Harness.Warehouse;

    private LaEntry La(string code) => LaDirectory.Load(Warehouse.Engine).All.Single(l => l.DfeCode == code);

    [Fact]
    public void The_history_it_fits_holds_exactly_the_children_looked_after_the_marts_count_each_year()
    {
        foreach (var code in IndependentReferenceTests.Las)
        {
            var history = PlacementHistory.Read(Warehouse.Engine, La(code).LaKey);
            var marts = Warehouse.Rows($"select collection_year, numerator from mart.benchmark where la_key = {La(code).LaKey} and metric_id = 'cla_31_march'")
                .ToDictionary(r => Convert.ToInt32(r[0]), r => Convert.ToInt32(r[1]));

            Assert.Equal(Enumerable.Range(IndependentReferenceTests.FirstYear, 7), history.StockYears);
            Assert.All(history.StockYears, year => Assert.Equal(marts[year], PlacementForecast.Total(history.Stock(year))));
        }
    }

    [Fact]
    public void The_back_test_reports_each_las_error_one_two_and_three_years_ahead_with_intervals_that_hold_about_as_often_as_they_say()
    {
        var results = IndependentReferenceTests.Las.SelectMany(code => PlacementForecast.Backtest(code, PlacementHistory.Read(Warehouse.Engine, La(code).LaKey))).ToList();

        // Seven years: fitted to 2021-2024 (two or more transition years), forecast up to 2025.
        foreach (var code in IndependentReferenceTests.Las)
            Assert.Equal([1, 2, 3], results.Where(r => r.La == code).Select(r => r.HorizonYears));
        Assert.All(results, r => Assert.InRange(r.MeanAbsolutePercentError, 0, 40));
        double Pooled(Func<BacktestResult, double> coverage) => results.Sum(r => coverage(r) * r.Forecasts) / results.Sum(r => r.Forecasts);
        // 4 LAs x (4 + 3 + 2) = 36 forecasts: nominal 95% and 80%, with room for a sample this size.
        Assert.Equal(36, results.Sum(r => r.Forecasts));
        Assert.InRange(Pooled(r => r.Coverage95), 0.80, 1.0);
        Assert.InRange(Pooled(r => r.Coverage80), 0.55, 1.0);
        Assert.True(results.Where(r => r.HorizonYears == 1).Average(r => r.MeanAbsolutePercentError) < results.Where(r => r.HorizonYears == 3).Average(r => r.MeanAbsolutePercentError) + 5);
    }

    [Fact]
    public void Every_forecast_has_its_intervals_and_the_region_is_the_sum_of_its_members()
    {
        var refresher = new ForecastRefresher(Warehouse.Engine, TimeProvider.System, NullLogger<ForecastRefresher>.Instance);

        Assert.Equal(4, refresher.Refresh());

        var rows = Warehouse.Rows("select la_code, collection_year, placement_group, median, lower_80, upper_80, lower_95, upper_95 from mart.placement_forecast");
        Assert.Equal(5 * 5 * (PlacementGroups.Each.Count + 1), rows.Count); // four LAs and the region, five years, each group and all
        Assert.All(rows, r =>
        {
            var (median, l80, u80, l95, u95) = (Convert.ToDouble(r[3]), Convert.ToDouble(r[4]), Convert.ToDouble(r[5]), Convert.ToDouble(r[6]), Convert.ToDouble(r[7]));
            Assert.True(l95 <= l80 && l80 <= median && median <= u80 && u80 <= u95, $"{r[0]} {r[1]} {r[2]}: {l95} {l80} {median} {u80} {u95}");
        });
        double Median(string la, int year) => rows.Where(r => (string)r[0]! == la && Convert.ToInt32(r[1]) == year && (string)r[2]! == PlacementGroups.All)
            .Select(r => Convert.ToDouble(r[3])).Single();
        var nextYear = IndependentReferenceTests.LastYear + 1;
        var sum = IndependentReferenceTests.Las.Sum(la => Median(la, nextYear));
        Assert.InRange(Median(ForecastRefresher.RegionCode, nextYear), sum * 0.97, sum * 1.03);
        Assert.Equal(12, Warehouse.Scalar<long>("select count(*) from mart.forecast_backtest"));
    }

    [Fact]
    public void More_entries_raise_the_forecast_and_a_residential_step_down_moves_children_to_foster_care()
    {
        var la = La("919");
        var asNow = ForecastRefresher.ForLa(Warehouse.Engine, la, ForecastScenario.AsNow, withBacktest: false)!;
        var moreEntries = ForecastRefresher.ForLa(Warehouse.Engine, la, new ForecastScenario(EntryRate: 1.5), withBacktest: false)!;
        var stepDown = ForecastRefresher.ForLa(Warehouse.Engine, la, new ForecastScenario(ResidentialStepDown: 0.5), withBacktest: false)!;
        double Median(LaForecast f, string group, int ahead) => f.Points.Single(p => p.Year == f.Model.BaseYear + ahead && p.PlacementGroup == group).Median;

        Assert.True(Median(moreEntries, PlacementGroups.All, 3) > Median(asNow, PlacementGroups.All, 3) * 1.1);
        Assert.True(Median(stepDown, PlacementGroups.Residential, 3) < Median(asNow, PlacementGroups.Residential, 3));
        Assert.True(Median(stepDown, PlacementGroups.Foster, 3) > Median(asNow, PlacementGroups.Foster, 3));
    }
}
