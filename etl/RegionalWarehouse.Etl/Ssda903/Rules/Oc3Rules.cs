using static RegionalWarehouse.Etl.Ssda903.Ssda903Schema;

namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>Every OC3 (care leavers) rule.</summary>
public static class Oc3Rules
{
    public static readonly IReadOnlyList<Rule903> All =
    [
        new CodeListRule("OC3-01", Oc3, "IN_TOUCH", required: true),
        new CodeListRule("OC3-02", Oc3, "ACTIV"),
        new CodeListRule("OC3-03", Oc3, "ACCOM"),
        new Oc3AgeRule(),
        new ChildInHeaderRule("OC3-05", Oc3),
        new RowRule("OC3-07", Oc3, "IN_TOUCH", "A child who died in care (an episode ending E2) has no care leaver record.",
            (r, d) => d.EpisodesByChild.TryGetValue(r.Child, out var chain) && chain.Any(e => e["REC"] == "E2"),
            "The child's episodes record that the child died in care, so there is no care leaver record. Check REC or remove the OC3 row."),
        new RowRule("OC3-06", Oc3, "IN_TOUCH", "A young person whose care was transferred to another LA (last REC E3) has no care leaver information.",
            (r, d) => d.EpisodesByChild.TryGetValue(r.Child, out var chain) && chain[^1]["REC"] == "E3"
                      && (!r.IsBlank("IN_TOUCH") || !r.IsBlank("ACTIV") || !r.IsBlank("ACCOM")),
            "This young person's care was transferred to another LA, which reports them as a care leaver: leave IN_TOUCH, ACTIV and ACCOM blank."),
    ];
}
