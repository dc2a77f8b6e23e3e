using RegionalWarehouse.Etl.Privacy;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Ssda903;

/// <summary>A child's Header items as the LA's previous year's return recorded them (month of birth only).</summary>
public sealed record PreviousChild(short? Sex, string? Ethnic, DateOnly? BirthMonth, bool? IsMother, DateOnly? MotherChildBirthMonth = null);

/// <summary>A decision to place the child for adoption as the previous year's return recorded it.</summary>
public sealed record PreviousDecision(DateOnly? Placed, DateOnly? Ceased, string? Reason);

/// <summary>The episode the LA's previous year's return left open for a child, as the warehouse holds it.</summary>
public sealed record OpenEpisode(DateOnly Start, string? Rne = null, string? LegalStatus = null, string? CategoryOfNeed = null,
    string? Place = null, string? Provider = null, string? Urn = null);

/// <summary>
/// The LA's previous year's 903, as far as the warehouse holds it: what the DfE's checks against last
/// year's return compare with. Children are matched by their keyed pseudonym, so the warehouse is asked
/// about no child identifier; an LA with no loaded previous year has nothing to compare with.
/// </summary>
public sealed class PreviousReturn(IReadOnlyDictionary<long, PreviousChild> children, Func<string, long> keyOf,
    IReadOnlyDictionary<long, OpenEpisode>? openEpisodes = null, IReadOnlyDictionary<long, List<PreviousDecision>>? decisions = null,
    IReadOnlyDictionary<long, DateOnly>? openMissing = null)
{
    public static readonly PreviousReturn None = new(new Dictionary<long, PreviousChild>(), _ => 0);

    private readonly IReadOnlyDictionary<long, OpenEpisode> _openEpisodes = openEpisodes ?? new Dictionary<long, OpenEpisode>();

    private readonly IReadOnlyDictionary<long, List<PreviousDecision>> _decisions = decisions ?? new Dictionary<long, List<PreviousDecision>>();

    private readonly IReadOnlyDictionary<long, DateOnly> _openMissing = openMissing ?? new Dictionary<long, DateOnly>();

    public int Count => children.Count;

    public PreviousChild? For(string child) => child.Length > 0 && children.TryGetValue(keyOf(child), out var previous) ? previous : null;

    /// <summary>The child's episode that last year's return left open, if it did.</summary>
    public OpenEpisode? OpenEpisodeOf(string child) => child.Length > 0 && _openEpisodes.TryGetValue(keyOf(child), out var open) ? open : null;

    /// <summary>The start of the missing or away spell last year's return left open for the child, if it did.</summary>
    public DateOnly? OpenMissingStart(string child) => child.Length > 0 && _openMissing.TryGetValue(keyOf(child), out var start) ? start : null;

    /// <summary>The child's decisions to place for adoption in last year's return (none if it recorded none).</summary>
    public IReadOnlyList<PreviousDecision> DecisionsOf(string child) =>
        child.Length > 0 && _decisions.TryGetValue(keyOf(child), out var decisions) ? decisions : [];

    public static PreviousReturn Read(IWarehouseEngine engine, ChildPseudonymiser pseudonymiser, string laCode, int year)
    {
        using var connection = engine.Open();
        using var command = connection.Command(null,
            "select child_key, sex, ethnic_code, birth_month, is_mother, mother_child_birth_month " +
            $"from dw.cla_child_as_recorded where dfe_code = {engine.Parameter("la")} and collection_year = {engine.Parameter("year")}",
            ("la", laCode), ("year", year));
        using var reader = command.ExecuteReader();
        var children = new Dictionary<long, PreviousChild>();
        while (reader.Read())
            children[Convert.ToInt64(reader.GetValue(0))] = new PreviousChild(
                reader.IsDBNull(1) ? null : Convert.ToInt16(reader.GetValue(1)),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : DbDate.ToDateOnly(reader.GetValue(3)),
                reader.IsDBNull(4) ? null : Convert.ToBoolean(reader.GetValue(4)),
                reader.IsDBNull(5) ? null : DbDate.ToDateOnly(reader.GetValue(5)));
        reader.Close();
        using var open = connection.Command(null,
            "select child_key, episode_start, rne, legal_status, category_of_need, placement_type, placement_provider, placement_urn " +
            $"from dw.cla_open_episode_as_recorded where dfe_code = {engine.Parameter("la")} and collection_year = {engine.Parameter("year")}",
            ("la", laCode), ("year", year));
        using var openReader = open.ExecuteReader();
        var openEpisodes = new Dictionary<long, OpenEpisode>();
        string? Text(int i) => openReader.IsDBNull(i) ? null : openReader.GetString(i);
        while (openReader.Read())
            openEpisodes[Convert.ToInt64(openReader.GetValue(0))] = new OpenEpisode(DbDate.ToDateOnly(openReader.GetValue(1)),
                Text(2), Text(3), Text(4), Text(5), Text(6), Text(7));
        openReader.Close();
        using var placed = connection.Command(null,
            "select child_key, date_placed, date_placed_ceased, reason_placed_ceased " +
            $"from dw.cla_placed_for_adoption_as_recorded where dfe_code = {engine.Parameter("la")} and collection_year = {engine.Parameter("year")}",
            ("la", laCode), ("year", year));
        using var placedReader = placed.ExecuteReader();
        var decisions = new Dictionary<long, List<PreviousDecision>>();
        DateOnly? Day(int i) => placedReader.IsDBNull(i) ? null : DbDate.ToDateOnly(placedReader.GetValue(i));
        while (placedReader.Read())
        {
            var key = Convert.ToInt64(placedReader.GetValue(0));
            if (!decisions.TryGetValue(key, out var list))
                decisions[key] = list = [];
            list.Add(new PreviousDecision(Day(1), Day(2), placedReader.IsDBNull(3) ? null : placedReader.GetString(3)));
        }
        placedReader.Close();
        using var missing = connection.Command(null,
            $"select child_key, missing_start from dw.cla_open_missing_as_recorded where dfe_code = {engine.Parameter("la")} and collection_year = {engine.Parameter("year")}",
            ("la", laCode), ("year", year));
        using var missingReader = missing.ExecuteReader();
        var openMissing = new Dictionary<long, DateOnly>();
        while (missingReader.Read())
            openMissing[Convert.ToInt64(missingReader.GetValue(0))] = DbDate.ToDateOnly(missingReader.GetValue(1));
        return new PreviousReturn(children, child => pseudonymiser.KeyFor(laCode, child), openEpisodes, decisions, openMissing);
    }
}
