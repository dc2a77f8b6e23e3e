using RegionalWarehouse.Etl.Submissions;

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

    /// <summary>
    /// What a load changes: an LA's own return, its LA; a region-wide one (population, published data, the
    /// neighbour model) can move any LA's rates, so everything.
    /// </summary>
    public static MartScope AfterLoading(SubmissionIdentity identity) => identity.IsRegionWide ? Everything : ForLa(identity.LaCode);

    /// <summary>Both scopes' work in one refresh (loads that land before the refresh runs share it).</summary>
    public MartScope With(MartScope other) =>
        IsEverything || other.IsEverything ? Everything : new(LaCodes!.Union(other.LaCodes!, StringComparer.OrdinalIgnoreCase).ToHashSet(StringComparer.OrdinalIgnoreCase));

    public override string ToString() => IsEverything ? "every LA" : string.Join(", ", LaCodes!.Order(StringComparer.Ordinal));
}
