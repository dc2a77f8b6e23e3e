using System.Data.Common;
using RegionalWarehouse.Etl.Privacy;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Submissions;

/// <summary>
/// What the shared submission pipeline needs from a return type (903, Supporting Families, context):
/// how to read and validate its files, and how to load them.
/// </summary>
public interface IReturnType
{
    string Code { get; }

    /// <summary>
    /// Whether a file is part of what the return says (and so of its content hash): the same data arriving again with
    /// other notes or notices beside it is "unchanged", not a reload. Every file, unless the return type says otherwise.
    /// </summary>
    bool IsContent(ReturnFile file) => true;

    /// <summary>The fact tables a submission of this type owns; a resubmission replaces its rows in them.</summary>
    IReadOnlyList<string> FactTables { get; }

    /// <summary>Whether the operator may submit one file covering many LAs (landing folder "region").</summary>
    bool AcceptsRegionWide { get; }

    /// <summary>
    /// Whether the return is the LA's own data about its children and families, which the platform takes only
    /// under a data-sharing agreement (the 903, Supporting Families); public statistics (population, deprivation,
    /// the DfE's publications) need none.
    /// </summary>
    bool SharedUnderAgreement => false;

    /// <summary>Every rule a submission of this type is checked against (file rules included).</summary>
    IEnumerable<RuleInfo> RuleCatalogue { get; }

    /// <summary>Null when the period is acceptable, else what is wrong with it.</summary>
    string? CheckPeriod(string period);

    /// <summary>The last day a period covers, from which an agreement's retention runs; null for return types kept without limit.</summary>
    DateOnly? PeriodEnds(string period) => null;

    /// <summary>
    /// Reads and validates a submission. <paramref name="pseudonymiser"/> lets checks against what the
    /// warehouse holds (the 903's previous year) match children without the warehouse seeing an identifier.
    /// </summary>
    PreparedReturn Prepare(IReadOnlyList<ReturnFile> files, SubmissionIdentity identity, IWarehouseEngine engine, ChildPseudonymiser? pseudonymiser = null);
}

/// <summary>A parsed and validated return, ready to load if it has no errors.</summary>
public abstract class PreparedReturn
{
    public abstract IReadOnlyList<ValidationIssue> Issues { get; }

    /// <summary>Rows read per table, for the report.</summary>
    public abstract IReadOnlyDictionary<string, long> RowsByTable { get; }

    /// <summary>Writes the return's facts inside the load transaction; returns rows written.</summary>
    public abstract long Load(LoadContext context);

    /// <summary>
    /// Whether an error is about the return as a whole (unreadable, wrong file, missing column, wrong LA) and
    /// so rejects it. Record-level errors can be tolerated where the return type counts its children.
    /// </summary>
    public virtual bool IsStructural(ValidationIssue issue) => true;

    /// <summary>Children in the return, for the share with record-level errors; null where record errors always reject.</summary>
    public virtual int? Children => null;

    /// <summary>
    /// What the return holds, in the units a replacement is compared by (SUB-07): its children where the return type
    /// counts them, otherwise the rows it read (a Supporting Families quarter's families).
    /// </summary>
    public virtual long Subjects => Children ?? RowsByTable.Values.Sum();

    /// <summary>The unit of <see cref="Subjects"/>, for the finding.</summary>
    public string SubjectUnit => Children is null ? "rows" : "children";

    /// <summary>Children with record-level errors, where the return type counted them before capping its findings; else counted from the findings.</summary>
    public virtual int? ChildrenWithErrors => null;

    /// <summary>
    /// Leaves fields a data-sharing agreement withholds out of the load (after validation, so the LA's report
    /// still covers them); returns those of them the return held. Only child-level returns hold such fields.
    /// </summary>
    public virtual IReadOnlyList<string> Withhold(IReadOnlySet<string> fields) => [];

    /// <summary>Checks on the loaded data, read inside the load transaction before it commits (none unless the return type has some).</summary>
    public virtual IReadOnlyList<ReportSection> Reconcile(LoadContext context) => [];
}

/// <summary>LaKey is null for a region-wide submission, whose rows name their own LAs.</summary>
public sealed record LoadContext(
    DbConnection Connection,
    DbTransaction Transaction,
    IBulkWriter Writer,
    long SubmissionId,
    int? LaKey,
    SubmissionIdentity Identity,
    ChildPseudonymiser Pseudonymiser);
