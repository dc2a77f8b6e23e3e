namespace RegionalWarehouse.Etl.Benchmarks;

/// <summary>
/// Which LAs' measures a mart refresh recomputes from the facts: every LA, or the LAs whose returns were just
/// loaded (by DfE code). The comparators (region, neighbours, England, ranks and quartiles) are always rebuilt,
/// since one LA's new figures move them for everyone.
/// </summary>
public sealed class MartScope
{
    private MartScope(IReadOnlySet<string>? laCodes) => LaCodes = laCodes;

    public static readonly MartScope Everything = new(null);

    /// <summary>The LAs to recompute; null for every LA.</summary>
    public IReadOnlySet<string>? LaCodes { get; }

    public bool IsEverything => LaCodes is null;

    public static MartScope ForLa(string laCode) => new(new HashSet<string>([laCode.Trim()], StringComparer.OrdinalIgnoreCase));

    /// <summary>No LA's measures: the comparators only (after published data or the neighbour model change).</summary>
    public static readonly MartScope ComparatorsOnly = new(new HashSet<string>());

    /// <summary>
    /// What a load changes: an LA's own return, its LA's measures; population estimates, every LA's rates per
    /// 10,000 children; any other region-wide return (the DfE's published figures, LAIT, the neighbour model,
    /// deprivation and other context) only the comparators, since no LA's own measure is computed from them.
    /// </summary>
    public static MartScope AfterLoading(SubmissionIdentity identity) =>
        !identity.IsRegionWide ? ForLa(identity.LaCode)
        : identity.ReturnType.Equals(Context.PopulationReturnType.ReturnCode, StringComparison.OrdinalIgnoreCase) ? Everything
        : ComparatorsOnly;

    /// <summary>Both scopes' work in one refresh (loads that land before the refresh runs share it).</summary>
    public MartScope With(MartScope other) =>
        IsEverything || other.IsEverything ? Everything : new(LaCodes!.Union(other.LaCodes!, StringComparer.OrdinalIgnoreCase).ToHashSet(StringComparer.OrdinalIgnoreCase));

    public override string ToString() =>
        IsEverything ? "every LA" : LaCodes!.Count == 0 ? "no LA" : string.Join(", ", LaCodes!.Order(StringComparer.Ordinal));
}
