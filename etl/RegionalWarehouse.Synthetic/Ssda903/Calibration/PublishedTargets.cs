using System.Globalization;

namespace RegionalWarehouse.Synthetic.Ssda903.Calibration;

/// <summary>
/// Each English LA's published 903 figures per collection year (<c>published_targets.csv</c>, taken from the DfE's
/// LAIT file the platform ships; a test keeps the two the same), which the synthetic returns are calibrated to,
/// so the demo and the bench look like the real LAs. A figure the DfE suppressed or did not publish for a year is
/// taken from the LA's nearest year with one, then from the mean of every LA's that year.
/// </summary>
public sealed class PublishedTargets
{
    public const string File = "published_targets.csv";

    private readonly Dictionary<(string La, int Year), Dictionary<string, double>> _values;
    private readonly Dictionary<(int Year, string Metric), double> _meanOfLas;

    public static PublishedTargets Shipped { get; } = Load();

    private PublishedTargets(Dictionary<(string, int), Dictionary<string, double>> values)
    {
        _values = values;
        _meanOfLas = values.SelectMany(v => v.Value.Select(m => (v.Key.Item2, m.Key, m.Value)))
            .GroupBy(x => (x.Item1, x.Key)).ToDictionary(g => g.Key, g => g.Average(x => x.Value));
        Years = values.Keys.Select(k => k.Item2).Distinct().Order().ToList();
    }

    public IReadOnlyList<int> Years { get; }

    /// <summary>Every LA with published figures.</summary>
    public IEnumerable<string> Las => _values.Keys.Select(k => k.La).Distinct().Order(StringComparer.Ordinal);

    /// <summary>The LA's published figure for a metric and collection year, or the nearest stand-in (above).</summary>
    public double Get(string la, int year, string metric)
    {
        var clamped = Math.Clamp(year, Years[0], Years[^1]);
        if (Published(la, clamped, metric) is { } value)
            return value;
        foreach (var distance in Enumerable.Range(1, Years.Count))
            foreach (var other in new[] { clamped - distance, clamped + distance })
                if (Published(la, other, metric) is { } near)
                    return near;
        return _meanOfLas.TryGetValue((clamped, metric), out var mean) ? mean
            : _meanOfLas.Where(m => m.Key.Metric == metric).Select(m => m.Value).DefaultIfEmpty(0).Average();
    }

    /// <summary>Every LA with any figure published for the year: England's authorities as they stood then.</summary>
    public IReadOnlyList<string> LasPublishedIn(int year) =>
        _values.Keys.Where(k => k.Year == year).Select(k => k.La).Order(StringComparer.Ordinal).ToList();

    /// <summary>The LA's figure as the DfE published it, or null where it did not.</summary>
    public double? Published(string la, int year, string metric) =>
        _values.TryGetValue((la, year), out var metrics) && metrics.TryGetValue(metric, out var value) ? value : null;

    /// <summary>The mean over the given years of the LA's figures (or stand-ins).</summary>
    public double Mean(string la, string metric, int firstYear, int lastYear) =>
        Enumerable.Range(firstYear, lastYear - firstYear + 1).Average(y => Get(la, y, metric));

    private static PublishedTargets Load()
    {
        using var stream = typeof(PublishedTargets).Assembly.GetManifestResourceStream($"Calibration.{File}")
            ?? throw new InvalidOperationException($"{File} is not embedded in the synthetic assembly.");
        using var reader = new StreamReader(stream);
        var header = reader.ReadLine()!.Split(',');
        var values = new Dictionary<(string, int), Dictionary<string, double>>();
        while (reader.ReadLine() is { } line)
        {
            var cells = line.Split(',');
            var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var i = 2; i < cells.Length; i++)
                if (double.TryParse(cells[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                    metrics[header[i]] = value;
            values[(cells[0], int.Parse(cells[1], CultureInfo.InvariantCulture))] = metrics;
        }
        return new PublishedTargets(values);
    }
}
