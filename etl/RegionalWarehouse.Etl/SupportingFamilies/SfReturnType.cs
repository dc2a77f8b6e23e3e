using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.SupportingFamilies;

/// <summary>The Supporting Families return: one LA's families for one financial quarter, as CSV or .xlsx.</summary>
public sealed class SfReturnType : IReturnType
{
    public string Code => SfSchema.ReturnType;

    public IReadOnlyList<string> FactTables => SfLoader.FactTables;

    public bool AcceptsRegionWide => false;

    public bool SharedUnderAgreement => true;

    public IEnumerable<RuleInfo> RuleCatalogue => TabularFileRules.All.Concat(SfRules.All.Select(r => r.Info));

    // One spelling per quarter: "2024-q3" would otherwise be a second identity beside "2024-Q3", each current.
    public string? CheckPeriod(string period) => SfPeriod.Parse(period) switch
    {
        { } quarter when quarter.ToString() == period => null,
        { } quarter => $"'{period}' is not how the platform writes a quarter: use {quarter}.",
        null => $"'{period}' is not a financial quarter. Use the form 2024-Q3 (Q1 is April–June, Q4 is January–March of the next calendar year).",
    };

    public DateOnly? PeriodEnds(string period) => SfPeriod.Parse(period)?.End;

    public PreparedReturn Prepare(IReadOnlyList<ReturnFile> files, SubmissionIdentity identity, IWarehouseEngine engine, Privacy.ChildPseudonymiser? pseudonymiser = null)
    {
        var data = TabularFile.Read(files, SfSchema.Layout);
        var period = SfPeriod.Parse(identity.Period)!;
        var issues = TabularValidation.Validate(data, SfRules.All, new SfContext(identity.LaCode, period, CodeLists.Load(engine, Code)));
        return new TabularPrepared(data, issues, context => new SfLoader(context, period).Load(data.Rows));
    }
}

/// <summary>
/// Writes validated families into the facts. FAMILY_ID becomes a keyed pseudonym (in its own namespace,
/// so a family id can never match a child id); everything else is aggregate-safe.
/// </summary>
public sealed class SfLoader(LoadContext context, SfPeriod period)
{
    public static readonly IReadOnlyList<string> FactTables = ["dw.fact_sf_family", "dw.fact_sf_need"];

    public long Load(IReadOnlyList<TableRow> rows)
    {
        var keys = rows.ToDictionary(r => r, r => context.Pseudonymiser.KeyFor(context.Identity.LaCode, $"SF\u001f{r["FAMILY_ID"].ToUpperInvariant()}"));
        object?[] Lineage(TableRow r) => [context.SubmissionId, context.LaKey, (short)period.CollectionYear, (short)period.Quarter, keys[r]];

        long written = 0;
        using (var families = context.Writer.Open("dw", "fact_sf_family",
                   ["submission_id", "la_key", "collection_year", "quarter", "family_key", "attached_date", "lead_service", "children", "adults",
                    "need_count", "claim_type", "claim_date", "closed_date", "closure_reason"]))
        {
            foreach (var r in rows)
                families.Add([.. Lineage(r), r.Date("ATTACHED_DATE"), r["LEAD_PRACTITIONER_SERVICE"].ToUpperInvariant(),
                    (short)r.Integer("FAMILY_SIZE_CHILDREN")!.Value, (short)r.Integer("FAMILY_SIZE_ADULTS")!.Value,
                    (short)SfSchema.Headlines.Count(h => Yes(r, h.NeedColumn)), Text(r["CLAIM_TYPE"]), r.Date("CLAIM_DATE"),
                    r.Date("CLOSED_DATE"), Text(r["CLOSURE_REASON"])]);
            written += families.Count;
        }
        using (var needs = context.Writer.Open("dw", "fact_sf_need",
                   ["submission_id", "la_key", "collection_year", "quarter", "family_key", "headline_code", "outcome_achieved", "outcome_date"]))
        {
            foreach (var r in rows)
                foreach (var h in SfSchema.Headlines.Where(h => Yes(r, h.NeedColumn)))
                    needs.Add([.. Lineage(r), h.Code, Yes(r, h.OutcomeColumn), r.Date(h.OutcomeDateColumn)]);
            written += needs.Count;
        }
        return written;
    }

    private static bool Yes(TableRow row, string column) => string.Equals(row[column], "Y", StringComparison.OrdinalIgnoreCase);

    private static string? Text(string value) => value.Length == 0 ? null : value.ToUpperInvariant();
}
