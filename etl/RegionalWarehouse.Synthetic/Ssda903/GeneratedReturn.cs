namespace RegionalWarehouse.Synthetic.Ssda903;

/// <summary>One generated 903 table: a header and rows of text, as a case-management export would hold them.</summary>
public sealed class GeneratedTable(TableSchema schema)
{
    public TableSchema Schema { get; } = schema;

    public List<string> Columns { get; } = [.. schema.Columns];

    public List<string[]> Rows { get; } = [];

    public int Column(string name) => Columns.IndexOf(name);
}

/// <summary>A generated return: one LA, one collection year, its tables.</summary>
public sealed class GeneratedReturn(string laCode, int year)
{
    public string LaCode { get; } = laCode;

    public int Year { get; } = year;

    /// <summary>The tables the DfE's return has in the year (the social worker episodes from 2023/24).</summary>
    public Dictionary<TableSchema, GeneratedTable> Tables { get; } =
        Ssda903Schema.Tables.Where(t => Ssda903Schema.PartOfTheReturnIn(t, year)).ToDictionary(t => t, t => new GeneratedTable(t));

    public GeneratedTable this[TableSchema schema] => Tables[schema];

    /// <summary>Extra files an error injection adds (name → content).</summary>
    public Dictionary<string, string> ExtraFiles { get; } = [];

    public long RowCount => Tables.Values.Sum(t => (long)t.Rows.Count);
}
