namespace RegionalWarehouse.Etl.Ssda903;

/// <summary>
/// One LA's 903 return for one collection year, parsed but not yet trusted. Cross-table rules need the
/// whole return, so its rows are held here (a large LA's year is tens of thousands of short rows).
/// </summary>
public sealed class Ssda903Return(string laCode, int collectionYear)
{
    private readonly Dictionary<TableSchema, List<Record903>> _tables = Ssda903Schema.Read.ToDictionary(t => t, _ => new List<Record903>());
    private Dictionary<string, Record903>? _headerByChild;
    private Dictionary<string, List<Record903>>? _episodesByChild;

    public string LaCode { get; } = laCode;

    public int CollectionYear { get; } = collectionYear;

    /// <summary>1 April at the start of the collection year.</summary>
    public DateOnly YearStart => new(CollectionYear - 1, 4, 1);

    /// <summary>31 March at the end of the collection year.</summary>
    public DateOnly YearEnd => new(CollectionYear, 3, 31);

    /// <summary>The code lists the return is checked against (its collection year's codes are those valid in it).</summary>
    public CodeLists Codes { get; set; } = new([]);

    /// <summary>The LA's previous year's return as the warehouse holds it (none when not loaded, or not looked up).</summary>
    public PreviousReturn Previous { get; set; } = PreviousReturn.None;

    /// <summary>Problems with the files themselves, found while parsing.</summary>
    public List<ValidationIssue> FileIssues { get; } = [];

    /// <summary>Which file each table came from.</summary>
    public Dictionary<TableSchema, string> Sources { get; } = [];

    public IReadOnlyList<Record903> this[TableSchema table] => _tables[table];

    public long RowCount => _tables.Values.Sum(t => (long)t.Count);

    internal void Add(Record903 record) => _tables[record.Table].Add(record);

    /// <summary>The first Header row for each child.</summary>
    public IReadOnlyDictionary<string, Record903> HeaderByChild => _headerByChild ??= this[Ssda903Schema.Header]
        .Where(r => r.Child.Length > 0)
        .GroupBy(r => r.Child)
        .ToDictionary(g => g.Key, g => g.First());

    /// <summary>Each child's episodes with a readable start date, in start order.</summary>
    public IReadOnlyDictionary<string, List<Record903>> EpisodesByChild => _episodesByChild ??= this[Ssda903Schema.Episodes]
        .Where(r => r.Child.Length > 0 && r.Date("DECOM") is not null)
        .GroupBy(r => r.Child)
        .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Date("DECOM")).ToList());

    private readonly Dictionary<TableSchema, ILookup<string, Record903>> _rowsByChild = [];

    /// <summary>A child's rows in any table, from an index built once per table (rules ask this per row).</summary>
    public IEnumerable<Record903> RowsFor(TableSchema table, string child)
    {
        if (!_rowsByChild.TryGetValue(table, out var lookup))
            _rowsByChild[table] = lookup = this[table].Where(r => r.Child.Length > 0).ToLookup(r => r.Child);
        return lookup[child];
    }

    /// <summary>
    /// The child's other rows of the same table that come before this one by a date column (a tie goes to the row
    /// earlier in the file); none when this row has no such date.
    /// </summary>
    public IEnumerable<Record903> RowsBefore(Record903 row, string dateColumn) =>
        row.Date(dateColumn) is not { } day
            ? []
            : RowsFor(row.Table, row.Child).Where(o => !ReferenceEquals(o, row) && o.Date(dateColumn) is { } other && (other < day || other == day && o.Row < row.Row));

    /// <summary>The child's row of the same table just before this one by a date column (see <see cref="RowsBefore"/>).</summary>
    public Record903? RowBefore(Record903 row, string dateColumn) => RowsBefore(row, dateColumn).MaxBy(o => (o.Date(dateColumn), o.Row));

    /// <summary>The child's episode before this one, in start order (null for the first, or an episode without a start date).</summary>
    public Record903? EpisodeBefore(Record903 episode) =>
        EpisodesByChild.TryGetValue(episode.Child, out var chain) && chain.IndexOf(episode) is > 0 and var i ? chain[i - 1] : null;

    /// <summary>The child's episode after this one, in start order.</summary>
    public Record903? EpisodeAfter(Record903 episode) =>
        EpisodesByChild.TryGetValue(episode.Child, out var chain) && chain.IndexOf(episode) is >= 0 and var i && i < chain.Count - 1 ? chain[i + 1] : null;

    /// <summary>Whether this is the child's first episode in the return (in start order).</summary>
    public bool IsFirstEpisode(Record903 episode) =>
        EpisodesByChild.TryGetValue(episode.Child, out var chain) && ReferenceEquals(chain[0], episode);

    /// <summary>Whether every episode the child has this year is a short break (LS V3 or V4): the DfE collects less about such children.</summary>
    public bool OnlyShortBreaks(string child) =>
        EpisodesByChild.TryGetValue(child, out var chain) && chain.All(e => e["LS"] is "V3" or "V4");

    /// <summary>
    /// The child's periods of care in the return, in order: each from the start of a run of episodes, each starting
    /// no later than the one before ended, to the run's last end (null while it is open).
    /// </summary>
    public IReadOnlyList<PeriodOfCare> PeriodsOfCare(string child)
    {
        if (!EpisodesByChild.TryGetValue(child, out var chain))
            return [];
        var periods = new List<PeriodOfCare>();
        var start = chain[0].Date("DECOM")!.Value;
        DateOnly? end = chain[0].Date("DEC");
        foreach (var episode in chain.Skip(1))
        {
            var begins = episode.Date("DECOM")!.Value;
            if (end is { } ended && begins > ended)
            {
                periods.Add(new(start, end));
                start = begins;
            }
            end = episode.Date("DEC") is { } dec && (end is null || dec > end) ? dec : episode.IsBlank("DEC") ? null : end;
        }
        periods.Add(new(start, end));
        return periods;
    }

    /// <summary>The period of care the child was in on a day; null if not looked after then.</summary>
    public PeriodOfCare? PeriodOfCareOn(string child, DateOnly day) =>
        PeriodsOfCare(child).FirstOrDefault(p => p.Start <= day && (p.End is null || day <= p.End));

    /// <summary>Blanks the given columns in every table that has them (fields an agreement withholds); returns those found.</summary>
    public IReadOnlyList<string> Withhold(IReadOnlySet<string> fields)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var record in _tables.Values.SelectMany(t => t))
            foreach (var column in fields.Where(record.Has))
            {
                record.Blank(column);
                found.Add(column);
            }
        return [.. found];
    }

    /// <summary>
    /// Whether the child was an unaccompanied asylum-seeking child during the year: the XML Header's UASC item
    /// where the return has one, otherwise a UASC record (as the DfE reads the CSV form).
    /// </summary>
    public bool IsUasc(string child) =>
        HeaderByChild.TryGetValue(child, out var header) && header.Has("UASC") ? header["UASC"] == "1" : RowsFor(Ssda903Schema.Uasc, child).Any();

    public DateOnly? DateOfBirth(string child) => HeaderByChild.TryGetValue(child, out var h) ? h.Date("DOB") : null;
}

/// <summary>A continuous spell of being looked after (the end null while it is open).</summary>
public sealed record PeriodOfCare(DateOnly Start, DateOnly? End);
