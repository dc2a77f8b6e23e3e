namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>A coded value that must be in the field's code list for the collection year (blank allowed unless required).</summary>
public sealed class CodeListRule(RuleCode code, TableSchema table, string column, bool required = false, string? field = null, Severity severity = Severity.Error)
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
