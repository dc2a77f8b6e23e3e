using RegionalWarehouse.Etl.Privacy;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Ssda903;

/// <summary>A child's Header items as the LA's previous year's return recorded them (month of birth only).</summary>
public sealed record PreviousChild(short? Sex, string? Ethnic, DateOnly? BirthMonth, bool? IsMother, DateOnly? MotherChildBirthMonth = null,
    long? UpnKey = null, string? UpnReason = null);

/// <summary>A decision to place the child for adoption as the previous year's return recorded it.</summary>
public sealed record PreviousDecision(DateOnly? Placed, DateOnly? Ceased, string? Reason);

/// <summary>The episode the LA's previous year's return left open for a child, as the warehouse holds it.</summary>
public sealed record OpenEpisode(DateOnly Start, string? Rne = null, string? LegalStatus = null, string? CategoryOfNeed = null,
    string? Place = null, string? Provider = null, string? Urn = null);

/// <summary>A child's UASC record in the previous year's return: the date the status ceased, if it gave one.</summary>
public sealed record PreviousUasc(DateOnly? Ceased);

/// <summary>A child's social worker episode last year's return left open: the worker's pseudonym, its start and reason.</summary>
public sealed record OpenSocialWorkerEpisode(long? SocialWorker, DateOnly Start, string? Reason);

/// <summary>
/// The LA's earlier 903 returns, as far as the warehouse holds them: what the DfE's checks against last
/// year's return (and, for adoption and care leavers, against the child's whole history) compare with.
/// Children are matched by their keyed pseudonym, so the warehouse is asked about no child identifier; an
/// LA with no loaded previous year has nothing to compare with.
/// </summary>
public sealed class PreviousReturn(IReadOnlyDictionary<long, PreviousChild> children, Func<string, long> keyOf)
{
    public static readonly PreviousReturn None = new(new Dictionary<long, PreviousChild>(), _ => 0);

    /// <summary>Each child's episode last year's return left open.</summary>
    public IReadOnlyDictionary<long, OpenEpisode> OpenEpisodes { get; init; } = new Dictionary<long, OpenEpisode>();

    /// <summary>Each child's decisions to place for adoption in last year's return.</summary>
    public IReadOnlyDictionary<long, List<PreviousDecision>> Decisions { get; init; } = new Dictionary<long, List<PreviousDecision>>();

    /// <summary>The start of each child's missing or away spell last year's return left open.</summary>
    public IReadOnlyDictionary<long, DateOnly> OpenMissing { get; init; } = new Dictionary<long, DateOnly>();

    /// <summary>Each child last year's return recorded as an unaccompanied asylum-seeking child.</summary>
    public IReadOnlyDictionary<long, PreviousUasc> Uasc { get; init; } = new Dictionary<long, PreviousUasc>();

    /// <summary>The day each child was adopted from care (an episode ending E11 or E12), in any earlier year held.</summary>
    public IReadOnlyDictionary<long, DateOnly> Adopted { get; init; } = new Dictionary<long, DateOnly>();

    /// <summary>The earlier years in which each child was looked after (had an episode), of those held.</summary>
    public IReadOnlyDictionary<long, HashSet<int>> LookedAfterIn { get; init; } = new Dictionary<long, HashSet<int>>();

    /// <summary>When each child's latest episode in last year's return began (open or not).</summary>
    public IReadOnlyDictionary<long, DateOnly> LatestEpisodeStarts { get; init; } = new Dictionary<long, DateOnly>();

    /// <summary>Each child's social worker episode last year's return left open.</summary>
    public IReadOnlyDictionary<long, OpenSocialWorkerEpisode> OpenSocialWorkerEpisodes { get; init; } = new Dictionary<long, OpenSocialWorkerEpisode>();

    /// <summary>A UPN's pseudonym, keyed as the loader keys it.</summary>
    public Func<string, long> UpnKeyOf { get; init; } = _ => 0;

