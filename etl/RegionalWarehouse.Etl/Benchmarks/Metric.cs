namespace RegionalWarehouse.Etl.Benchmarks;

public enum MetricUnit
{
    /// <summary>A number of children (or families).</summary>
    Count,
    /// <summary>Numerator / denominator × 100.</summary>
    Percent,
    /// <summary>Numerator / children aged 0–17 × 10,000.</summary>
    RatePer10k,
    /// <summary>Numerator (a sum) / denominator (how many).</summary>
    Mean,
    /// <summary>A mean number of days.</summary>
    Days,
}

public enum Polarity
{
    HigherIsBetter,
    LowerIsBetter,
    Neutral,
}

/// <summary>
/// One benchmark metric, defined once. The SQL fragments are aggregate expressions over
/// <see cref="Source"/> (a named view or fact with la_key and collection_year) in the SQL both engines
/// share; they generate the mart, the DAX measures and the data dictionary.
/// </summary>
public sealed record Metric(
    string Id,
    string Name,
    string Theme,
    string Description,
    MetricUnit Unit,
    Polarity Polarity,
    string Source,
    string NumeratorSql,
    string? DenominatorSql,
    string NumeratorDescription,
    string? DenominatorDescription)
{
    /// <summary>
    /// How many later years' values this metric reads from an earlier year's return (a cohort looked after 2.5
    /// years, a period of care that began years before adoption). Deleting a return under retention keeps those
    /// later years' values as they were, since recomputing them from what is left would change them.
    /// </summary>
    public int LooksBackYears { get; init; }

    /// <summary>Rates take their denominator from the ONS population of children aged 0–17.</summary>
    public bool UsesPopulation => Unit == MetricUnit.RatePer10k;

    /// <summary>Whether the metric's value is itself a count of people (suppressed directly when small).</summary>
    public bool IsCount => Unit == MetricUnit.Count;

    public double? ValueOf(double? numerator, double? denominator) => Unit switch
    {
        MetricUnit.Count => numerator,
        _ when numerator is null || denominator is null or 0 => null,
        MetricUnit.Percent => numerator / denominator * 100,
        MetricUnit.RatePer10k => numerator / denominator * 10_000,
        _ => numerator / denominator,
    };

    public string FormatString => Unit switch
    {
        MetricUnit.Count => "#,0",
        MetricUnit.Percent => "0.0",
        MetricUnit.RatePer10k => "0.0",
        MetricUnit.Days => "#,0",
        _ => "0.00",
    };

    public string Format(double? value) => value is null ? "" : value.Value.ToString(FormatString) + Unit switch
    {
        MetricUnit.Percent => "%",
        MetricUnit.Days => " days",
        _ => "",
    };
}
