using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Benchmarks;

/// <summary>One line of an LA's benchmark table, as `rw benchmark` and the dashboard show it.</summary>
public sealed record BenchmarkLine(
    Metric Metric, double? Value, bool Suppressed, bool Unavailable, double? Region, double? Neighbours, double? England, int? Rank, int? Ranked, int? Quartile)
{
    public string Shown(double? value) => Suppressed && value == Value ? "c" : Unavailable && value == Value ? "x" : Metric.Format(value);
}

/// <summary>Reads an LA's benchmarks for a year from the named view mart.la_benchmark (as the dashboard does), in catalogue order.</summary>
public static class BenchmarkQuery
{
    public static IReadOnlyList<BenchmarkLine> ForLa(IWarehouseEngine engine, string dfeCode, int year)
    {
        using var connection = engine.Open();
        using var command = connection.Command(null,
            $"""
             select metric_id, value, suppressed, unavailable, region_value, neighbour_average, england_value, rank_in_region, la_count_ranked, quartile
             from mart.la_benchmark
             where dfe_code = {engine.Parameter("la")} and collection_year = {engine.Parameter("year")}
             """, ("la", dfeCode), ("year", year));
        using var reader = command.ExecuteReader();
        var lines = new Dictionary<string, BenchmarkLine>();
        double? D(int i) => reader.IsDBNull(i) ? null : Convert.ToDouble(reader.GetValue(i));
        int? I(int i) => reader.IsDBNull(i) ? null : Convert.ToInt32(reader.GetValue(i));
        while (reader.Read())
        {
            var metric = MetricCatalogue.All.FirstOrDefault(m => m.Id == reader.GetString(0));
            if (metric is not null)
                lines[metric.Id] = new BenchmarkLine(metric, D(1), reader.GetBoolean(2), reader.GetBoolean(3), D(4), D(5), D(6), I(7), I(8), I(9));
        }
        return MetricCatalogue.All.Where(m => lines.ContainsKey(m.Id)).Select(m => lines[m.Id]).ToList();
    }
}
