using System.Data.Common;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Benchmarks;

/// <summary>A return behind a figure: which submission, when it was loaded, and its data quality.</summary>
public sealed record FigureSource(string ReturnType, string Period, long SubmissionId, DateTime LoadedAt, string State, int? Children, int? ChildrenWithErrors)
{
    public string Describe() =>
        $"{ReturnType} {Period}, submission {SubmissionId}, {State} {LoadedAt:dd MMM yyyy HH:mm} UTC" + (Children is { } c
            ? $"; data quality: {ChildrenWithErrors:N0} of {c:N0} children with record errors"
            : "");
}

/// <summary>
/// "Explain this number": one LA's figure for one metric and year, with its definition, numerator and
/// denominator (unless suppressed), the returns or published release it came from, any suppression, and who it
/// was compared with. Everything comes from the marts and the submission ledger: no child-level row.
/// </summary>
public sealed record FigureExplanation(
    string La, string LaName, int Year, Metric Metric, double? Value, string Shown, double? Numerator, double? Denominator,
    string? Suppression, string ValueSource, IReadOnlyList<FigureSource> Sources, string? PublishedRelease,
    double? Region, string? RegionSource, double? Neighbours, string? NeighbourSource, IReadOnlyList<string> NeighbourNames,
    double? England, string? EnglandSource, string Polarity)
{
    /// <summary>The explanation as plain lines (the CLI prints them; the dashboard shows the same fields).</summary>
    public IEnumerable<string> Lines()
    {
        yield return $"{Metric.Name}, {LaName} ({La}), {Year}: {Shown}";
        yield return $"Definition: {Metric.Description}";
        yield return $"Numerator: {Metric.NumeratorDescription}" + (Numerator is { } n ? $" = {n:#,0.##}" : "");
        if (Metric.DenominatorDescription is { } denominator)
            yield return $"Denominator: {denominator}" + (Denominator is { } d ? $" = {d:#,0.##}" : "");
        if (Suppression is not null)
            yield return $"Suppression: {Suppression}";
        yield return $"Source: {ValueSource}";
        foreach (var source in Sources)
            yield return $"  {source.Describe()}";
        if (PublishedRelease is not null)
            yield return $"  {PublishedRelease}";
        yield return $"Polarity: {Metric.Polarity switch { Benchmarks.Polarity.HigherIsBetter => "higher is better", Benchmarks.Polarity.LowerIsBetter => "lower is better", _ => "neither (not ranked or banded)" }}, from {Polarity}";
        yield return $"Compared with: East of England {Metric.Format(Region)} ({RegionSource ?? "not available"}); " +
                     $"statistical neighbours {Metric.Format(Neighbours)} ({NeighbourSource ?? "not available"}); England {Metric.Format(England)} ({EnglandSource ?? "not available"})";
        if (NeighbourNames.Count > 0)
            yield return $"Neighbours (DfE model, closest first): {string.Join(", ", NeighbourNames)}";
    }

    public static FigureExplanation? Explain(IWarehouseEngine engine, string la, string metricId, int year)
    {
        var metric = MetricCatalogue.All.FirstOrDefault(m => m.Id == metricId);
        if (metric is null)
            return null;
        using var connection = engine.Open();
        using var command = connection.Command(null,
            $"""
             select la_name, value, suppressed, unavailable, value_source from mart.la_metric_value
             where dfe_code = {engine.Parameter("la")} and collection_year = {engine.Parameter("year")} and metric_id = {engine.Parameter("metric")}
             """, ("la", la), ("year", year), ("metric", metricId));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
            return null;
        var (laName, value, suppressed, unavailable, valueSource) = (reader.GetString(0), reader.IsDBNull(1) ? (double?)null : Convert.ToDouble(reader.GetValue(1)),
            Convert.ToBoolean(reader.GetValue(2)), Convert.ToBoolean(reader.GetValue(3)), reader.GetString(4));
        reader.Close();
        var shown = suppressed ? "c (suppressed)" : unavailable ? "x (not available)" : metric.Format(value);
        var suppression = suppressed
            ? valueSource == "platform"
                ? "the count behind this figure is between 1 and 5, so neither it nor the figure is shown outside the LA (the data-sharing agreements' small-number rule)."
                : "the DfE suppressed this figure in its publication (shown c)."
            : null;
        if (valueSource != "platform")
            return new FigureExplanation(la, laName, year, metric, value, shown, null, null, suppression, "The DfE's published figure (this LA's returns are not in the warehouse).",
                [], ReadPublishedRelease(connection, engine), null, null, null, null, [], null, null, PolaritySource.Describe(metric));

        using var mart = connection.Command(null,
            $"""
             select b.numerator, b.denominator, b.region_value, b.region_source, b.neighbour_average, b.neighbour_source, b.england_value, b.england_source
             from mart.benchmark b join ref.local_authority l on l.la_key = b.la_key
             where l.dfe_code = {engine.Parameter("la")} and b.collection_year = {engine.Parameter("year")} and b.metric_id = {engine.Parameter("metric")}
             """, ("la", la), ("year", year), ("metric", metricId));
        using var row = mart.ExecuteReader();
        row.Read();
        double? D(int i) => row.IsDBNull(i) ? null : Convert.ToDouble(row.GetValue(i));
        string? S(int i) => row.IsDBNull(i) ? null : row.GetString(i);
        var (numerator, denominator) = suppressed ? (null, null) : (D(0), D(1));
        var explanation = new FigureExplanation(la, laName, year, metric, value, shown, numerator, denominator, suppression,
            $"Computed by the platform from {laName}'s own returns" + (metric.UsesPopulation ? ", over the ONS population of children aged 0–17:" : ":"),
            ReadSources(connection, engine, la, metric, year), metric.UsesPopulation ? PopulationSource(connection, engine) : null,
            D(2), S(3), D(4), S(5), ReadNeighbourNames(connection, engine, la, year), D(6), S(7), PolaritySource.Describe(metric));
        return explanation;
    }

    /// <summary>The current submissions the figure reads: the year's return, and the earlier years a look-back metric reads too.</summary>
    private static List<FigureSource> ReadSources(DbConnection connection, IWarehouseEngine engine, string la, Metric metric, int year)
    {
        var returnType = metric.Source.StartsWith("dw.sf_", StringComparison.Ordinal) ? "SF" : "SSDA903";
        var periods = Enumerable.Range(year - metric.LooksBackYears, metric.LooksBackYears + 1).Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var list = engine.InList("p", periods);
        var periodMatch = returnType == "SF"
            ? $"s.period like {engine.Parameter("prefix")}"
            : $"s.period in ({list.Placeholders})";
        (string, object?)[] parameters = returnType == "SF"
            ? [("la", la), ("rt", returnType), ("prefix", $"{year}-%")]
            : [("la", la), ("rt", returnType), .. list.Parameters];
        using var command = connection.Command(null,
            $"""
             select s.return_type, s.period, s.submission_id, s.updated_at, s.state, s.children, s.children_with_errors
             from etl.submission s
             where s.is_current and s.la_code = {engine.Parameter("la")} and s.return_type = {engine.Parameter("rt")} and {periodMatch}
             order by s.period
             """, parameters);
        using var reader = command.ExecuteReader();
        var sources = new List<FigureSource>();
        int? I(int i) => reader.IsDBNull(i) ? null : Convert.ToInt32(reader.GetValue(i));
        while (reader.Read())
            sources.Add(new FigureSource(reader.GetString(0), reader.GetString(1), Convert.ToInt64(reader.GetValue(2)), Convert.ToDateTime(reader.GetValue(3)),
                reader.GetString(4), I(5), I(6)));
        return sources;
    }

    private static string? ReadPublishedRelease(DbConnection connection, IWarehouseEngine engine) =>
        Current(connection, engine, "LAIT") is { } lait ? $"DfE LAIT release {lait.Period}, loaded {lait.LoadedAt:dd MMM yyyy} (submission {lait.Id}); Open Government Licence v3.0" : null;

    private static string? PopulationSource(DbConnection connection, IWarehouseEngine engine) =>
        Current(connection, engine, "POPULATION") is { } population
            ? $"ONS mid-year population estimates {population.Period}, loaded {population.LoadedAt:dd MMM yyyy} (submission {population.Id})"
            : null;

    private static (string Period, DateTime LoadedAt, long Id)? Current(DbConnection connection, IWarehouseEngine engine, string returnType)
    {
        using var command = connection.Command(null,
            $"select period, updated_at, submission_id from etl.submission where is_current and return_type = {engine.Parameter("rt")} and la_code = {engine.Parameter("la")} order by updated_at desc",
            ("rt", returnType), ("la", SubmissionIdentity.RegionWide));
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), Convert.ToDateTime(reader.GetValue(1)), Convert.ToInt64(reader.GetValue(2))) : null;
    }

    private static List<string> ReadNeighbourNames(DbConnection connection, IWarehouseEngine engine, string la, int year)
    {
        using var command = connection.Command(null,
            $"select distinct neighbour_rank, neighbour_name from mart.la_benchmark_neighbour where dfe_code = {engine.Parameter("la")} and collection_year = {engine.Parameter("year")} order by neighbour_rank",
            ("la", la), ("year", year));
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
            names.Add(reader.GetString(1));
        return names;
    }
}
