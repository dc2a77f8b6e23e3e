namespace RegionalWarehouse.Etl.Ssda903;

/// <summary>
/// A 903 table: its columns, its key and the column that only it has, by which a file is recognised
/// whatever the supplier called it.
/// </summary>
public sealed record TableSchema(string Name, string Signature, string[] Columns, string[] Key, bool Required = false)
{
    /// <summary>Items one form of the return carries and the other does not (the XML Header's UASC flag): read when present, never required.</summary>
    public string[] Optional { get; init; } = [];

    public override string ToString() => Name;
}

/// <summary>
/// The tables of the SSDA903 return as the DfE specifies their headers, read from the specification
/// (Specification/tables.csv): each table's signature column, columns, key, whether it is required, whether
/// the platform loads it, and the collection years it is part of the return.
/// </summary>
public static class Ssda903Schema
{
    public const string ReturnType = "SSDA903";

    private static readonly IReadOnlyList<Specification.TableSpecification> Specified = Specification.TableSpecification.Read();

    private static TableSchema Loaded(string name) => Specified.Single(t => t.Name == name && t.Loaded).Schema;

    public static readonly TableSchema Header = Loaded("Header");

    public static readonly TableSchema Episodes = Loaded("Episodes");

    public static readonly TableSchema Reviews = Loaded("Reviews");

    public static readonly TableSchema Uasc = Loaded("UASC");

    public static readonly TableSchema Oc2 = Loaded("OC2");

    public static readonly TableSchema Oc3 = Loaded("OC3");

    public static readonly TableSchema Ad1 = Loaded("AD1");

    public static readonly TableSchema PlacedAdoption = Loaded("PlacedAdoption");

    public static readonly TableSchema PrevPerm = Loaded("PrevPerm");

    public static readonly TableSchema Missing = Loaded("Missing");

    /// <summary>The tables the platform loads: the ten of every year since 2019/20, and those added since.</summary>
    public static readonly IReadOnlyList<TableSchema> Tables = [.. Specified.Where(t => t.Loaded).Select(t => t.Schema)];

    /// <summary>The social worker episodes table, part of the DfE's return from 2023/24.</summary>
    public static readonly TableSchema SocialWorkerEpisodes = Loaded("Social worker episodes");

    /// <summary>Every table the parser reads: the loaded ones and those only checked.</summary>
    public static readonly IReadOnlyList<TableSchema> Read = [.. Specified.Select(t => t.Schema)];

    /// <summary>The year a table became part of the return (none for the tables of every year).</summary>
    public static int? FirstYear(TableSchema table) => Specified.Single(t => t.Schema == table).FirstYear;

    /// <summary>Whether a table is part of the return in a collection year.</summary>
    public static bool PartOfTheReturnIn(TableSchema table, int year) => Specified.Single(t => t.Schema == table).PartOfTheReturnIn(year);

    public static bool IsLoaded(TableSchema table) => Specified.Single(t => t.Schema == table).Loaded;

    /// <summary>
    /// Columns whose values identify a child: never echoed into reports or the warehouse. DUC, the date UASC status
    /// ceased, is usually the 18th birthday, so it gives the date of birth away; SW_ID identifies a member of staff.
    /// </summary>
    public static readonly IReadOnlySet<string> PersonalColumns =
        new HashSet<string>(["CHILD", "UPN", "DOB", "MC_DOB", "HOME_POST", "PL_POST", "DUC", "SW_ID"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The table whose signature column the header has; null when none does.</summary>
    public static TableSchema? Identify(IReadOnlyCollection<string> header) =>
        Read.Where(t => header.Contains(t.Signature)).MaxBy(t => t.Columns.Count(header.Contains));
}
