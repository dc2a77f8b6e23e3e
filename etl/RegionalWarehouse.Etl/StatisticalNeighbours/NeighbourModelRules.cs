namespace RegionalWarehouse.Etl.StatisticalNeighbours;

/// <summary>The statistical neighbour return's rules.</summary>
public static class NeighbourModelRules
{
    private const string Sheet = "LA SN Groups";

    public static readonly RuleInfo Submission = new("SN-01", Severity.Error, "(file)",
        "The submission is the DfE's statistical neighbour workbook (one .xlsx), submitted region-wide by the operator.");
    public static readonly RuleInfo Header = new("SN-02", Severity.Error, Sheet,
        "The sheet has the DfE's header row: LA num, LA Name, then SN1 to SN10, each followed by its closeness (SNP).");
    public static readonly RuleInfo LaNumber = new("SN-03", Severity.Error, Sheet, "LA num is a DfE LA code (a whole number).");
    public static readonly RuleInfo NeighbourNumber = new("SN-04", Severity.Error, Sheet,
        "Each of SN1–SN10 is a DfE LA code other than the LA's own (every current LA has ten).");
    public static readonly RuleInfo Closeness = new("SN-05", Severity.Warning, Sheet,
        "Closeness (SNP) is one of the model's bands: Extremely close, Very close, Close, Somewhat close, Not close.");
    public static readonly RuleInfo UnknownLa = new("SN-06", Severity.Warning, Sheet,
        "An LA code that is not an English LA the platform knows is loaded but used in no comparison.");
    public static readonly RuleInfo Duplicate = new("SN-07", Severity.Error, Sheet, "Each current LA has one row.");
    public static readonly RuleInfo TooLarge = new("SN-08", Severity.Error, Sheet, "The sheet has at most 1,000 rows (England has 153 LAs).");

    public static IReadOnlyList<RuleInfo> All { get; } = [Submission, Header, LaNumber, NeighbourNumber, Closeness, UnknownLa, Duplicate, TooLarge];

    public static readonly IReadOnlyList<string> Bands = ["Extremely close", "Very close", "Close", "Somewhat close", "Not close"];
}
