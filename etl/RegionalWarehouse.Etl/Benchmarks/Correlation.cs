using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Benchmarks;

/// <summary>One LA's metric value beside a contextual indicator's (its latest period at or before the year).</summary>
public sealed record CorrelationPair(string LaCode, string LaName, double MetricValue, double IndicatorValue, int IndicatorPeriod);

/// <summary>Pearson's r across LAs between a metric and an indicator, with the pairs it was computed from.</summary>
public sealed record CorrelationResult(string MetricId, string IndicatorCode, int Year, IReadOnlyList<CorrelationPair> Pairs)
{
    public int N => Pairs.Count;

    /// <summary>Null with fewer than three pairs or when either side does not vary: no correlation to speak of.</summary>
    public double? R => Pearson(Pairs.Select(p => p.MetricValue).ToList(), Pairs.Select(p => p.IndicatorValue).ToList());

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

    /// <summary>Reads the pairs from mart.metric_indicator_pair: suppressed metric values and symbol-only indicators are not there.</summary>
    public static CorrelationResult Query(IWarehouseEngine engine, string metricId, string indicatorCode, int year)
    {
        using var connection = engine.Open();
        using var command = connection.Command(null,
            $"""
             select la.dfe_code, la.la_name, p.metric_value, p.indicator_value, p.indicator_period
             from mart.metric_indicator_pair p join ref.local_authority la on la.la_key = p.la_key
             where p.metric_id = {engine.Parameter("metric")} and p.indicator_code = {engine.Parameter("indicator")} and p.collection_year = {engine.Parameter("year")}
             order by la.dfe_code
             """, ("metric", metricId), ("indicator", indicatorCode), ("year", year));
        using var reader = command.ExecuteReader();
        var pairs = new List<CorrelationPair>();
        while (reader.Read())
            pairs.Add(new CorrelationPair(reader.GetString(0), reader.GetString(1), Convert.ToDouble(reader.GetValue(2)), Convert.ToDouble(reader.GetValue(3)),
                Convert.ToInt32(reader.GetValue(4))));
        return new CorrelationResult(metricId, indicatorCode, year, pairs);
    }
}
