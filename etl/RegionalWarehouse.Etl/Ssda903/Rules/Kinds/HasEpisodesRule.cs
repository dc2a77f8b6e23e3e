namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>A table that only children looked after in the year have (a care leaver without episodes has only OC3).</summary>
public sealed class HasEpisodesRule(RuleCode code, TableSchema table)
    : Rule903(code, Severity.Error, table, $"Every child in {table.Name} has an episode in the year.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => !r.IsBlank("CHILD") && data.HeaderByChild.ContainsKey(r.Child) && !data.EpisodesByChild.ContainsKey(r.Child))
            .Select(r => Issue(r, "CHILD", $"This child has no episode this year, so has no {Table.Name} record. Add the child's episodes or remove the row."));
}
