namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>
/// An end date and its reason come together: the reason is present exactly when the date is
/// (an ended episode says why it ended; an ended placement for adoption says why).
/// </summary>
public sealed class ReasonWithEndDateRule(RuleCode code, TableSchema table, string dateColumn, string reasonColumn, string description, string reasonMissing, string dateMissing)
    : Rule903(code, Severity.Error, table, description)
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes)
    {
        foreach (var r in data[Table])
        {
            if (!r.IsBlank(dateColumn) && r.IsBlank(reasonColumn))
                yield return Issue(r, reasonColumn, reasonMissing);
            else if (r.IsBlank(dateColumn) && !r.IsBlank(reasonColumn))
                yield return Issue(r, reasonColumn, dateMissing);
        }
    }
}
