using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Lait;

/// <summary>
/// The DfE's Local Authority Interactive Tool data (LAIT): every indicator for every English LA, region and
/// England over ten years, loaded as published. The operator submits it region-wide; the period is the
/// release (e.g. 2025). It gives the benchmarks their England, region and non-member neighbour values,
/// the national rank, and a published figure beside each member's own.
/// </summary>
public sealed class LaitReturnType : IReturnType
{
    public string Code => LaitSchema.ReturnType;

    public IReadOnlyList<string> FactTables => ["dw.fact_lait_value", "dw.lait_indicator"];

    public bool AcceptsRegionWide => true;

    /// <summary>A LAIT release is its values (.parquet) and data dictionary (.csv); notices or readmes beside them are ignored.</summary>
    public bool IsContent(ReturnFile file) =>
        file.Name.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) || file.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<RuleInfo> RuleCatalogue => LaitRules.All;

    public string? CheckPeriod(string period) => PeriodText.YearProblem(period, 2010, "a LAIT release year",
        $"'{period}' is not a LAIT release year. Use the year of the release, e.g. 2025.");

    public PreparedReturn Prepare(IReadOnlyList<ReturnFile> files, SubmissionIdentity identity, IWarehouseEngine engine, Privacy.ChildPseudonymiser? pseudonymiser = null)
    {
        using var connection = engine.Open();
        return LaitRelease.Stage(files, identity, LaDirectory.ReadEngland(connection));
    }
}
