namespace RegionalWarehouse.Etl.Lait;

/// <summary>
/// The two files of a LAIT release as the DfE publishes them: the "big data set" in long form (Parquet)
/// and its data dictionary (CSV). Column names are the DfE's own.
/// </summary>
public static class LaitSchema
{
    public const string ReturnType = "LAIT";

    public const string Indicator = "Short Desc", DataItem = "Data item", Years = "Years", AreaName = "LA and Regions", Value = "Values",
        AreaNumber = "LA Number", Region = "Region";

    public static readonly IReadOnlyList<string> ValueColumns = [Indicator, DataItem, Years, AreaName, Value, AreaNumber, Region];

    public static readonly IReadOnlyList<string> DictionaryColumns =
        ["Measure_code", "Topic", "Measure", "Measure_short", "Polarity", "y_axis_name", "Description", "Methodology", "dps", "Year_Type", "No_Quartile"];

    /// <summary>The column of the dictionary naming each indicator's source; the DfE's heading, kept as published.</summary>
    public const string DictionarySource = "Data Owner (DO) /Supplier and Contact Details";

    /// <summary>England and the regions in LAIT's area numbering (LAs use their DfE code).</summary>
    public const int England = 970, FirstRegion = 980, LastRegion = 990;

    /// <summary>What LAIT writes where no value is published.</summary>
    public const string NoValue = "-";

    /// <summary>The polarities the dictionary uses: High or Low is better; "-" and NA have none.</summary>
    public static readonly IReadOnlySet<string> Polarities = new HashSet<string>(["High", "Low", "-", "NA", ""], StringComparer.OrdinalIgnoreCase);

    /// <summary>The attribution the Open Government Licence asks for wherever this data is shown.</summary>
    public const string Attribution = "Contains public sector information licensed under the Open Government Licence v3.0 (Department for Education).";
}
