using System.Globalization;
using DuckDB.NET.Data;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Lait;

/// <summary>
/// One LAIT release staged for checking and loading. The Parquet file is read in place by an in-memory
/// DuckDB through a view (never materialised), checked with set-based queries, and streamed into the
/// warehouse at load; nothing holds the whole file in memory, and DuckDB's own working memory is capped
/// (spilling to the staging folder). Dispose removes the staging copy.
/// </summary>
public sealed class LaitRelease : PreparedReturn, IDisposable
{
    /// <summary>The published file is about 5 MB; anything far larger is refused before it is read.</summary>
    public const long MaxParquetBytes = 512L * 1024 * 1024;

    private readonly string _folder = Directory.CreateTempSubdirectory("rw-lait-").FullName;
    private readonly List<ValidationIssue> _issues = [];
    private readonly Dictionary<string, long> _rows = [];
    private DuckDBConnection? _staging;
    private string _valuesFile = "";
    private Dictionary<string, LaitIndicator> _dictionary = [];

    public override IReadOnlyList<ValidationIssue> Issues => _issues;

    public override IReadOnlyDictionary<string, long> RowsByTable => _rows;

    /// <summary>
    /// Half the warehouse's cap: this instance runs beside the warehouse's own buffer pool, and together they were most
    /// of the platform's peak memory (518 MB once) while a release loaded; its checks spill instead.
    /// </summary>
    public const string WorkingMemory = "64MB";

    public static LaitRelease Stage(IReadOnlyList<ReturnFile> files, SubmissionIdentity identity, LaDirectory england, string workingMemory = WorkingMemory)
    {
        var release = new LaitRelease();
        try
        {
            release.Check(files, identity, england, workingMemory);
        }
        // Only what the file caused rejects it. DuckDB running out of its capped working memory (under load, say)
        // is the platform's failure: it escapes, the load fails and the worker tries again, never telling the
        // operator that the DfE's own file "could not be read".
        catch (DuckDBException ex) when (ex.ErrorType is not (DuckDB.NET.Native.DuckDBErrorType.OutOfMemory or DuckDB.NET.Native.DuckDBErrorType.Interrupt))
        {
            release._issues.Add(new ValidationIssue(LaitRules.Columns.Code, Severity.Error, release._valuesFile, null, null, null, null,
                $"The big data set could not be read as Parquet ({DbMessage.FirstLine(ex)}). Submit lait_bds_long.parquet as the DfE publishes it."));
        }
        return release;
    }

    private void Check(IReadOnlyList<ReturnFile> files, SubmissionIdentity identity, LaDirectory england, string workingMemory)
    {
        if (!identity.IsRegionWide)
            Add(LaitRules.Submission, null, null, null, null, "LAIT is national data the operator loads for the whole region. Drop it under region/LAIT/{release year}/, not under an LA.");
        var parquet = files.Where(f => f.Name.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase)).ToList();
        var csv = files.Where(f => f.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).ToList();
        if (parquet.Count != 1 || csv.Count != 1)
        {
            Add(LaitRules.Submission, null, null, null, null,
                $"Found {parquet.Count} .parquet and {csv.Count} .csv file(s). Submit exactly lait_bds_long.parquet and lait_data_dictionary.csv, as downloaded from the DfE.");
            return;
        }
        foreach (var other in files.Except(parquet).Except(csv))
            Add(LaitRules.Submission with { Severity = Severity.Warning }, other.Name, null, null, null, "This file is not part of a LAIT release and was ignored.");

        var (dictionary, dictionaryIssues) = LaitDictionary.Read(csv[0]);
        _dictionary = dictionary;
        _issues.AddRange(dictionaryIssues);
        _rows["Data dictionary"] = dictionary.Count;

