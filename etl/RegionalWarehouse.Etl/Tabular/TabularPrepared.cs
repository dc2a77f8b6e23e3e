namespace RegionalWarehouse.Etl.Tabular;

/// <summary>A validated single-table return and how to load it.</summary>
public sealed class TabularPrepared(TabularData data, IReadOnlyList<ValidationIssue> issues, Func<LoadContext, long> load) : PreparedReturn
{
    public override IReadOnlyList<ValidationIssue> Issues => issues;

    public override IReadOnlyDictionary<string, long> RowsByTable =>
        data.Rows.Count == 0 ? new Dictionary<string, long>() : new Dictionary<string, long> { [data.Layout.Name] = data.Rows.Count };

    public override long Load(LoadContext context) => load(context);
}
