namespace RegionalWarehouse.Tests.SupportingFamilies;

/// <summary>
/// Every Supporting Families metric pinned to a value worked out by hand from the five-family fixture
/// (919, 2024-Q3, so collection year 2025 starting 01/04/2024; suppression off; 20,000 children in mid-2024):
///   F1 attached 15/05/2024: EDUCATION and HEALTH, both achieved; SSP claim 15/11/2024 (184 days); closed.
///   F2 attached 10/01/2024, before the year: DOMESTIC_ABUSE (achieved), HOUSING, WORK_FINANCE; EMP claim 05/12/2024 (330 days).
///   F3 attached 01/10/2024: EDUCATION.   F4 attached 20/11/2024: HEALTH, FAMILY_RELATIONSHIPS, SAFE_FROM_ABUSE.
///   F5 attached 01/07/2024: CRIME, not achieved; closed 15/10/2024.
/// Attached in the year: F1, F3, F4, F5 (4). Worked with: all 5.
/// </summary>
public class SfMetricValueTests : IClassFixture<SfMetricValueTests.LoadedFixture>
{
    private readonly Dictionary<string, double?> _values;

    public SfMetricValueTests(LoadedFixture fixture) => _values = fixture.Values;

    public sealed class LoadedFixture : IDisposable
    {
        private readonly PipelineHarness _harness = new(suppressCountsUpTo: 0);

        public LoadedFixture()
        {
            using var fixture = ReturnFixture.Copy("valid-919-2024-Q3", "SupportingFamilies");
            _harness.Warehouse.Execute("insert into dw.fact_population values (0, 919, 2024, 1, 10, 12000), (0, 919, 2024, 2, 10, 8000)");
            _harness.Ingest("SF", "919", "2024-Q3", fixture.Folder);
            Values = _harness.Warehouse.Rows("select metric_id, value from mart.benchmark where la_key = 919 and collection_year = 2025")
                .ToDictionary(r => (string)r[0]!, r => r[1] is null ? (double?)null : Convert.ToDouble(r[1]));
        }

        public Dictionary<string, double?> Values { get; }

        public void Dispose() => _harness.Dispose();
    }

    [Theory]
    [InlineData("sf_families_attached", 4.0)]
    [InlineData("sf_attached_rate_per_10k", 2.0)]        // 4 / 20,000 x 10,000
    [InlineData("sf_families_worked_with", 5.0)]
    [InlineData("sf_needs_per_family", 1.75)]           // (2 + 1 + 3 + 1) / 4
    [InlineData("sf_need_education_pct", 50.0)]         // F1, F3
    [InlineData("sf_need_early_years_pct", 0.0)]
    [InlineData("sf_need_health_pct", 50.0)]            // F1, F4
    [InlineData("sf_need_substance_use_pct", 0.0)]
    [InlineData("sf_need_family_relationships_pct", 25.0)]
    [InlineData("sf_need_safe_from_abuse_pct", 25.0)]
    [InlineData("sf_need_crime_pct", 25.0)]
    [InlineData("sf_need_domestic_abuse_pct", 0.0)]     // only F2, attached before the year
    [InlineData("sf_need_housing_pct", 0.0)]
    [InlineData("sf_need_work_finance_pct", 0.0)]
    [InlineData("sf_claims", 2.0)]
    [InlineData("sf_claim_rate_pct", 40.0)]             // 2 of 5 worked with
    [InlineData("sf_days_to_claim", 257.0)]             // (184 + 330) / 2
    [InlineData("sf_outcome_education_pct", 50.0)]      // F1 of F1, F3
    [InlineData("sf_outcome_early_years_pct", null)]    // nobody with the need: unavailable, not 0
    [InlineData("sf_outcome_health_pct", 50.0)]         // F1 of F1, F4
    [InlineData("sf_outcome_substance_use_pct", null)]
    [InlineData("sf_outcome_family_relationships_pct", 0.0)]
    [InlineData("sf_outcome_safe_from_abuse_pct", 0.0)]
    [InlineData("sf_outcome_crime_pct", 0.0)]
    [InlineData("sf_outcome_domestic_abuse_pct", 100.0)]
    [InlineData("sf_outcome_housing_pct", 0.0)]
    [InlineData("sf_outcome_work_finance_pct", 0.0)]
    public void Each_metric_has_its_hand_computed_value(string metric, double? expected)
    {
        Assert.True(_values.ContainsKey(metric), $"{metric} is not in the mart");
        if (expected is null)
            Assert.Null(_values[metric]);
        else
            Assert.Equal(expected.Value, _values[metric]!.Value, 9);
    }
}
