using static RegionalWarehouse.Etl.Ssda903.Ssda903Schema;

namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>Every Missing (missing or away from placement) rule.</summary>
public static class MissingRules
{
    public static readonly IReadOnlyList<Rule903> All =
    [
        new CodeListRule("MIS-01", Missing, "MISSING", required: true),
        new DateRule("MIS-02", Missing, "MIS_START", required: true),
        new DateOrderRule("MIS-03", Missing, "MIS_START", "MIS_END"),
        new ChildInHeaderRule("MIS-04", Missing),
        new DateRule("MIS-05", Missing, "MIS_END", required: false),
        new HasEpisodesRule("MIS-06", Missing),
    ];
}