        _valuesFile = parquet[0].Name;
        var path = Path.Combine(_folder, "values.parquet");
        if (!CopyBounded(parquet[0], path))
        {
            Add(LaitRules.Submission, _valuesFile, null, null, null, $"The big data set is larger than {MaxParquetBytes / 1024 / 1024:N0} MB. Submit the DfE's file unchanged.");
            return;
        }
        _staging = new DuckDBConnection("DataSource=:memory:");
        _staging.Open();
        Execute($"set memory_limit = '{workingMemory}'; set threads = 2; set preserve_insertion_order = true; set temp_directory = '{_folder}'");
        var columns = Query($"select column_name from (describe select * from read_parquet('{path}'))", r => r.GetString(0)).ToHashSet();
        var missing = LaitSchema.ValueColumns.Where(c => !columns.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            Add(LaitRules.Columns, _valuesFile, null, null, null, $"The big data set has no column {string.Join(", ", missing)}. Submit lait_bds_long.parquet as the DfE publishes it.");
            return;
        }
        Execute($"""
            create view staged as
            select file_row_number + 1 as row, cast("Short Desc" as varchar) as indicator, cast("Data item" as varchar) as data_item,
                   cast("Years" as varchar) as years, cast("LA and Regions" as varchar) as area_name, cast("Values" as varchar) as value_text,
                   try_cast("LA Number" as double) as area_number, cast("LA Number" as varchar) as area_number_text, cast("Region" as varchar) as region
            from read_parquet('{path}', file_row_number = true)
            """);
        _rows["Big data set"] = Query("select count(*) from staged", r => r.GetInt64(0)).Single();

        foreach (var rule in LaitRules.RowRules)
            Findings(rule.Info, rule.Column, $"select row, left({SourceOf(rule.Column)}, 40) from staged where {rule.BadRowCondition} order by row", rule.Fix);
        Findings(LaitRules.Duplicate, LaitSchema.Years,
            // Grouped by a hash first: a table of 64-bit keys fits the capped memory where one of the strings did not
            // (it ran out at 48 MB now and then); the few suspect keys are then checked on the values themselves.
            """
            with suspect as (select hash(indicator, area_number, years) as h from staged group by 1 having count(*) > 1)
            select max(row), any_value(years) from staged where hash(indicator, area_number, years) in (select h from suspect)
            group by indicator, area_number, years having count(*) > 1 order by 1
            """,
            "This indicator, area and period appears on an earlier row too. Submit the DfE's file unchanged.");
        if (_issues.Any(i => i.Severity == Severity.Error))
            return;

