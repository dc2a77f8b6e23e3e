using RegionalWarehouse.Etl.Benchmarks;
using RegionalWarehouse.Warehouse.ReferenceData.Geo;

namespace RegionalWarehouse.Dashboard;

/// <summary>One hexagon as the page draws it. A suppressed value is never sent, only that it was suppressed.</summary>
public sealed record MapHex(
    string OnsCode, string? DfeCode, string Name, bool Member, int Q, int R, double? Value, bool Suppressed, bool Unavailable, string? Source, int? Quartile, string? Band,
    string? ValueOf = null);

public sealed record MapResponse(string MetricId, int Year, string Scope, string Polarity, int MaxRow, string Attribution, IReadOnlyList<MapHex> Hexes)
{
    public static MapResponse From(MetricMap map) => new(map.Metric.Id, map.Year, map.Scope.ToString().ToLowerInvariant(), map.Metric.Polarity.ToString(),
        HexLayout.MaxRow, HexLayout.Attribution,
        map.Areas.Select(a => new MapHex(a.Hex.OnsCode, a.Value?.DfeCode, a.Value?.Name ?? a.Hex.Name, a.Value?.Member ?? false, a.Hex.Q, a.Hex.R,
            a.Value?.Value, a.Value?.Suppressed ?? false, a.Value is null || a.Value.Unavailable, a.Value?.Source,
            a.Quartile, a.Quartile is { } q ? Ranking.Band(q).ToString() : null, a.ValueOf)).ToList());
}

public sealed record ScatterPoint(string DfeCode, string Name, bool Member, double MetricValue, double IndicatorValue, int IndicatorPeriod, string Source);

public sealed record CorrelationResponse(
    string MetricId, string IndicatorCode, int Year, string Scope, int N, double? R, double? Slope, double? Intercept, string Caution, IReadOnlyList<ScatterPoint> Points)
{
    public static CorrelationResponse From(CorrelationResult result) => new(result.MetricId, result.IndicatorCode, result.Year,
        result.Scope.ToString().ToLowerInvariant(), result.N, result.R, result.Line?.Slope, result.Line?.Intercept, CorrelationResult.Caution,
        result.Pairs.Select(p => new ScatterPoint(p.LaCode, p.LaName, p.Member, p.MetricValue, p.IndicatorValue, p.IndicatorPeriod, p.Source)).ToList());
}
