using RegionalWarehouse.Etl.Ssda903.Rules;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Ssda903;

/// <summary>The Children Looked After (SSDA903) return: a collection year's ten tables for one LA.</summary>
public sealed class Ssda903ReturnType : IReturnType
{
    public string Code => Ssda903Schema.ReturnType;

    public IReadOnlyList<string> FactTables => Ssda903Loader.FactTables;

    public bool AcceptsRegionWide => false;

    public bool SharedUnderAgreement => true;

    public IEnumerable<RuleInfo> RuleCatalogue => Ssda903RuleSet.Catalogue;

    // One spelling per year: "02024" or " 2024" would otherwise be a second identity beside "2024", each current.
    public string? CheckPeriod(string period) => PeriodText.YearProblem(period, 2000, "a 903 year",
        $"'{period}' is not a 903 collection year. Use the year the return ends, e.g. 2024 for April 2023 to March 2024.");

    public DateOnly? PeriodEnds(string period) => int.TryParse(period, out var year) ? new DateOnly(year, 3, 31) : null;

    public PreparedReturn Prepare(IReadOnlyList<ReturnFile> files, SubmissionIdentity identity, IWarehouseEngine engine, Privacy.ChildPseudonymiser? pseudonymiser = null)
    {
        var data = Ssda903Parser.Parse(files, identity.LaCode, int.Parse(identity.Period));
        if (pseudonymiser is not null)
            data.Previous = PreviousReturn.Read(engine, pseudonymiser, identity.LaCode, data.CollectionYear);
        var codes = CodeLists.Load(engine, Code);
        var (issues, childrenWithErrors) = Ssda903RuleSet.ValidateCounting(data, codes);
        return new Prepared(data, codes, issues, childrenWithErrors);
    }

    private sealed class Prepared(Ssda903Return data, CodeLists codes, IReadOnlyList<ValidationIssue> issues, int childrenWithErrors) : PreparedReturn
    {
        public override IReadOnlyList<string> Withhold(IReadOnlySet<string> fields) => data.Withhold(fields);

        public override IReadOnlyList<ValidationIssue> Issues => issues;

        public override IReadOnlyDictionary<string, long> RowsByTable =>
            Ssda903Schema.Tables.Where(t => data[t].Count > 0).ToDictionary(t => t.Name, t => (long)data[t].Count);

        public override long Load(LoadContext context) => new Ssda903Loader(context, codes).Load(data);

        /// <summary>Problems with the files themselves (FILE-*) or the submission (SUB-*) reject the return; every other rule is about records.</summary>
        public override bool IsStructural(ValidationIssue issue) =>
            issue.RuleCode.StartsWith("FILE-", StringComparison.Ordinal) || issue.RuleCode.StartsWith("SUB-", StringComparison.Ordinal);

        public override int? Children => data.HeaderByChild.Count;

        public override int? ChildrenWithErrors => childrenWithErrors;

        public override IReadOnlyList<ReportSection> Reconcile(LoadContext context) =>
            [Reconciliation.StockFlowReconciliation.Read(context.Connection, context.Transaction, context.LaKey!.Value, data.CollectionYear)];
    }
}
