namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>No two rows share a table's key.</summary>
public sealed class DuplicateKeyRule(RuleCode code, TableSchema table)
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
