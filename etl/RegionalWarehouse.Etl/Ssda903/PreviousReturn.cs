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
        // Each view is read for the LA's year; a row's first column is the child's key.
        void Each(string view, string columns, Action<long, LastYearRow> row)
        {
            using var command = connection.Command(null,
                $"select child_key, {columns} from {view} where dfe_code = {engine.Parameter("la")} and collection_year = {engine.Parameter("year")}",
                ("la", laCode), ("year", year));
            using var reader = command.ExecuteReader();
            while (reader.Read())
                row(Convert.ToInt64(reader.GetValue(0)), new LastYearRow(reader));
        }

        var children = new Dictionary<long, PreviousChild>();
        Each("dw.cla_child_as_recorded", "sex, ethnic_code, birth_month, is_mother, mother_child_birth_month",
            (key, r) => children[key] = new PreviousChild(r.Short(1), r.Text(2), r.Day(3), r.Flag(4), r.Day(5)));
        var openEpisodes = new Dictionary<long, OpenEpisode>();
        Each("dw.cla_open_episode_as_recorded", "episode_start, rne, legal_status, category_of_need, placement_type, placement_provider, placement_urn",
            (key, r) => openEpisodes[key] = new OpenEpisode(r.Day(1)!.Value, r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6), r.Text(7)));
        var decisions = new Dictionary<long, List<PreviousDecision>>();
        Each("dw.cla_placed_for_adoption_as_recorded", "date_placed, date_placed_ceased, reason_placed_ceased", (key, r) =>
        {
            if (!decisions.TryGetValue(key, out var list))
                decisions[key] = list = [];
            list.Add(new PreviousDecision(r.Day(1), r.Day(2), r.Text(3)));
        });
        var openMissing = new Dictionary<long, DateOnly>();
        Each("dw.cla_open_missing_as_recorded", "missing_start", (key, r) => openMissing[key] = r.Day(1)!.Value);
        return new PreviousReturn(children, child => pseudonymiser.KeyFor(laCode, child), openEpisodes, decisions, openMissing);
    }

    /// <summary>One row of a previous-year view, its nullable columns read as the records want them.</summary>
    private readonly struct LastYearRow(System.Data.IDataRecord record)
    {
        public string? Text(int i) => record.IsDBNull(i) ? null : record.GetString(i);

        public DateOnly? Day(int i) => record.IsDBNull(i) ? null : DbDate.ToDateOnly(record.GetValue(i));

        public short? Short(int i) => record.IsDBNull(i) ? null : Convert.ToInt16(record.GetValue(i));

        public bool? Flag(int i) => record.IsDBNull(i) ? null : Convert.ToBoolean(record.GetValue(i));
    }
}
