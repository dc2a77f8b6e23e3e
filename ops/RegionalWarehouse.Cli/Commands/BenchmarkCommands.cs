using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RegionalWarehouse.Etl.Benchmarks;
using RegionalWarehouse.Etl.Export;
using RegionalWarehouse.Etl.Hosting;
using RegionalWarehouse.Warehouse.Engines;
using Spectre.Console;

namespace RegionalWarehouse.Cli.Commands;

public static class BenchmarkCommands
{
    public static Command Benchmark()
    {
        var la = new Option<string>("--la") { Description = "The LA's DfE code, e.g. 919.", Required = true };
        var year = new Option<int>("--year") { Description = "The collection year, e.g. 2024.", Required = true };
        var command = new Command("benchmark", "Print an LA's benchmark table for a year: value, region, statistical neighbours, England, rank and quartile.") { la, year };
        command.SetAction(parse =>
        {
            using var host = CliHost.Open();
            var lines = BenchmarkQuery.ForLa(host.Services.GetRequiredService<IWarehouseEngine>(), parse.GetValue(la)!, parse.GetValue(year));
            if (lines.Count == 0)
            {
                AnsiConsole.WriteLine($"No benchmarks for LA {parse.GetValue(la)} in {parse.GetValue(year)}. Has its 903 been loaded (rw status)?");
                return ExitCodes.Failure;
            }
            var table = new Table().AddColumns("metric", "value", "region", "neighbours", "England", "rank", "quartile");
            foreach (var group in lines.GroupBy(l => l.Metric.Theme))
            {
                table.AddRow($"[bold]{Markup.Escape(group.Key)}[/]", "", "", "", "", "", "");
                foreach (var l in group)
                    table.AddRow(Markup.Escape(l.Metric.Name), l.Shown(l.Value), l.Metric.Format(l.Region), l.Metric.Format(l.Neighbours), l.Metric.Format(l.England),
                        l.Rank is null ? "" : $"{l.Rank} of {l.Ranked}", l.Quartile?.ToString() ?? "");
            }
            AnsiConsole.Write(table);
            AnsiConsole.WriteLine("c = suppressed (small numbers), x = not available. Rank 1 and quartile 1 are best; neutral metrics rank the highest first.");
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Correlate()
    {
        var metric = new Argument<string>("metric") { Description = "A metric id from `rw metrics`, e.g. cla_rate_per_10k." };
        var indicator = new Argument<string>("indicator") { Description = "An indicator code, e.g. imd_average_score (see README: contextual data)." };
        var year = new Option<int>("--year") { Description = "The collection year; each LA's latest indicator value at or before it is used.", Required = true };
        var command = new Command("correlate", "Pearson's r (and n) across LAs between a benchmark metric and a contextual indicator, e.g. CLA rate vs IMD score.")
        {
            metric, indicator, year,
        };
        command.SetAction(parse =>
        {
            var id = MetricCatalogue.Find(parse.GetValue(metric)!).Id;
            using var host = CliHost.Open();
            var result = CorrelationResult.Query(host.Services.GetRequiredService<IWarehouseEngine>(), id, parse.GetValue(indicator)!, parse.GetValue(year));
            var table = new Table().AddColumns("LA", id, result.IndicatorCode, "indicator period");
            foreach (var pair in result.Pairs)
                table.AddRow($"{pair.LaCode} {Markup.Escape(pair.LaName)}", pair.MetricValue.ToString("0.###"), pair.IndicatorValue.ToString("0.###"), pair.IndicatorPeriod.ToString());
            AnsiConsole.Write(table);
            AnsiConsole.WriteLine(result.R is { } r
                ? $"Pearson r = {r:0.000} (n = {result.N} LAs, {result.Year}). Suppressed and unavailable values are left out."
                : $"Pearson r: not available (n = {result.N} LAs; it needs 3 or more with values that vary).");
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Refresh()
    {
        var command = new Command("refresh", "Rebuild the benchmark marts from the warehouse (they are also refreshed after every load).");
        command.SetAction(parse =>
        {
            using var host = CliHost.Open();
            var rows = host.Services.GetRequiredService<MartRefresher>().Refresh();
            AnsiConsole.WriteLine($"Benchmark marts refreshed: {rows:N0} LA x year x metric rows.");
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Metrics()
    {
        var markdown = new Option<bool>("--markdown") { Description = "Print the data dictionary as Markdown (docs/metrics.md)." };
        var command = new Command("metrics", "List the metric catalogue: id, name, unit, polarity.") { markdown };
        command.SetAction(parse =>
        {
            if (parse.GetValue(markdown))
            {
                Console.Write(MetricDictionary.Markdown());
                return ExitCodes.Success;
            }
            var table = new Table().AddColumns("id", "metric", "unit", "polarity");
            foreach (var m in MetricCatalogue.All)
                table.AddRow(m.Id, Markup.Escape(m.Name), m.Unit.ToString(), m.Polarity.ToString());
            AnsiConsole.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command ExportParquet()
    {
        var folder = new Argument<string>("folder") { Description = "Where to write one .parquet file per table and view." };
        var command = new Command("export-parquet", "Write the star schema, reference data and marts as Parquet for Power BI Desktop (DuckDB warehouse).") { folder };
        command.SetAction(parse =>
        {
            using var host = PlatformHost.CreateBuilder([]).Build();
            var files = ParquetExporter.Export(host.Services.GetRequiredService<IWarehouseEngine>(), parse.GetValue(folder)!);
            AnsiConsole.WriteLine($"{files.Count} Parquet files written to {Path.GetFullPath(parse.GetValue(folder)!)}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
