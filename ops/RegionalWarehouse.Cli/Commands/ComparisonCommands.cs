using RegionalWarehouse.Etl.Benchmarks;
using RegionalWarehouse.Etl.Export;

namespace RegionalWarehouse.Cli.Commands;

public static class ComparisonCommands
{
    /// <summary>The metrics whose neighbour values `rw benchmark` lists unless told otherwise.</summary>
    private static readonly string[] HeadlineMetrics = ["cla_rate_per_10k", "stability_short_term_pct", "oc3_eet_pct"];

    public static Command Benchmark()
    {
        var la = new Option<string>("--la") { Description = "The LA: its DfE code (919) or name (Hertfordshire).", Required = true };
        var year = new Option<int>("--year") { Description = "The collection year, e.g. 2024.", Required = true };
        var neighbourMetrics = new Option<string[]>("--neighbour-metric")
        {
            Description = "Metric ids whose value for each statistical neighbour is listed (repeatable).",
            DefaultValueFactory = _ => HeadlineMetrics,
            AllowMultipleArgumentsPerToken = true,
        };
        var format = Listing.FormatOption();
        var command = new Command("benchmark",
            "Print an LA's benchmark table for a year: its value, the DfE's published figure for it, region, statistical neighbours (mean and median), England, " +
            "rank in region and England and quartile, each comparator with its source; then its DfE statistical neighbours with their values.")
        {
            la, year, neighbourMetrics, format,
        };
        command.SetAction(parse =>
        {
            using var host = CliHost.Open();
            var engine = host.Services.GetRequiredService<IWarehouseEngine>();
            var code = CliArguments.La(engine, parse.GetValue(la)!).DfeCode;
            var lines = BenchmarkQuery.ForLa(engine, code, parse.GetValue(year));
            if (lines.Count == 0)
            {
                AnsiConsole.WriteLine($"No benchmarks for LA {code} in {parse.GetValue(year)}. Has its 903 been loaded (rw status)?");
                return ExitCodes.Failure;
            }
            var asTable = parse.GetValue(format) == OutputFormat.Table;
            if (asTable && BenchmarkQuery.SyntheticLas(engine).ContainsKey(code))
                Listing.Say("Synthetic data: this LA's figures come from synthetic demo returns, not its own. Published and England figures are the DfE's.");
            var table = new Listing("theme", "metric", "value", "DfE published", "region", "neighbours", "median", "England", "region rank", "England rank", "band", "band scope")
                .Droppable("theme", "median", "DfE published", "region rank", "England rank", "band scope");
            foreach (var l in lines)
                table.Add(l.Metric.Theme, l.Metric.Name, l.Shown(l.Value),
                    l.Published is null ? "" : l.Metric.Format(l.Published) + (l.PublishedDiffers == true ? " !" : ""),
                    Sourced(l.Metric.Format(l.Region), l.RegionSource), Sourced(l.Metric.Format(l.NeighbourMean), l.NeighbourSource),
                    l.Metric.Format(l.NeighbourMedian), Sourced(l.Metric.Format(l.England), l.EnglandSource),
                    l.Rank is null ? "" : $"{l.Rank} of {l.Ranked}", l.RankInEngland is null ? "" : $"{l.RankInEngland} of {l.RankedInEngland}",
                    l.Metric.Polarity == Polarity.Neutral ? "-" : l.QuartileInEngland is { } q ? Ranking.Band(q).ToString() : l.Quartile is { } r ? Ranking.Band(r).ToString() : "",
                    l.Metric.Polarity == Polarity.Neutral ? "" : l.QuartileInEngland is not null ? "England" : l.Quartile is not null ? "region" : "");
            table.Write(parse.GetValue(format));
            if (!asTable)
                return ExitCodes.Success;
            if (BenchmarkQuery.Quality(engine, code, parse.GetValue(year)) is { } quality)
                Listing.Say(quality.Describe(parse.GetValue(year)));
            Listing.Say("c = suppressed (small numbers), x = not available. (P) the DfE's published figure; (R) recomputed from members' returns; " +
                                  "(M) neighbours from both. ! = the LA's own figure differs from the DfE's published one by more than the metric's tolerance: check the return. " +
                                  "Ranks and bands follow the DfE's LAIT: rank 1 is best, ties share a rank; band A (best) to D against R's quartiles with inclusive cut-offs, " +
                                  "across England where the DfE publishes the measure, else within the region (band scope says which). A measure without a DfE polarity has no rank or band (-). " +
                                  "Neighbours mean = the mean of the DfE's ten statistical neighbours, as LAIT shows it; median beside it.");
            WriteNeighbours(engine, code, parse.GetValue(year), parse.GetValue(neighbourMetrics)!);
            if (lines.Any(l => l.EnglandSource == ComparatorCalculator.Published || l.NeighbourSource is ComparatorCalculator.Published or ComparatorCalculator.Mixed))
                Listing.Say(Etl.Lait.LaitSchema.Attribution);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Sourced(string value, string? source) => value.Length == 0 ? value : source switch
    {
        ComparatorCalculator.Published => $"{value} (P)",
        ComparatorCalculator.Recomputed => $"{value} (R)",
        ComparatorCalculator.Mixed => $"{value} (M)",
        _ => value,
    };

    private static void WriteNeighbours(IWarehouseEngine engine, string la, int year, string[] metricIds)
    {
        var metrics = metricIds.Select(MetricCatalogue.Find).ToList();
        var neighbours = BenchmarkQuery.Neighbours(engine, la, year, metrics.Select(m => m.Id).ToList());
        if (neighbours.Count == 0)
        {
            Listing.Say("No statistical neighbours: load the DfE's model (region/NEIGHBOURS/{version}/, see README).");
            return;
        }
        AnsiConsole.WriteLine("Statistical neighbours (DfE model in force):");
        var table = new Listing(["rank", "LA", "closeness", .. metrics.Select(m => m.Id)]).Droppable("closeness");
        foreach (var n in neighbours.GroupBy(n => (n.Rank, n.DfeCode, n.Name, n.Closeness)).OrderBy(g => g.Key.Rank))
            table.Add([n.Key.Rank.ToString(), $"{n.Key.DfeCode} {n.Key.Name}", n.Key.Closeness ?? "",
                .. metrics.Select(m => n.FirstOrDefault(x => x.MetricId == m.Id) is { Value: { } v } x ? Sourced(m.Format(v), x.Source) : "")]);
        table.Write(OutputFormat.Table);
    }

    public static Command Correlate()
    {
        var metric = new Argument<string>("metric") { Description = "A metric id from `rw metrics`, e.g. cla_rate_per_10k." };
        var indicator = new Argument<string>("indicator") { Description = "An indicator code, e.g. imd_average_score (see README: contextual data)." };
        var year = new Option<int>("--year") { Description = "The collection year; each LA's latest indicator value at or before it is used.", Required = true };
        var format = Listing.FormatOption();
        var command = new Command("correlate", "Pearson's r (and n) across LAs between a benchmark metric and a contextual indicator, e.g. CLA rate vs IMD score.")
        {
            metric, indicator, year, format,
        };
        command.SetAction(parse =>
        {
            var id = MetricCatalogue.Find(parse.GetValue(metric)!).Id;
            using var host = CliHost.Open();
            var engine = host.Services.GetRequiredService<IWarehouseEngine>();
            var code = parse.GetValue(indicator)!;
            var indicators = IndicatorCatalogue.Read(engine);
            if (!indicators.Any(i => string.Equals(i.Code, code, StringComparison.Ordinal)))
                throw new ArgumentException(NearestNames.Unknown("indicator", code, indicators.Select(i => i.Code), "rw indicators"));
            var result = CorrelationResult.Query(engine, id, code, parse.GetValue(year));
            var table = new Listing("LA", id, result.IndicatorCode, "indicator period");
            foreach (var pair in result.Pairs)
                table.Add($"{pair.LaCode} {pair.LaName}", pair.MetricValue.ToString("0.###"), pair.IndicatorValue.ToString("0.###"), pair.IndicatorPeriod.ToString());
            table.Write(parse.GetValue(format));
            if (parse.GetValue(format) == OutputFormat.Table)
                AnsiConsole.WriteLine(result.R is { } r
                ? $"Pearson r = {r:0.000} (n = {result.N} LAs, {result.Year}). Suppressed and unavailable values are left out."
                : $"Pearson r: not available (n = {result.N} LAs; it needs 3 or more with values that vary).");
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Indicators()
    {
        var search = new Option<string?>("--search") { Description = "Only indicators whose code, name or description contains this text (any case)." };
        var format = Listing.FormatOption();
        var command = new Command("indicators",
            "List the contextual indicators `rw correlate` accepts: the operator's own (population, deprivation, INDICATORS files) and every LAIT indicator, with polarity and source.")
        {
            search, format,
        };
        command.SetAction(parse =>
        {
            using var host = CliHost.Open();
            var found = IndicatorCatalogue.Read(host.Services.GetRequiredService<IWarehouseEngine>(), parse.GetValue(search));
            var table = new Listing("code", "name", "polarity", "source").Droppable("source");
            foreach (var i in found)
                table.Add(i.Code, i.Name, i.Polarity, i.Source);
            table.Write(parse.GetValue(format));
            if (parse.GetValue(format) != OutputFormat.Table)
                return ExitCodes.Success;
            AnsiConsole.WriteLine($"{found.Count:N0} indicator(s). Correlate one with a metric: rw correlate <metric> <code> --year <year>.");
            if (found.Any(i => i.Source.StartsWith("DfE LAIT", StringComparison.Ordinal)))
                AnsiConsole.WriteLine(Etl.Lait.LaitSchema.Attribution);
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Refresh()
    {
        var las = new Option<string?>("--la")
        {
            Description = "Recompute only these LAs' measures (DfE codes, comma-separated), as the refresh after their loads does; the comparators are rebuilt for everyone either way.",
        };
        var command = new Command("refresh", "Rebuild the benchmark marts from the warehouse (they are also refreshed after every load).") { las };
        command.SetAction(parse =>
        {
            using var host = CliHost.Open();
            var scope = parse.GetValue(las) is { } codes
                ? codes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(MartScope.ForLa).Aggregate(MartScope.ComparatorsOnly, (a, b) => a.With(b))
                : MartScope.Everything;
            var rows = host.Services.GetRequiredService<MartRefresher>().Refresh(scope);
            AnsiConsole.WriteLine($"Benchmark marts refreshed: {rows:N0} LA x year x metric rows.");
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Metrics()
    {
        var markdown = new Option<bool>("--markdown") { Description = "Print the data dictionary as Markdown (docs/metrics.md)." };
        var format = Listing.FormatOption();
        var command = new Command("metrics", "List the metric catalogue: id, name, unit, polarity.") { markdown, format };
        command.SetAction(parse =>
        {
            if (parse.GetValue(markdown))
            {
                Console.Write(MetricDictionary.Markdown());
                return ExitCodes.Success;
            }
            var table = new Listing("id", "metric", "unit", "polarity", "polarity from").Droppable("polarity from", "unit");
            foreach (var m in MetricCatalogue.All)
                table.Add(m.Id, m.Name, m.Unit.ToString(), m.Polarity.ToString(), PolaritySource.Describe(m));
            table.Write(parse.GetValue(format));
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command ExportParquet()
    {
        var folder = new Argument<string>("folder") { Description = "Where to write one .parquet file per table and view." };
        var agreement = new Option<string?>("--agreement")
        {
            Description = "Also write child-level rows, as a child-level data-sharing agreement allows: name it (e.g. EOE-CLA-2024). " +
                          "Only its return type's objects and its signatories' rows; without it, child- and family-level files have no rows.",
        };
        var las = new Option<string?>("--la") { Description = "With --agreement: only these signatories (DfE codes or names, comma-separated)." };
        var command = new Command("export-parquet", "Write the star schema, reference data and marts as Parquet for Power BI Desktop (DuckDB warehouse).") { folder, agreement, las };
        command.SetAction(parse =>
        {
            if (parse.GetValue(las) is not null && parse.GetValue(agreement) is null)
                throw new ArgumentException("--la limits a child-level export: name the agreement that allows it with --agreement.");
            // Brought up to date first: the agreements a child-level export is checked against are reference data.
            using var host = CliHost.Open();
            var engine = host.Services.GetRequiredService<IWarehouseEngine>();
            var grant = parse.GetValue(agreement) is { } id ? Grant(engine, id, parse.GetValue(las)) : null;
            Console.Error.WriteLine(grant is null
                ? "Exporting every table and view as Parquet (about 20 seconds on the demo)…"
                : $"Exporting every table and view as Parquet, with child-level rows under {grant.Describe()}…");
            var target = Path.GetFullPath(parse.GetValue(folder)!);
            var files = ParquetExporter.Export(engine, target, new Progress<string>(file => Console.Error.WriteLine($"  {file}")), grant);
            using (var connection = engine.Open())
                new RegionalWarehouse.Warehouse.Audit.AuditLog(engine).Record(connection, null, new RegionalWarehouse.Warehouse.Audit.AuditEvent(DateTime.UtcNow,
                    "rw export-parquet", grant is null ? "exported" : "exported child-level", Rows: files.Count,
                    Detail: $"{files.Count} Parquet files (ref, dw, mart, bi) written to {target}{(grant is null ? "" : $"; child-level rows under {grant.Describe()}")}"));
            AnsiConsole.WriteLine($"{files.Count} Parquet files written to {target}.");
            if (grant is not null)
                AnsiConsole.WriteLine($"They hold child-level rows under {grant.Describe()}: keep them where that agreement allows (NOT-EXPORTED.txt lists which).");
            return ExitCodes.Success;
        });
        return command;
    }

    private static ChildLevelGrant Grant(IWarehouseEngine engine, string agreementId, string? las)
    {
        var codes = (las ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(la => CliArguments.La(engine, la).DfeCode).ToList();
        using var connection = engine.Open();
        return ChildLevelGrant.Resolve(connection, engine, agreementId.Trim(), codes, DateOnly.FromDateTime(DateTime.UtcNow));
    }
}
