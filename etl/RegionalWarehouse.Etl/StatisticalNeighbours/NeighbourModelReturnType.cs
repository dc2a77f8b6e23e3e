using System.Text.RegularExpressions;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.StatisticalNeighbours;

/// <summary>
/// The DfE's children's services statistical neighbour model, loaded as published. The period is the model
/// version (2025-05 for May 2025); versions are kept side by side and the latest one is in force for every
/// neighbour comparison.
/// </summary>
public sealed partial class NeighbourModelReturnType : IReturnType
{
    public const string ReturnCode = "NEIGHBOURS";

    public string Code => ReturnCode;

    public IReadOnlyList<string> FactTables => ["dw.fact_statistical_neighbour"];

    public bool AcceptsRegionWide => true;

    public IEnumerable<RuleInfo> RuleCatalogue => NeighbourModelRules.All;

    public string? CheckPeriod(string period) => ModelVersion().IsMatch(period)
        ? null
        : $"'{period}' is not a model version. Use the year and month the DfE published it, e.g. 2025-05.";

    [GeneratedRegex(@"^(19|20)\d\d-(0[1-9]|1[0-2])$")]
    private static partial Regex ModelVersion();

    public PreparedReturn Prepare(IReadOnlyList<ReturnFile> files, SubmissionIdentity identity, IWarehouseEngine engine, Privacy.ChildPseudonymiser? pseudonymiser = null)
    {
        using var connection = engine.Open();
        return NeighbourModel.Read(files, identity, LaDirectory.ReadEngland(connection));
    }
}
