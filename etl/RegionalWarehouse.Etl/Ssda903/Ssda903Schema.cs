namespace RegionalWarehouse.Etl.Ssda903;

/// <summary>
/// A 903 table: its columns, its key and the column that only it has, by which a file is recognised
/// whatever the supplier called it.
/// </summary>
public sealed record TableSchema(string Name, string Signature, string[] Columns, string[] Key, bool Required = false)
{
    public override string ToString() => Name;
}

/// <summary>The ten tables of the SSDA903 return, as the DfE specifies their headers.</summary>
public static class Ssda903Schema
{
    public const string ReturnType = "SSDA903";

    public static readonly TableSchema Header = new("Header", "ETHNIC",
        ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"], ["CHILD"], Required: true);

    public static readonly TableSchema Episodes = new("Episodes", "DECOM",
        ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"],
        ["CHILD", "DECOM"], Required: true);

    public static readonly TableSchema Reviews = new("Reviews", "REVIEW_CODE", ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"], ["CHILD", "REVIEW"]);

    public static readonly TableSchema Uasc = new("UASC", "DUC", ["CHILD", "SEX", "DOB", "DUC"], ["CHILD"]);

    public static readonly TableSchema Oc2 = new("OC2", "SDQ_SCORE",
        ["CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT",
         "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"], ["CHILD"]);

    public static readonly TableSchema Oc3 = new("OC3", "IN_TOUCH", ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"], ["CHILD"]);

    public static readonly TableSchema Ad1 = new("AD1", "DATE_INT",
        ["CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"], ["CHILD"]);

    public static readonly TableSchema PlacedAdoption = new("PlacedAdoption", "DATE_PLACED",
        ["CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"], ["CHILD", "DATE_PLACED"]);

    public static readonly TableSchema PrevPerm = new("PrevPerm", "PREV_PERM", ["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"], ["CHILD"]);

    public static readonly TableSchema Missing = new("Missing", "MIS_START", ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"], ["CHILD", "MIS_START"]);

    public static readonly IReadOnlyList<TableSchema> Tables = [Header, Episodes, Reviews, Uasc, Oc2, Oc3, Ad1, PlacedAdoption, PrevPerm, Missing];

    /// <summary>
    /// Tables the DfE's return holds that the platform does not load (yet): recognised by their signature
    /// column so a complete return is not rejected for including them. Social worker episodes are part of
    /// the return from 2023/24.
    /// </summary>
    public static readonly IReadOnlyList<(string Name, string Signature, int FromYear)> RecognisedNotLoaded =
    [
        ("Social worker episodes", "SW_ID", 2024),
    ];

    /// <summary>Columns whose values identify a child: never echoed into reports or the warehouse.</summary>
    public static readonly IReadOnlySet<string> PersonalColumns =
        new HashSet<string>(["CHILD", "UPN", "DOB", "MC_DOB", "HOME_POST", "PL_POST"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The table whose signature column the header has; null when none does.</summary>
    public static TableSchema? Identify(IReadOnlyCollection<string> header) =>
        Tables.Where(t => header.Contains(t.Signature)).MaxBy(t => t.Columns.Count(header.Contains));
}
