using RegionalWarehouse.Etl.Validation;

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

    public DateOnly? DateOfBirth(string child) => HeaderByChild.TryGetValue(child, out var h) ? h.Date("DOB") : null;
}