    /// <summary>A social worker's pseudonym, keyed as the loader keys SW_ID.</summary>
    public Func<string, long> SocialWorkerKeyOf { get; init; } = _ => 0;

    /// <summary>The earlier collection years whose return the warehouse holds for the LA.</summary>
    public IReadOnlySet<int> YearsHeld { get; init; } = new HashSet<int>();

    public int Count => children.Count;

    public PreviousChild? For(string child) => Find(children, child);

    /// <summary>The child's episode that last year's return left open, if it did.</summary>
    public OpenEpisode? OpenEpisodeOf(string child) => Find(OpenEpisodes, child);

    /// <summary>The start of the missing or away spell last year's return left open for the child, if it did.</summary>
    public DateOnly? OpenMissingStart(string child) => child.Length > 0 && OpenMissing.TryGetValue(keyOf(child), out var start) ? start : null;

    /// <summary>When the child's latest episode in last year's return began, if it had one.</summary>
    public DateOnly? LatestEpisodeStartOf(string child) => child.Length > 0 && LatestEpisodeStarts.TryGetValue(keyOf(child), out var start) ? start : null;

    /// <summary>The child's decisions to place for adoption in last year's return (none if it recorded none).</summary>
    public IReadOnlyList<PreviousDecision> DecisionsOf(string child) => Find(Decisions, child) ?? [];

    /// <summary>The child's social worker episode last year's return left open, if it did.</summary>
    public OpenSocialWorkerEpisode? OpenSocialWorkerEpisodeOf(string child) => Find(OpenSocialWorkerEpisodes, child);

    /// <summary>The child's UASC record in last year's return, if it had one.</summary>
    public PreviousUasc? UascOf(string child) => Find(Uasc, child);

    /// <summary>The day an earlier return recorded the child's adoption from care, if one did.</summary>
    public DateOnly? AdoptedOn(string child) => child.Length > 0 && Adopted.TryGetValue(keyOf(child), out var day) ? day : null;

    /// <summary>Whether any earlier return held records the child as looked after in one of the years from <paramref name="firstYear"/>.</summary>
    public bool LookedAfterSince(string child, int firstYear) => Find(LookedAfterIn, child) is { } years && years.Any(y => y >= firstYear);

    private T? Find<T>(IReadOnlyDictionary<long, T> byChild, string child) where T : class =>
        child.Length > 0 && byChild.TryGetValue(keyOf(child), out var found) ? found : null;

