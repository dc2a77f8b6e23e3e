namespace RegionalWarehouse.Etl.Validation;

/// <summary>
/// How broken a return may be and still load. Structural problems always reject; record-level errors
/// load (flagged in the LA's report) while the share of children with errors stays at or below the limit.
/// </summary>
public sealed class ToleranceOptions
{
    public const string Section = "Validation";

    /// <summary>The largest share (0–1) of a return's children whose records may have errors; 0 rejects any error, as before.</summary>
    public double MaxShareOfChildrenWithErrors { get; set; } = 0.05;
}
