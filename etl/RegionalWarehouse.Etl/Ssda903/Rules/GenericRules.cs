using RegionalWarehouse.Etl.Csv;
using RegionalWarehouse.Etl.Validation;

namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>A value that must be present on every row of a table.</summary>
public sealed class RequiredValueRule(string code, TableSchema table, string column, string fix)
    : Rule903(code, Severity.Error, table, $"{table.Name} {column} is present on every row.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => r.IsBlank(column)).Select(r => Issue(r, column, $"{column} is blank. {fix}"));
}

/// <summary>A coded value that must be in the field's code list for the collection year (blank allowed unless required).</summary>
public sealed class CodeListRule(string code, TableSchema table, string column, bool required = false, string? field = null, Severity severity = Severity.Error)
    : Rule903(code, severity, table, $"{table.Name} {column} is a code valid for the collection year{(required ? " and is present" : "")}.")
{
    private readonly string _field = field ?? column;

    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes)
    {
        foreach (var record in data[Table])
        {
            var value = record[column];
            if (value.Length == 0)
            {
                if (required)
                    yield return Issue(record, column, $"{column} is blank. Enter one of: {string.Join(", ", codes.ValidCodes(_field, data.CollectionYear))}.");
            }
            else if (!codes.IsValid(_field, value, data.CollectionYear))
            {
                yield return Issue(record, column,
                    $"'{value}' is not a valid {column} code for {data.CollectionYear}. Use one of: {string.Join(", ", codes.ValidCodes(_field, data.CollectionYear))}.");
            }
        }
    }
}

/// <summary>A date column holds a real date written dd/mm/yyyy (or yyyy-mm-dd), in a plausible range.</summary>
public sealed class DateRule(string code, TableSchema table, string column, bool required)
    : Rule903(code, Severity.Error, table, $"{table.Name} {column} is a real date (dd/mm/yyyy){(required ? " and is present" : "")}, not before 1900 nor after the collection year.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes)
    {
        foreach (var record in data[Table])
        {
            var text = record[column];
            if (text.Length == 0)
            {
                if (required)
                    yield return Issue(record, column, $"{column} is blank. Enter the date as dd/mm/yyyy.");
            }
            else if (!DateValue.TryParse(text, out var date))
            {
                yield return Issue(record, column, $"{column} is not a real date in the form dd/mm/yyyy (or yyyy-mm-dd). Correct the date in the case-management system and export again.");
            }
            else if (date.Year < 1900 || date > data.YearEnd.AddYears(1))
            {
                yield return Issue(record, column, $"{column} ({DateValue.Format(date)}) is outside the plausible range for the {data.CollectionYear} return. Check the year.");
            }
        }
    }
}

/// <summary>No two rows share a table's key.</summary>
public sealed class DuplicateKeyRule(string code, TableSchema table)
    : Rule903(code, Severity.Error, table, $"{table.Name} has no two rows with the same {string.Join(" + ", table.Key)}.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table]
            .Where(r => Table.Key.All(k => !r.IsBlank(k)))
            .GroupBy(r => string.Join('\u001f', Table.Key.Select(k => r[k])))
            .Where(g => g.Count() > 1)
            .SelectMany(g => g.Skip(1).Select(r => Issue(r, Table.Key[^1],
                $"This row repeats the {string.Join(" + ", Table.Key)} of row {g.First().Row}. Remove the duplicate or correct the key.")));
}

/// <summary>Every child in a table is in the Header table.</summary>
public sealed class ChildInHeaderRule(string code, TableSchema table)
    : Rule903(code, Severity.Error, table, $"Every CHILD in {table.Name} is in the Header table.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => !r.IsBlank("CHILD") && !data.HeaderByChild.ContainsKey(r.Child))
            .Select(r => Issue(r, "CHILD", "This child is not in the Header table. Add the child's Header row or correct the CHILD id."));
}

/// <summary>One date on a row is not before another (an end not before its start).</summary>
public sealed class DateOrderRule(string code, TableSchema table, string earlier, string later)
    : Rule903(code, Severity.Error, table, $"{table.Name} {later} is not before {earlier}.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => r.Date(earlier) is { } start && r.Date(later) is { } end && end < start)
            .Select(r => Issue(r, later, $"{later} ({r[later]}) is before {earlier} ({r[earlier]}). Correct whichever date is wrong."));
}

/// <summary>A table's DOB agrees with the child's Header DOB.</summary>
public sealed class DobMatchesHeaderRule(string code, TableSchema table)
    : Rule903(code, Severity.Error, table, $"{table.Name} DOB matches the child's DOB in the Header table.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => r.Date("DOB") is { } dob && data.DateOfBirth(r.Child) is { } header && dob != header)
            .Select(r => Issue(r, "DOB", "DOB differs from the child's DOB in the Header table. Make both the same."));
}

/// <summary>
/// An end date and its reason come together: the reason is present exactly when the date is
/// (an ended episode says why it ended; an ended placement for adoption says why).
/// </summary>
public sealed class ReasonWithEndDateRule(string code, TableSchema table, string dateColumn, string reasonColumn, string description, string reasonMissing, string dateMissing)
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

/// <summary>
/// An identifier field has its shape (<see cref="Formats"/>). The loader applies the same test, so a value
/// this rule reports is stored blank, never as sent.
/// </summary>
public sealed class FormatRule(string code, TableSchema table, string column, Func<string, bool> isValid, string shape, string fix)
    : Rule903(code, Severity.Error, table, $"{table.Name} {column} is {shape}.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => !r.IsBlank(column) && !isValid(r[column]))
            .Select(r => Issue(r, column, $"{column} is not {shape}. {fix} Until corrected it is stored blank."));
}

/// <summary>
/// A check on each row of one table, stated as the condition a row fails: most of the DfE's rules
/// are one such condition, so each is one line of the rule set rather than a class of its own.
/// </summary>
public sealed class RowRule(string code, TableSchema table, string column, string description, Func<Record903, Ssda903Return, bool> fails, string fix,
    Severity severity = Severity.Error)
    : Rule903(code, severity, table, description)
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => fails(r, data)).Select(r => Issue(r, column, fix));
}

/// <summary>A table that only children looked after in the year have (a care leaver without episodes has only OC3).</summary>
public sealed class HasEpisodesRule(string code, TableSchema table)
    : Rule903(code, Severity.Error, table, $"Every child in {table.Name} has an episode in the year.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => !r.IsBlank("CHILD") && data.HeaderByChild.ContainsKey(r.Child) && !data.EpisodesByChild.ContainsKey(r.Child))
            .Select(r => Issue(r, "CHILD", $"This child has no episode this year, so has no {Table.Name} record. Add the child's episodes or remove the row."));
}
