namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>A date column holds a real date written dd/mm/yyyy (or yyyy-mm-dd), in a plausible range.</summary>
public sealed class DateRule(RuleCode code, TableSchema table, string column, bool required)
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
            else if (!DateValue.TryParseAnyYear(text, out var date))
            {
                yield return Issue(record, column, $"{column} is not a real date in the form dd/mm/yyyy (or yyyy-mm-dd). Correct the date in the case-management system and export again.");
            }
            // The message never repeats the date: a date of birth is personal, and findings outlive the return.
            else if (date.Year < DateValue.FirstYear || date > data.YearEnd.AddYears(1))
            {
                yield return Issue(record, column, $"{column} is outside the plausible range for the {data.CollectionYear} return (from 1900 to a year after it ends). Check the year.");
            }
        }
    }
}
