using System.Globalization;
using RegionalWarehouse.Etl.Benchmarks;
using RegionalWarehouse.Etl.EarlyWarning;
using RegionalWarehouse.Etl.Forecasting;
using RegionalWarehouse.Etl.Submissions;
using RegionalWarehouse.Warehouse.Audit;

namespace RegionalWarehouse.Cli.Commands;

/// <summary>Beyond the benchmarks: the placement forecast, early warning flags and "explain this number".</summary>
public static class InsightCommands
{
    public static Command Forecast()
    {
        var la = new Option<string>("--la") { Description = "The LA (DfE code or name), or 'region' for the eleven members together.", DefaultValueFactory = _ => "region" };
        var entries = new Option<double>("--entry-rate") { Description = "Scenario: entries into care as a multiple of the recent level (1.1 = 10% more).", DefaultValueFactory = _ => 1.0 };
        var stepDown = new Option<double>("--step-down")
        {
            Description = "Scenario: the share (0–1) of children who would stay in residential settings who step down to foster care each year instead.",
            DefaultValueFactory = _ => 0.0,
        };
        var refresh = new Option<bool>("--refresh") { Description = "Refit every member's forecast and back-test into mart.placement_forecast (the worker does this after 903 loads)." };
        var format = Listing.FormatOption();
        var command = new Command("forecast",
            "Project children looked after by placement type one to five years ahead, with 80% and 95% prediction intervals, the back-test error beside it, " +
            "and weekly cost ranges from the DfE's S251 unit costs. A projection, never a fact.")
        {
            la, entries, stepDown, refresh, format,
        };
        command.SetAction(parse =>
        {
            using var host = CliHost.Open();
            var engine = host.Services.GetRequiredService<IWarehouseEngine>();
            if (parse.GetValue(refresh))
            {
                Console.Error.WriteLine("Fitting each member's forecast and back-testing it (about a second an LA)…");
                var fitted = host.Services.GetRequiredService<ForecastRefresher>().Refresh();
                Console.WriteLine($"Placement forecast refreshed for {fitted} LA(s) and the region.");
                return ExitCodes.Success;
            }
            var scenario = new ForecastScenario(parse.GetValue(entries), parse.GetValue(stepDown));
            if (scenario.EntryRate is <= 0 or > 5 || scenario.ResidentialStepDown is < 0 or > 1)
                throw new ArgumentException("--entry-rate takes a multiple between 0 and 5, --step-down a share between 0 and 1.");
            var given = parse.GetValue(la)!;
            var members = LaDirectory.Load(engine).All;
            var region = given.Equals("region", StringComparison.OrdinalIgnoreCase);
            Console.Error.WriteLine($"Fitting and simulating {(region ? members.Count : 1)} LA(s)…");
            // The region's members are simulated once, for the region; their back-tests are the last refresh's (as the dashboard shows).
            var (points, backtest) = region
                ? (ForecastRefresher.ForRegion(engine, members, scenario), ForecastRefresher.StoredBacktest(engine))
                : ForecastRefresher.ForLa(engine, CliArguments.La(engine, given), scenario) is { } forecast ? (forecast.Points, forecast.Backtest) : ([], []);
            if (points.Count == 0)
                throw new InvalidOperationException($"No forecast for {given}: it needs two consecutive years of 903 loaded (rw status).");
            var listing = new Listing("year", "placement", "median", "80% interval", "95% interval", "£ a week (80%)");
            foreach (var p in points)
                listing.Add(p.Year.ToString(CultureInfo.InvariantCulture), p.PlacementGroup, p.Median.ToString("#,0", CultureInfo.InvariantCulture),
                    $"{p.Lower80:#,0}–{p.Upper80:#,0}", $"{p.Lower95:#,0}–{p.Upper95:#,0}",
                    p.WeeklyCost is { } cost ? $"£{cost.Low / 1e6:0.0}m–£{cost.High / 1e6:0.0}m" : "");
            listing.Write(parse.GetValue(format));
            if (parse.GetValue(format) == OutputFormat.Table)
            {
                Listing.Say($"Scenario: {scenario.Describe()}.");
                Listing.Say("Method: a multi-state model fitted to each LA's loaded 903 (31 March placement by age; moves, exits and entries over the last " +
                                  $"{PlacementModel.YearsFitted} years), simulated {PlacementForecast.Runs:N0} times. Back-test (fitted to year t, forecast t+1 to t+3):");
                foreach (var horizon in PlacementForecast.Pool(backtest))
                    Listing.Say($"  {horizon.HorizonYears} year(s) ahead: mean error {horizon.MeanAbsolutePercentError:0.0}% over {horizon.Forecasts} forecasts; " +
                                $"80% interval held the outcome {horizon.Coverage80 * 100:0}%, 95% interval {horizon.Coverage95 * 100:0}%");
                Listing.Say("Costs: the DfE's S251 weekly unit cost per child looked after (LAIT LACFinance), lowest to highest of the last three years, " +
                                  "times the 80% interval; the DfE publishes no unit cost by placement type.");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Warnings()
    {
        var la = new Option<string?>("--la") { Description = "One LA (DfE code or name); every member when left out." };
        var year = new Option<int?>("--year") { Description = "The collection year (default: the latest with flags)." };
        var all = new Option<bool>("--all") { Description = "List every test, not only the significant ones." };
        var digest = new Option<string?>("--digest")
        {
            Description = "Print the 'what changed' digest of a quarter (e.g. 2026-Q4) from the audit trail: each LA's flags raised, changed and cleared by its loads.",
        };
        var format = Listing.FormatOption();
        var command = new Command("warnings",
            "Early warning: figures significantly different from England, the region, the LA's statistical neighbours or its own previous three years " +
            "(funnel-plot limits at 95% and 99.8%, PHE Fingertips' method: Wilson for percentages, Poisson for rates).")
        {
            la, year, all, digest, format,
        };
        command.SetAction(parse =>
        {
            using var host = CliHost.Open();
            var engine = host.Services.GetRequiredService<IWarehouseEngine>();
            var code = parse.GetValue(la) is { } given ? CliArguments.La(engine, given).DfeCode : null;
            if (parse.GetValue(digest) is { } quarter)
                return WriteDigest(engine, code, quarter, parse.GetValue(format));
            var flags = EarlyWarningStore.Load(engine, code, parse.GetValue(year));
            var latest = parse.GetValue(year) ?? (flags.Count == 0 ? 0 : flags.Max(f => f.Year));
            var shown = flags.Where(f => f.Year == latest && (parse.GetValue(all) || f.IsSignificant)).ToList();
            var names = MetricCatalogue.All.ToDictionary(m => m.Id);
            // Metric ids, not names, and short comparator names: one line a test at 80 columns (rw metrics names them).
            var columns = new[] { "la", "metric", "value", "against", "target", "flag" };
            var listing = new Listing(code is null ? columns : columns[1..]);
            foreach (var f in shown.OrderBy(f => f.La, StringComparer.Ordinal).ThenBy(f => f.MetricId, StringComparer.Ordinal))
                listing.Add([.. code is null ? new[] { f.La } : [], f.MetricId, names[f.MetricId].Format(f.Value), ShortName(f.Comparator), names[f.MetricId].Format(f.Target),
                    $"{f.Significance.Replace(" (", " ", StringComparison.Ordinal).TrimEnd(')')} {f.Reading}"]);
            listing.Write(parse.GetValue(format));
            if (parse.GetValue(format) == OutputFormat.Table)
                Listing.Say($"{shown.Count(f => f.IsSignificant):N0} significant of {flags.Count(f => f.Year == latest):N0} tests in {latest}. " +
                                  "Percentages and rates only; suppressed figures are never tested. Own previous 3 years = the LA's pooled figure for them.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static string ShortName(string comparator) => comparator switch
    {
        Comparators.Region => "region",
        Comparators.Neighbours => "neighbours",
        Comparators.OwnPreviousYears => "own 3 yrs",
        _ => comparator,
    };

    private static int WriteDigest(IWarehouseEngine engine, string? la, string quarter, OutputFormat format)
    {
        var parts = quarter.Split("-Q", StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !int.TryParse(parts[0], out var year) || !int.TryParse(parts[1], out var q) || q is < 1 or > 4)
            throw new ArgumentException($"'{quarter}' is not a quarter: use the form 2026-Q4.");
        var from = new DateTime(year, 3 * (q - 1) + 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var events = new AuditLog(engine).Read(la, DateOnly.FromDateTime(from), EarlyWarningStore.DigestAction)
            .Where(e => e.OccurredAt < from.AddMonths(3) && (la is null || e.LaCode == la)).ToList();
        var listing = new Listing("when", "la", "what changed");
        foreach (var e in events)
            listing.Add(e.OccurredAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), e.LaCode, e.Detail);
        listing.Write(format);
        if (format == OutputFormat.Table)
            Listing.Say($"{events.Count} digest(s) in {quarter}{(la is null ? " across the region" : $" for {la}")}.");
        return ExitCodes.Success;
    }

    public static Command Explain()
    {
        var la = new Option<string>("--la") { Description = "The LA: DfE code or name.", Required = true };
        var metric = new Option<string>("--metric") { Description = "The metric id (rw metrics).", Required = true };
        var year = new Option<int>("--year") { Description = "The collection year.", Required = true };
        var command = new Command("explain",
            "Explain one figure: its definition, numerator and denominator, the returns (when loaded, data quality) or DfE release it came from, " +
            "any suppression, and who it was compared with.")
        {
            la, metric, year,
        };
        command.SetAction(parse =>
        {
            using var host = CliHost.Open();
            var engine = host.Services.GetRequiredService<IWarehouseEngine>();
            var code = CliArguments.La(engine, parse.GetValue(la)!).DfeCode;
            var id = MetricCatalogue.Find(parse.GetValue(metric)!).Id;
            var explanation = FigureExplanation.Explain(engine, code, id, parse.GetValue(year))
                              ?? throw new InvalidOperationException($"No {id} figure for {code} in {parse.GetValue(year)}: is its return loaded (rw status)?");
            foreach (var line in explanation.Lines())
                Listing.Say(line);
            return ExitCodes.Success;
        });
        return command;
    }
}
