using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Dashboard;

/// <summary>Where the figures on the page come from: the releases loaded, the last load, when this was read, the licence.</summary>
public sealed record Provenance(string? LaitRelease, DateTime? LaitLoadedAt, string? NeighbourModel, string? Population, DateTime? LastLoad, DateTime ExtractedAt)
{
    public const string Licence = "Contains public sector information licensed under the Open Government Licence v3.0 (Department for Education, ONS): " +
                                  "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";

    public static Provenance Read(IWarehouseEngine engine)
    {
        using var connection = engine.Open();
        using var command = connection.Command(null, """
            select return_type, period, updated_at from etl.submission
            where is_current and la_code = 'region' and return_type in ('LAIT', 'NEIGHBOURS', 'POPULATION')
            union all
            select 'LAST', null, max(updated_at) from etl.submission where is_current
            """);
        using var reader = command.ExecuteReader();
        var read = new Dictionary<string, (string? Period, DateTime? At)>();
        while (reader.Read())
            read[reader.GetString(0)] = (reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : Convert.ToDateTime(reader.GetValue(2)));
        return new Provenance(read.GetValueOrDefault("LAIT").Period, read.GetValueOrDefault("LAIT").At, read.GetValueOrDefault("NEIGHBOURS").Period,
            read.GetValueOrDefault("POPULATION").Period, read.GetValueOrDefault("LAST").At, DateTime.UtcNow);
    }

    /// <summary>The header block of a download: one "# name: value" line each.</summary>
    public IEnumerable<string> HeaderLines()
    {
        yield return "# Regional Warehouse download: one value per cell; *_source columns say where a comparator came from (published = the DfE's, recomputed = from the members' returns, mixed = both).";
        yield return "# suppressed = true: a count of 1 to 5 or built on one (value left empty); unavailable = true: it could not be computed.";
        yield return "# band: A (best quarter by the DfE's polarity) to D; band_scope says whether across England or within the region.";
        yield return $"# LAIT release: {LaitRelease ?? "none loaded"}{(LaitLoadedAt is { } at ? $" (loaded {at:yyyy-MM-dd HH:mm} UTC)" : "")}";
        yield return $"# DfE statistical neighbour model: {NeighbourModel ?? "none loaded"}";
        yield return $"# ONS population estimates: {Population ?? "none loaded"}";
        yield return $"# last load: {(LastLoad is { } last ? $"{last:yyyy-MM-dd HH:mm} UTC" : "none")}";
        yield return $"# extracted: {ExtractedAt:yyyy-MM-dd HH:mm:ss} UTC";
        yield return $"# licence: {Licence}";
    }
}

/// <summary>
/// Every data endpoint also answers as a download (<c>?format=csv</c>): the same records the page draws from, one
/// value per cell with its own column for sources, suppression and band scope, under a header block naming the
/// releases, the last load, when it was extracted and the licence. Read back, it gives the API's numbers.
/// </summary>
public static class CsvDownloads
{
    public static RouteHandlerBuilder AsCsvWhenAsked(this RouteHandlerBuilder endpoint, IWarehouseEngine engine) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            if (!string.Equals(context.HttpContext.Request.Query["format"], "csv", StringComparison.OrdinalIgnoreCase))
                return result;
            var value = result is IValueHttpResult valued ? valued.Value : result is IResult ? null : result;
            if (value is null)
                return result;
            // No file name of its own: the page's download link names the file after the view, LA, year and measure.
            return Results.File(Encoding.UTF8.GetBytes(ToCsv(value, Provenance.Read(engine))), "text/csv; charset=utf-8");
        });

    public static string ToCsv(object value, Provenance provenance)
    {
        var json = JsonSerializer.SerializeToElement(value, JsonSerializerOptions.Web);
        var records = json.ValueKind == JsonValueKind.Array ? json
            : json.EnumerateObject().FirstOrDefault(p => p.Value.ValueKind == JsonValueKind.Array && p.Name is "points" or "hexes" or "lines").Value;
        var rows = records.ValueKind == JsonValueKind.Array ? records.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Object).ToList() : [];
        var columns = rows.SelectMany(r => r.EnumerateObject().Where(p => p.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)).Select(p => p.Name))
            .Distinct().ToList();
        var text = new StringBuilder();
        foreach (var line in provenance.HeaderLines())
            text.Append(line).Append("\r\n");
        text.Append(string.Join(',', columns.Select(Quote))).Append("\r\n");
        foreach (var row in rows)
            text.Append(string.Join(',', columns.Select(c => Quote(row.TryGetProperty(c, out var cell) ? Cell(cell) : "")))).Append("\r\n");
        return text.ToString();
    }

    private static string Cell(JsonElement cell) => cell.ValueKind switch
    {
        JsonValueKind.Number => cell.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        _ => cell.ToString(),
    };

    /// <summary>Quoted where CSV needs it; a text starting with = + - @ or a tab is prefixed with ' so no spreadsheet runs it as a formula.</summary>
    private static string Quote(string text)
    {
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0]) && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            text = "'" + text;
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }
}