    /// <summary>What the warehouse holds of the LA's returns before <paramref name="year"/> (last year is <paramref name="year"/> - 1).</summary>
    public static PreviousReturn Read(IWarehouseEngine engine, ChildPseudonymiser pseudonymiser, string laCode, int year)
    {
        using var connection = engine.Open();
        // Each view is read for the LA's last year, or every earlier year; a row's first two columns are the year and the child's key.
        void Each(string view, string columns, Action<long, LastYearRow> row, bool everyEarlierYear = false)
        {
            using var command = connection.Command(null,
                $"select collection_year, child_key, {columns} from {view} where dfe_code = {engine.Parameter("la")} " +
                $"and collection_year {(everyEarlierYear ? "<" : "=")} {engine.Parameter("year")}",
                ("la", laCode), ("year", everyEarlierYear ? year : year - 1));
            using var reader = command.ExecuteReader();
            while (reader.Read())
                row(Convert.ToInt64(reader.GetValue(1)), new LastYearRow(reader));
        }

        var children = new Dictionary<long, PreviousChild>();
        Each("dw.cla_child_as_recorded", "sex, ethnic_code, birth_month, is_mother, mother_child_birth_month, upn_key, upn_reason",
            (key, r) => children[key] = new PreviousChild(r.Short(2), r.Text(3), r.Day(4), r.Flag(5), r.Day(6), r.Long(7), r.Text(8)));
        var openEpisodes = new Dictionary<long, OpenEpisode>();
        Each("dw.cla_open_episode_as_recorded", "episode_start, rne, legal_status, category_of_need, placement_type, placement_provider, placement_urn",
            (key, r) => openEpisodes[key] = new OpenEpisode(r.Day(2)!.Value, r.Text(3), r.Text(4), r.Text(5), r.Text(6), r.Text(7), r.Text(8)));
        var decisions = new Dictionary<long, List<PreviousDecision>>();
        Each("dw.cla_placed_for_adoption_as_recorded", "date_placed, date_placed_ceased, reason_placed_ceased", (key, r) =>
        {
            if (!decisions.TryGetValue(key, out var list))
                decisions[key] = list = [];
            list.Add(new PreviousDecision(r.Day(2), r.Day(3), r.Text(4)));
        });
        var openMissing = new Dictionary<long, DateOnly>();
        Each("dw.cla_open_missing_as_recorded", "missing_start", (key, r) => openMissing[key] = r.Day(2)!.Value);
        var uasc = new Dictionary<long, PreviousUasc>();
        Each("dw.cla_uasc_as_recorded", "date_uasc_ceased", (key, r) => uasc[key] = new PreviousUasc(r.Day(2)));
        var openSocialWorker = new Dictionary<long, OpenSocialWorkerEpisode>();
        Each("dw.cla_open_social_worker_episode_as_recorded", "social_worker_key, sw_episode_start, sw_reason",
            (key, r) => openSocialWorker[key] = new OpenSocialWorkerEpisode(r.Long(2), r.Day(3)!.Value, r.Text(4)));
        var adopted = new Dictionary<long, DateOnly>();
        Each("dw.cla_adopted_as_recorded", "adopted_on", (key, r) => adopted[key] = r.Day(2)!.Value, everyEarlierYear: true);
        var lookedAfter = new Dictionary<long, HashSet<int>>();
        var held = new HashSet<int>();
        var latestStarts = new Dictionary<long, DateOnly>();
        Each("dw.cla_looked_after_as_recorded", "latest_episode_start", (key, r) =>
        {
            held.Add(r.Year);
            if (r.Year == year - 1)
                latestStarts[key] = r.Day(2)!.Value;
            if (!lookedAfter.TryGetValue(key, out var years))
                lookedAfter[key] = years = [];
            years.Add(r.Year);
        }, everyEarlierYear: true);
        return new PreviousReturn(children, child => pseudonymiser.KeyFor(laCode, child))
        {
            OpenEpisodes = openEpisodes,
            Decisions = decisions,
            OpenMissing = openMissing,
            Uasc = uasc,
            Adopted = adopted,
            LookedAfterIn = lookedAfter,
            LatestEpisodeStarts = latestStarts,
            YearsHeld = held,
            OpenSocialWorkerEpisodes = openSocialWorker,
            SocialWorkerKeyOf = id => pseudonymiser.SocialWorkerKeyFor(laCode, id),
            UpnKeyOf = upn => pseudonymiser.UpnKeyFor(laCode, upn),
        };
    }

    /// <summary>One row of a previous-year view, its nullable columns read as the records want them.</summary>
    private readonly struct LastYearRow(System.Data.IDataRecord record)
    {
        public int Year => Convert.ToInt32(record.GetValue(0));

        public string? Text(int i) => record.IsDBNull(i) ? null : record.GetString(i);

        public DateOnly? Day(int i) => record.IsDBNull(i) ? null : DbDate.ToDateOnly(record.GetValue(i));

        public long? Long(int i) => record.IsDBNull(i) ? null : Convert.ToInt64(record.GetValue(i));

        public short? Short(int i) => record.IsDBNull(i) ? null : Convert.ToInt16(record.GetValue(i));

        public bool? Flag(int i) => record.IsDBNull(i) ? null : Convert.ToBoolean(record.GetValue(i));
    }
}
