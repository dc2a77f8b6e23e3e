namespace RegionalWarehouse.Tests.Benchmarks;

/// <summary>
/// The edges of the 31 March snapshot and the stability measures (Fixtures/stability-919-2024; year end 31/03/2024,
/// so 2.5 years before is 30/09/2021 and 2 years before is 31/03/2022):
///   A started 30/09/2021 in one placement: exactly 2.5 years in care and 2+ years placed → stable;
///   B started 01/10/2021: a day short of 2.5 years → not in the long-term cohort;
///   C started 01/06/2021, moved 01/05/2023 → in the cohort, not stable;
///   D started 01/01/2021, placed for adoption with new carers 01/06/2023 (RNE B) → stable through the adoption rule (previous placement from 2021);
///   E in one placement since 2021 but 16 at 31 March → outside the under-16 cohort;
///   F started 01/05/2023 and moved twice → three placements in the year;
///   G ceased on 31/03/2024 → not looked after at 31 March; H started on 31/03/2024 → looked after at 31 March;
///   I started 01/01/2021 and moved house with the same foster carers 01/06/2023 (RNE T) → still with the same
///   carers, so stable, and one placement (the DfE's RNE T and U keep the carers; S, P and B change them).
/// </summary>
public class StabilityAndSnapshotTests : IClassFixture<StabilityAndSnapshotTests.Loaded>
{
    private readonly Loaded _loaded;

    public StabilityAndSnapshotTests(Loaded loaded) => _loaded = loaded;

    public sealed class Loaded : IDisposable
    {
        public PipelineHarness Harness { get; } = new(suppressCountsUpTo: 0);

        public Loaded()
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "Benchmarks", "Fixtures", "stability-919-2024");
            Assert.Equal(SubmissionStates.Loaded, Harness.Ingest903(folder).Outcome);
        }

        public double Value(string metric) =>
            Convert.ToDouble(Harness.Warehouse.Rows($"select value from mart.benchmark where la_key = 919 and collection_year = 2024 and metric_id = '{metric}'").Single()[0]);

        public void Dispose() => Harness.Dispose();
    }

    [Fact]
    public void A_child_ceasing_on_31_march_is_not_looked_after_at_31_march_and_one_starting_that_day_is()
    {
        Assert.Equal(8, _loaded.Value("cla_31_march"));
        Assert.Equal(3, _loaded.Value("starts_in_year"));
        Assert.Equal(1, _loaded.Value("ceased_in_year"));
    }

    [Fact]
    public void Long_term_stability_counts_exactly_two_and_a_half_years_and_the_adoption_rule()
    {
        Assert.Equal(300.0 / 4, _loaded.Value("stability_long_term_pct"), 6); // A, D and I of A, C, D and I
    }

    [Fact]
    public void Short_term_stability_counts_the_placement_held_on_1_april_and_each_move()
    {
        Assert.Equal(100.0 / 8, _loaded.Value("stability_short_term_pct"), 6); // F of the eight at 31 March
    }
}
