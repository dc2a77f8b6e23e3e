namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>
/// A Header item that must agree with what the LA's previous year's return recorded for the same child
/// (matched by pseudonym, from what the warehouse holds). A child new this year, or an LA whose previous
/// year is not loaded, has nothing to disagree with.
/// </summary>
public sealed class AgreesWithPreviousYearRule(RuleCode code, string column, string item, Func<Record903, PreviousChild, Ssda903Return, bool> differs, string fix)
    : Rule903(code, Severity.Error, Ssda903Schema.Header, $"Header {column} agrees with the {item} the LA's previous year's return recorded for the child.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data.Previous.Count == 0
            ? []
            : data[Table].Where(r => data.Previous.For(r.Child) is { } before && differs(r, before, data)).Select(r => Issue(r, column, fix));

    /// <summary>The first of the month of a date: the warehouse keeps dates of birth no finer.</summary>
    public static DateOnly Month(DateOnly date) => new(date.Year, date.Month, 1);
}
