namespace RegionalWarehouse.Etl.Submissions;

/// <summary>
/// Whether a validated return loads: any structural error rejects it; record-level errors are tolerated
/// while the share of its children with errors is within the limit (the rest of the LA's data is too
/// valuable to lose over a handful of records). The counts become the LA × year data-quality score.
/// </summary>
public sealed record DataQuality(bool Loads, int? Children, int ChildrenWithErrors, ValidationIssue? Rejection)
{
    public static DataQuality Assess(PreparedReturn? prepared, IReadOnlyList<ValidationIssue> issues, double maxShareWithErrors)
    {
        var errors = issues.Where(i => i.Severity == Severity.Error).ToList();
        var children = prepared?.Children;
        if (prepared is null || errors.Any(prepared.IsStructural) || children is null)
            return new DataQuality(errors.Count == 0, children, 0, null);
        // A record without a child identifier counts as a child of its own: it cannot be told apart.
        var withErrors = prepared.ChildrenWithErrors ?? errors.Select(e => e.Child ?? $"{e.File}:{e.Row}").Distinct().Count();
        if (withErrors <= maxShareWithErrors * children.Value)
            return new DataQuality(true, children, withErrors, null);
        var share = children.Value == 0 ? 1 : (double)withErrors / children.Value;
        return new DataQuality(false, children, withErrors, new ValidationIssue(SubmissionRules.TooManyChildrenWithErrors.Code, Severity.Error, null, null, null, null, null,
            $"{withErrors:N0} of {children:N0} children ({share:P1}) have records with errors, more than the {maxShareWithErrors:P0} that may load flagged. " +
            "Fix the errors below (or most of them) and submit the whole return again."));
    }
}
