using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Benchmarks;

/// <summary>One LA's metric value beside a contextual indicator's (its latest period at or before the year).</summary>
public sealed record CorrelationPair(string LaCode, string LaName, double MetricValue, double IndicatorValue, int IndicatorPeriod, bool Member = true, string Source = "platform");

/// <summary>The least-squares line of the metric (y) on the indicator (x).</summary>
public sealed record FittedLine(double Slope, double Intercept)
{
    public double At(double x) => Intercept + Slope * x;
}

/// <summary>Pearson's r across LAs between a metric and an indicator, with the pairs it was computed from.</summary>
public sealed record CorrelationResult(string MetricId, string IndicatorCode, int Year, IReadOnlyList<CorrelationPair> Pairs, AreaScope Scope = AreaScope.Members)
{
    /// <summary>Said beside every r the platform shows: the partnership's 11 LAs are a small sample.</summary>
    public const string Caution =
        "Correlation is not causation, and across a handful of areas it is weak evidence: with 11 LAs an r must be beyond about ±0.6 before chance alone is an unlikely explanation. Use it to ask questions, not to answer them.";

    public int N => Pairs.Count;

    /// <summary>Null with fewer than three pairs or when either side does not vary: no correlation to speak of.</summary>
    public double? R => Pearson(Pairs.Select(p => p.MetricValue).ToList(), Pairs.Select(p => p.IndicatorValue).ToList());

    /// <summary>Null where r is: a line through fewer than three points, or through points with no spread, says nothing.</summary>
    public FittedLine? Line
    {
        get
        {
            if (R is null)
                return null;
            double mx = Pairs.Average(p => p.IndicatorValue), my = Pairs.Average(p => p.MetricValue);
            var slope = Pairs.Sum(p => (p.IndicatorValue - mx) * (p.MetricValue - my)) / Pairs.Sum(p => (p.IndicatorValue - mx) * (p.IndicatorValue - mx));
            return new FittedLine(slope, my - slope * mx);
        }
    }

    public static double? Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count || x.Count < 3)
            return null;
        double mx = x.Average(), my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? null : sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>
    /// Pairs each LA's value of the metric for the year (mart.la_metric_value: members' own, or with the England
    /// scope the DfE's published figure for the others) with the indicator's latest value at or before that year.
    /// Suppressed and unavailable values, and indicators published only as a symbol, are left out.
    /// </summary>
    public static CorrelationResult Query(IWarehouseEngine engine, string metricId, string indicatorCode, int year, AreaScope scope = AreaScope.Members)
    {
        var indicator = LatestIndicatorValues(engine, indicatorCode, year);
        var pairs = LaMetricValue.Query(engine, metricId, year, scope)
            .Where(v => v.Value is not null && indicator.ContainsKey(v.DfeCode))
            .Select(v => new CorrelationPair(v.DfeCode, v.Name, v.Value!.Value, indicator[v.DfeCode].Value, indicator[v.DfeCode].Period, v.Member, v.Source))
            .OrderBy(p => p.LaCode, StringComparer.Ordinal)
            .ToList();
        return new CorrelationResult(metricId, indicatorCode, year, pairs, scope);
    }

    private static Dictionary<string, (int Period, double Value)> LatestIndicatorValues(IWarehouseEngine engine, string indicatorCode, int year)
    {
        using var connection = engine.Open();
        using var command = connection.Command(null,
            $"""
             select la.dfe_code, i.period, i.value
             from dw.indicator_value i join ref.local_authority la on la.la_key = i.la_key
             where i.indicator_code = {engine.Parameter("indicator")} and i.period <= {engine.Parameter("year")} and i.value is not null
             order by i.period
             """, ("indicator", indicatorCode), ("year", year));
        using var reader = command.ExecuteReader();
        var latest = new Dictionary<string, (int, double)>();
        while (reader.Read())
            latest[reader.GetString(0)] = (Convert.ToInt32(reader.GetValue(1)), Convert.ToDouble(reader.GetValue(2)));
        return latest;
    }
}
