using System.Net.Http.Json;
using System.Text.Json;

namespace RegionalWarehouse.Tests.Dashboard;

/// <summary>
/// The map and scatter figures the dashboard serves, each checked against a reference computed another way:
/// straight from the marts and the raw published LAIT rows, and DuckDB's own corr()/regr_slope() over every year.
/// </summary>
[Collection(DemoDashboardCollection.Name)]
public sealed class MapAndCorrelationTests(DemoDashboard demo)
{
    private readonly HttpClient _http = new() { BaseAddress = demo.Address };

    private TemporaryWarehouse Warehouse => demo.Harness.Warehouse;

    [Fact]
    public async Task Every_year_the_map_shows_each_members_own_figure_and_the_dfes_published_one_for_every_other_la()
    {
        foreach (var year in new[] { 2022, 2023, 2024 })
        {
            var map = await _http.GetFromJsonAsync<JsonElement>($"/api/map?metric=stability_short_term_pct&year={year}&scope=england");
            var hexes = map.GetProperty("hexes").EnumerateArray().ToList();
            Assert.Equal(153, hexes.Count);

            foreach (var hex in hexes.Where(h => h.GetProperty("member").GetBoolean()))
            {
                var code = hex.GetProperty("dfeCode").GetString();
                var mart = Assert.Single(Warehouse.Rows($"""
                    select b.value, b.suppressed from mart.benchmark b join ref.local_authority la on la.la_key = b.la_key
                    where la.dfe_code = '{code}' and b.collection_year = {year} and b.metric_id = 'stability_short_term_pct'
                    """));
                var (value, suppressed) = ((double?)mart[0], (bool)mart[1]!);
                Assert.Equal(suppressed, hex.GetProperty("suppressed").GetBoolean());
                Assert.Equal(suppressed ? null : value, Number(hex, "value"));
            }

            // Every other LA: LAIT's own row for the indicator the metric maps to, read from the raw table.
            var published = Warehouse.Rows($"""
                select la.dfe_code, v.value from dw.lait_value v
                join ref.published_metric m on m.indicator = v.indicator and m.source = 'LAIT' and m.metric_id = 'stability_short_term_pct'
                join ref.local_authority la on la.la_key = v.area_number
                where v.period_end_year = {year} and not la.is_platform_member
                order by v.submission_id, v.years
                """).Select(r => (Code: (string)r[0]!, Value: (double?)r[1])).ToList();
            Assert.NotEmpty(published);
            foreach (var (code, value) in published.GroupBy(p => p.Code).Select(g => g.Last()))
            {
                var hex = hexes.SingleOrDefault(h => h.GetProperty("dfeCode").GetString() == code);
                if (hex.ValueKind == JsonValueKind.Undefined)
                    continue;   // an LA abolished before the layout's date (e.g. Northamptonshire) has no hexagon
                if (hex.TryGetProperty("valueOf", out var predecessor) && predecessor.ValueKind == JsonValueKind.String)
                    continue;   // a year before the LA existed: its predecessor's figure, said so (PredecessorMapTests)
                Assert.Equal(value, Number(hex, "value"));
                Assert.Equal("published", hex.GetProperty("source").GetString());
            }
        }
    }

    [Fact]
    public async Task The_maps_bands_follow_polarity_a_being_the_best_quarter_of_the_las_with_a_value()
    {
        var map = await _http.GetFromJsonAsync<JsonElement>("/api/map?metric=stability_short_term_pct&year=2024&scope=england");
        var valued = map.GetProperty("hexes").EnumerateArray().Where(h => Number(h, "value") is not null)
            .Select(h => (Value: Number(h, "value")!.Value, Band: h.GetProperty("band").GetString()!)).ToList();

        // Lower is better: the lowest quarter of values is band A, the highest D; ranks sorted independently here.
        var sorted = valued.OrderBy(v => v.Value).ToList();
        Assert.Equal("A", sorted[0].Band);
        Assert.Equal("D", sorted[^1].Band);
        for (var i = 0; i < sorted.Count; i++)
        {
            var rank = 1 + sorted.Count(o => o.Value < sorted[i].Value);
            Assert.Equal("ABCD"[(rank - 1) * 4 / sorted.Count].ToString(), sorted[i].Band);
        }
    }

    [Fact]
    public async Task Pearsons_r_n_and_the_fitted_line_agree_with_duckdbs_own_for_every_year()
    {
        foreach (var year in new[] { 2022, 2023, 2024 })
        {
            var served = await _http.GetFromJsonAsync<JsonElement>($"/api/correlation?metric=cla_rate_per_10k&indicator=imd_average_score&year={year}");
            var reference = Assert.Single(Warehouse.Rows($"""
                select corr(b.value, i.value), regr_slope(b.value, i.value), regr_intercept(b.value, i.value), count(*)
                from mart.benchmark b
                join ref.local_authority la on la.la_key = b.la_key and la.is_platform_member
                join dw.indicator_value i on i.la_key = b.la_key and i.indicator_code = 'imd_average_score'
                where b.metric_id = 'cla_rate_per_10k' and b.collection_year = {year} and not b.suppressed and b.value is not null
                """));
            var (r, slope, intercept, n) = ((double)reference[0]!, (double)reference[1]!, (double)reference[2]!, Convert.ToInt64(reference[3]));

            Assert.Equal(11, n);
            Assert.Equal(n, served.GetProperty("n").GetInt32());
            Assert.Equal(r, served.GetProperty("r").GetDouble(), 9);
            Assert.Equal(slope, served.GetProperty("slope").GetDouble(), 9);
            Assert.Equal(intercept, served.GetProperty("intercept").GetDouble(), 9);
            Assert.Contains("weak evidence", served.GetProperty("caution").GetString());
        }
    }

    [Fact]
    public async Task Across_england_the_scatter_adds_every_la_with_a_published_figure_and_marks_the_members()
    {
        // The LAIT indicator published for the most LAs that year: a real contextual figure for every area.
        var lait = Warehouse.Scalar<string>("select indicator from dw.lait_value where period_end_year = 2023 and area_number < 970 group by indicator order by count(distinct area_number) desc, indicator limit 1");
        var served = await _http.GetFromJsonAsync<JsonElement>($"/api/correlation?metric=cla_rate_per_10k&indicator={lait}&year=2023&scope=england");
        var points = served.GetProperty("points").EnumerateArray().ToList();

        Assert.True(points.Count > 100, $"only {points.Count} LAs paired across England");
        Assert.Equal(points.Count, served.GetProperty("n").GetInt32());
        Assert.Equal(11, points.Count(p => p.GetProperty("member").GetBoolean()));
        Assert.All(points.Where(p => !p.GetProperty("member").GetBoolean()), p => Assert.Equal("published", p.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task An_unknown_metric_or_scope_is_a_clear_bad_request()
    {
        var metric = await _http.GetAsync("/api/map?metric=nope&year=2024");
        var scope = await _http.GetAsync("/api/correlation?metric=cla_rate_per_10k&indicator=imd_average_score&year=2024&scope=moon");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, metric.StatusCode);
        Assert.Contains("Unknown metric 'nope'", await metric.Content.ReadAsStringAsync());
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, scope.StatusCode);
        Assert.Contains("use members or england", await scope.Content.ReadAsStringAsync());
    }

    private static double? Number(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetDouble();
}
