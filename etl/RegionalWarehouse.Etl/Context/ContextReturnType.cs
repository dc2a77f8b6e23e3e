using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Context;

/// <summary>
/// What the contextual return types (population, deprivation, indicators, published statistics) share:
/// one CSV or .xlsx file, rules over its rows, and rows that name their own LA so one file may cover many.
/// </summary>
public abstract class ContextReturnType : IReturnType
{
    public abstract string Code { get; }

    public abstract IReadOnlyList<string> FactTables { get; }

    public virtual bool AcceptsRegionWide => true;

    public abstract TableLayout Layout { get; }

    public abstract IReadOnlyList<TabularRule<ContextReferences>> Rules { get; }

    public IEnumerable<RuleInfo> RuleCatalogue => TabularFileRules.All.Concat(Rules.Select(r => r.Info));

    public abstract string? CheckPeriod(string period);

    protected abstract long Load(LoadContext load, ContextReferences context, IReadOnlyList<TableRow> rows);

    public PreparedReturn Prepare(IReadOnlyList<ReturnFile> files, SubmissionIdentity identity, IWarehouseEngine engine, Privacy.ChildPseudonymiser? pseudonymiser = null)
    {
        var data = TabularFile.Read(files, Layout);
        var context = ContextRules.ContextFor(identity, engine);
        var issues = TabularValidation.Validate(data, Rules, context);
        return new TabularPrepared(data, issues, load => Load(load, context, data.Rows));
    }

    /// <summary>The rows for platform LAs, each with its LA (rows for other LAs were warned about and are skipped).</summary>
    protected static IEnumerable<(TableRow Row, LaEntry La)> PlatformRows(ContextReferences context, IReadOnlyList<TableRow> rows, string column) =>
        rows.Select(r => (Row: r, La: context.Las.Find(r[column]))).Where(x => x.La is not null).Select(x => (x.Row, x.La!));
}