        foreach (var (years, row) in Query("select years, min(row) from staged group by years order by 2", r => (r.GetString(0), r.GetInt64(1))))
            if (LaitPeriod.EndYear(years) is null)
                Add(LaitRules.UnreadablePeriod, _valuesFile, row, LaitSchema.Years, years, $"No year can be read from '{years}'; its values are kept but not compared.");
        foreach (var (indicator, row) in Query("select indicator, min(row) from staged group by indicator order by 2", r => (r.GetString(0), r.GetInt64(1))))
            if (!_dictionary.ContainsKey(indicator))
                Add(LaitRules.Undescribed, _valuesFile, row, LaitSchema.Indicator, indicator, $"{indicator} has no entry in the data dictionary, so it has no polarity.");
        foreach (var (area, row) in Query("select cast(area_number as integer), min(row) from staged group by 1 order by 2", r => (r.GetInt32(0), r.GetInt64(1))))
            if (area != LaitSchema.England && area is < LaitSchema.FirstRegion or > LaitSchema.LastRegion && england.ByKey(area) is null)
                Add(LaitRules.UnknownArea, _valuesFile, row, LaitSchema.AreaNumber, area.ToString(CultureInfo.InvariantCulture),
                    $"{area} is not an English LA, England or a region the platform knows.");
        foreach (var (symbol, row) in Query("select value_text, min(row) from staged group by value_text order by 2 limit 10000", r => (r.GetString(0), r.GetInt64(1))))
            if (symbol != LaitSchema.NoValue && LaitValue.Number(symbol) is null)
                Add(LaitRules.Symbol, _valuesFile, row, LaitSchema.Value, symbol, $"'{symbol}' is not a number; it is kept as a symbol.");
    }

    public override long Load(LoadContext context)
    {
        var dataItems = Query("""
            select indicator, arg_min(data_item, row) filter (where data_item is not null and data_item <> '') from staged group by indicator
            """, r => (r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1))).ToDictionary(x => x.Item1, x => x.Item2);
        using (var indicators = context.Writer.Open("dw", "lait_indicator",
                   ["submission_id", "indicator", "measure_code", "topic", "name", "data_item", "polarity", "y_axis_name", "description", "methodology", "source",
                    "decimal_places", "year_type", "no_quartile"]))
        {
            foreach (var indicator in dataItems.Keys.Union(_dictionary.Keys).Order(StringComparer.Ordinal))
            {
                var d = _dictionary.GetValueOrDefault(indicator);
                var item = dataItems.GetValueOrDefault(indicator);
                indicators.Add(context.SubmissionId, indicator, d?.MeasureCode, d?.Topic, d?.Name ?? item ?? indicator, item, d?.Polarity ?? "",
                    d?.YAxisName, d?.Description, d?.Methodology, d?.Source, d?.DecimalPlaces, d?.YearType, d?.NoQuartile);
            }
        }

        var endYears = new Dictionary<string, int?>();
        using var values = context.Writer.Open("dw", "fact_lait_value",
            ["submission_id", "indicator", "area_number", "area_name", "region_name", "years", "period_end_year", "value_text", "value", "symbol"]);
        using var command = _staging!.CreateCommand();
        command.CommandText = "select indicator, cast(area_number as smallint), area_name, region, years, value_text from staged order by row";
        command.UseStreamingMode = true;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var years = reader.GetString(4);
            if (!endYears.TryGetValue(years, out var end))
                endYears[years] = end = LaitPeriod.EndYear(years);
            var text = reader.GetString(5);
            var number = LaitValue.Number(text);
            values.Add(context.SubmissionId, reader.GetString(0), reader.GetInt16(1), reader.IsDBNull(2) ? "" : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), years, (short?)end, text, number, number is null ? text.Trim() : null);
        }
        return values.Count;
    }

    private void Findings(RuleInfo rule, string column, string sql, string fix)
    {
        var found = Query(sql, r => (Row: r.GetInt64(0), Value: r.IsDBNull(1) ? null : r.GetValue(1)?.ToString())).Take(LaitRules.FindingsPerRule + 1).ToList();
        foreach (var (row, value) in found.Take(LaitRules.FindingsPerRule))
            Add(rule, _valuesFile, row, column, value, fix);
        if (found.Count > LaitRules.FindingsPerRule)
            Add(rule, _valuesFile, null, column, null, $"More rows break this rule; only the first {LaitRules.FindingsPerRule} are listed.");
    }

    private static string SourceOf(string column) => column switch
    {
        LaitSchema.Indicator => "indicator",
        LaitSchema.AreaNumber => "area_number_text",
        LaitSchema.Years => "years",
        LaitSchema.Value => "value_text",
        _ => "area_name",
    };

    private void Add(RuleInfo rule, string? file, long? row, string? column, string? value, string message) =>
        _issues.Add(new ValidationIssue(rule.Code, rule.Severity, file, rule.Table, row is null ? null : (int)row, column, value, message));

    private void Execute(string sql)
    {
        using var command = _staging!.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private IEnumerable<T> Query<T>(string sql, Func<System.Data.Common.DbDataReader, T> map)
    {
        using var command = _staging!.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return map(reader);
    }

    private static bool CopyBounded(ReturnFile file, string path)
    {
        using var source = file.Open();
        using var target = File.Create(path);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += read;
            if (total > MaxParquetBytes)
                return false;
            target.Write(buffer, 0, read);
        }
        return true;
    }

    public void Dispose()
    {
        _staging?.Dispose();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>LAIT values are text: numbers (sometimes 1.5E-2) or a symbol such as "-".</summary>
public static class LaitValue
{
    public static double? Number(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;
}
