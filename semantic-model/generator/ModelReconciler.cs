using RegionalWarehouse.Etl.Benchmarks;
using RegionalWarehouse.PowerBi;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.SemanticModel;

/// <summary>One LA × year where the model's measure and the mart disagree.</summary>
public sealed record Mismatch(string MetricId, string La, int Year, double? Model, double? Mart);

/// <summary>
/// Runs each metric's DAX measure in the deployed model (executeQueries) per LA and year and compares it
/// with the mart the measure is built on: the proof that the model, the marts and rw benchmark agree.
/// </summary>
public sealed class ModelReconciler(PowerBiClient client, IWarehouseEngine engine)
{
    public static string Query(Metric metric) =>
        $"EVALUATE SUMMARIZECOLUMNS ( 'Local Authority'[DfE Code], 'Collection Year'[Collection Year], \"Value\", [{metric.Name.Replace("]", "]]")}] )";

    public async Task<(int Compared, IReadOnlyList<Mismatch> Mismatches)> ReconcileAsync(IEnumerable<Metric> metrics, IProgress<Metric>? progress, CancellationToken ct)
    {
        var mart = MartValues();
        var mismatches = new List<Mismatch>();
        var compared = 0;
        foreach (var metric in metrics)
        {
            var rows = await client.ExecuteQueryAsync(Query(metric), ct);
            var model = rows.ToDictionary(
                r => (La: r["Local Authority[DfE Code]"]!.GetValue<string>(), Year: r["Collection Year[Collection Year]"]!.GetValue<int>()),
                r => r["[Value]"]?.GetValue<double>());
            var keys = model.Keys.Concat(mart.Where(m => m.Key.MetricId == metric.Id).Select(m => (m.Key.La, m.Key.Year))).Distinct();
            foreach (var key in keys)
            {
                compared++;
                var inModel = model.GetValueOrDefault(key);
                var inMart = mart.GetValueOrDefault((metric.Id, key.La, key.Year));
                if (!Same(inModel, inMart))
                    mismatches.Add(new Mismatch(metric.Id, key.La, key.Year, inModel, inMart));
            }
            progress?.Report(metric);
        }
        return (compared, mismatches);
    }

    private static bool Same(double? a, double? b) =>
        a is null && b is null || a is { } x && b is { } y && Math.Abs(x - y) <= 1e-6 * Math.Max(1, Math.Abs(y));

    /// <summary>The unsuppressed mart values (a suppressed value is blank in the model too).</summary>
    private Dictionary<(string MetricId, string La, int Year), double?> MartValues()
    {
        using var connection = engine.Open();
        using var command = connection.Command(null, "select metric_id, dfe_code, collection_year, value from mart.la_benchmark where value is not null");
        using var reader = command.ExecuteReader();
        var values = new Dictionary<(string, string, int), double?>();
        while (reader.Read())
            values[(reader.GetString(0), reader.GetString(1), Convert.ToInt32(reader.GetValue(2)))] = Convert.ToDouble(reader.GetValue(3));
        return values;
    }
}
