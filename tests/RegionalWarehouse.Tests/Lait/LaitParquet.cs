using Parquet;
using Parquet.Schema;
using Parquet.Serialization;
using RegionalWarehouse.Synthetic.Demo;

namespace RegionalWarehouse.Tests.Lait;

/// <summary>One row of LAIT's big data set as a separate Parquet library (Parquet.Net, not DuckDB) reads it.</summary>
public sealed record LaitCell(string Indicator, string Years, string Area, string Value, double? AreaNumber);

/// <summary>Reads the shipped LAIT file independently of the platform, and writes small LAIT-shaped files for tests.</summary>
public static class LaitParquet
{
    /// <summary>A data dictionary in the DfE's layout describing one indicator, LACnum.</summary>
    public const string SmallDictionary = """
        "Measure_code","Topic","Measure","Measure_short","Polarity","y_axis_name","Description","Methodology","dps","Year_Type","No_Quartile"
        "1","Children's Social Care","Number of Children looked after","LACnum","-","Number","Children looked after at 31 March","From the SSDA903","0","Annual",NA
        """;

    public static async Task<List<LaitCell>> ReadShipped()
    {
        using var stream = PublishedData.Open("lait_bds_long.parquet");
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        await using var reader = await ParquetReader.CreateAsync(copy);
        var fields = reader.Schema.GetDataFields().ToDictionary(f => f.Name);
        var cells = new List<LaitCell>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = (int)group.RowCount;
            async Task<string?[]> Text(string name)
            {
                var values = new string?[n];
                await group.ReadAsync(fields[name], values.AsMemory(), null, default);
                return values;
            }
            var indicator = await Text("Short Desc");
            var years = await Text("Years");
            var area = await Text("LA and Regions");
            var value = await Text("Values");
            var number = new double?[n];
            await group.ReadAsync<double>(fields["LA Number"], number.AsMemory(), null, default);
            for (var i = 0; i < n; i++)
                cells.Add(new LaitCell(indicator[i]!, years[i]!, area[i] ?? "", value[i]!, number[i]));
        }
        return cells;
    }

    /// <summary>A LAIT-shaped file with the DfE's seven columns (LA Number as a double, as published).</summary>
    public static void Write(string path, IEnumerable<(string Indicator, string? DataItem, string Years, string Area, string Value, double? Number, string Region)> rows)
    {
        var schema = new ParquetSchema(new DataField<string>("Short Desc"), new DataField<string>("Data item"), new DataField<string>("Years"),
            new DataField<string>("LA and Regions"), new DataField<string>("Values"), new DataField<double?>("LA Number"), new DataField<string>("Region"));
        var data = rows.Select(r => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["Short Desc"] = r.Indicator,
            ["Data item"] = r.DataItem,
            ["Years"] = r.Years,
            ["LA and Regions"] = r.Area,
            ["Values"] = r.Value,
            ["LA Number"] = r.Number,
            ["Region"] = r.Region,
        }).ToList();
        using var file = File.Create(path);
        ParquetSerializer.SerializeUntypedAsync(data, schema, file, null, null, default).GetAwaiter().GetResult();
    }
}
