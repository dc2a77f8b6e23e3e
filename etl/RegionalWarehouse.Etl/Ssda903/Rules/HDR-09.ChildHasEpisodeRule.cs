namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>A child in the return was looked after in the year or is a care leaver with an OC3 record.</summary>
public sealed class ChildHasEpisodeRule()
    : Rule903("HDR-09", Severity.Error, Ssda903Schema.Header, "Every child in the Header table has an episode in the year or an OC3 (care leaver) record.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes)
    {
        var accounted = data[Ssda903Schema.Episodes].Concat(data[Ssda903Schema.Oc3]).Select(r => r.Child).ToHashSet();
        return data.HeaderByChild.Values.Where(h => !accounted.Contains(h.Child))
            .Select(h => Issue(h, "CHILD", "This child has no episodes and no OC3 record, so does not belong in this return. Add the child's episodes or remove the Header row."));
    }
}
