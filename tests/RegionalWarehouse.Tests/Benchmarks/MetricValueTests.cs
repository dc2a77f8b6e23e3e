using RegionalWarehouse.Etl.Benchmarks;

namespace RegionalWarehouse.Tests.Benchmarks;

/// <summary>
/// Every metric pinned to a value worked out by hand from the valid fixture (919, 2024; suppression off):
///   C1 girl, 11 at 31 March, in care since 01/06/2021, foster U6 then U4 (RNE P 10/05/2023), care order,
///      one missing incident, OC2 (SDQ 14, health/immunisations/teeth up to date, no conviction or substance misuse);
///   C2 boy, 4, started 15/06/2023 (S, V2, U3) → L to C1 → T to C2 in U6: 2 placements in the year;
///   C3 girl, 3, E1 in U6 then placed for adoption (A6) 20/04/2023, adopted (E11) 01/12/2023;
///      AD1 decision (and decision to place) 01/01/2022, with her placement order; match 15/03/2023; her loaded history starts 01/01/2022;
///   C4 UASC boy, 17, V2 in independent living since 01/10/2022 (P2, then K3 from 28/10/2023, RNE T: the same carers);
///   C5 care leaver, 19 at 31 March: OC3 in touch, full-time work (F4), independent living (K1, suitable).
/// </summary>
public class MetricValueTests : IClassFixture<MetricValueTests.LoadedFixture>
{
    private readonly Dictionary<string, (double? Value, bool Unavailable)> _values;

    public MetricValueTests(LoadedFixture fixture) => _values = fixture.Values;

    public sealed class LoadedFixture : IDisposable
    {
        private readonly PipelineHarness _harness = new(suppressCountsUpTo: 0);

        public LoadedFixture()
        {
            using var fixture = ReturnFixture.Copy("valid-919-2024");
            _harness.Ingest903(fixture.Folder);
            Values = _harness.Warehouse.Rows("select metric_id, value, unavailable from mart.benchmark where la_key = 919 and collection_year = 2024")
                .ToDictionary(r => (string)r[0]!, r => (r[1] is null ? (double?)null : Convert.ToDouble(r[1]), (bool)r[2]!));
        }

        public Dictionary<string, (double? Value, bool Unavailable)> Values { get; }

        public void Dispose() => _harness.Dispose();
    }

    [Theory]
    [InlineData("cla_31_march", 3)]
    [InlineData("starts_in_year", 1)]
    [InlineData("ceased_in_year", 1)]
    [InlineData("ceased_adopted_pct", 100)]
    [InlineData("ceased_sgo_pct", 0)]
    [InlineData("ceased_home_pct", 0)]
    [InlineData("ceased_cao_pct", 0)]
    [InlineData("ceased_independent_pct", 0)]
    [InlineData("stability_short_term_pct", 0)]
    [InlineData("stability_long_term_pct", 0)]
    [InlineData("placement_foster_pct", 200.0 / 3)]
    [InlineData("placement_residential_pct", 0)]
    [InlineData("placement_parents_pct", 0)]
    [InlineData("placement_adoption_pct", 0)]
    [InlineData("placement_independent_pct", 100.0 / 3)]
    [InlineData("legal_care_order_pct", 200.0 / 3)]
    [InlineData("legal_placement_order_pct", 0)]
    [InlineData("legal_voluntary_pct", 100.0 / 3)]
    [InlineData("legal_youth_justice_pct", 0)]
    [InlineData("uasc_31_march", 1)]
    [InlineData("missing_pct", 25)]
    [InlineData("missing_incidents_per_child", 1)]
    [InlineData("oc2_health_check_pct", 100)]
    [InlineData("oc2_immunisations_pct", 100)]
    [InlineData("oc2_teeth_check_pct", 100)]
    [InlineData("oc2_convicted_pct", 0)]
    [InlineData("oc2_substance_misuse_pct", 0)]
    [InlineData("oc2_sdq_mean", 14)]
    [InlineData("oc3_eet_pct", 100)]
    [InlineData("oc3_suitable_accommodation_pct", 100)]
    [InlineData("oc3_in_touch_pct", 100)]
    public void Each_metric_matches_the_hand_computed_value(string metric, double expected)
    {
        Assert.True(_values.ContainsKey(metric), $"{metric} is not in the mart");
        Assert.Equal(expected, _values[metric].Value!.Value, 6);
    }

    [Theory]
    [InlineData("cla_rate_per_10k")]
    [InlineData("starts_rate_per_10k")]
    [InlineData("ceased_rate_per_10k")]
    public void Rates_are_unavailable_not_invented_when_no_population_is_loaded(string metric)
    {
        Assert.Null(_values[metric].Value);
        Assert.True(_values[metric].Unavailable);
    }

    [Fact]
    public void Every_catalogue_metric_is_pinned_by_a_test()
    {
        var pinned = new[] { typeof(MetricValueTests), typeof(AdoptionTimelinessTests), typeof(SupportingFamilies.SfMetricValueTests) }.SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>())
            .Select(a => (string)a.GetData(null!).First()[0]).ToHashSet();

        Assert.DoesNotContain(MetricCatalogue.All, m => !pinned.Contains(m.Id));
    }
}
