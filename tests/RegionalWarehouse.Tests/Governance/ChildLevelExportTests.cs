using RegionalWarehouse.Etl.Export;

namespace RegionalWarehouse.Tests.Governance;

/// <summary>
/// A folder of Parquet files has no row-level security, so `rw export-parquet` carries aggregates; child-level rows go
/// into files only on a request naming a child-level agreement, and then only that agreement's return type and the
/// rows of the LAs that signed it and were asked for. Family-level Supporting Families rows, which every agreement
/// keeps aggregate-only, never leave.
/// </summary>
public sealed class ChildLevelExportTests(ChildLevelExportTests.TwoLasLoaded loaded) : IClassFixture<ChildLevelExportTests.TwoLasLoaded>
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    /// <summary>Hertfordshire's and Cambridgeshire's 903 for 2024 and Hertfordshire's Supporting Families quarter.</summary>
    public sealed class TwoLasLoaded : IDisposable
    {
        public PipelineHarness Harness { get; } = new(refreshAfterEachLoad: false);

        public TwoLasLoaded()
        {
            using var cla = ReturnFixture.Copy("valid-919-2024");
            Harness.Ingest903(cla.Folder, la: "919");
            Harness.Ingest903(cla.Folder, la: "873");
            using var sf = ReturnFixture.Copy("valid-919-2024-Q3", "SupportingFamilies");
            Harness.Ingest("SF", "919", "2024-Q3", sf.Folder);
        }

        public void Dispose() => Harness.Dispose();
    }

    private PipelineHarness Harness => loaded.Harness;

    private ChildLevelGrant Grant(string agreement, params string[] las)
    {
        using var connection = Harness.Warehouse.Engine.Open();
        return ChildLevelGrant.Resolve(connection, Harness.Warehouse.Engine, agreement, las, Today);
    }

    private long RowsIn(IReadOnlyList<string> files, string name, string where = "true") =>
        Harness.Warehouse.Scalar<long>($"select count(*) from read_parquet('{files.Single(f => f.EndsWith(name + ".parquet", StringComparison.Ordinal))}') where {where}");

    [Fact]
    public void Named_child_level_agreement_exports_the_rows_of_the_las_asked_for_and_nothing_family_level()
    {
        var folder = Path.Combine(Harness.Warehouse.Folder, "export-919");

        var files = ParquetExporter.Export(Harness.Warehouse.Engine, folder, grant: Grant("EOE-CLA-2024", "919"));

        Assert.Equal(Harness.Count("dw.fact_cla_episode", "la_key = 919"), RowsIn(files, "dw.fact_cla_episode"));
        Assert.True(RowsIn(files, "dw.fact_cla_episode") > 0);
        Assert.Equal(0, RowsIn(files, "dw.fact_cla_episode", "la_key <> 919"));
        Assert.Equal(Harness.Count("dw.cla_child_as_recorded", "dfe_code = '919'"), RowsIn(files, "dw.cla_child_as_recorded"));
        Assert.Equal(0, RowsIn(files, "dw.cla_child_as_recorded", "dfe_code <> '919'"));
        // Supporting Families family rows are aggregate-only under every agreement: loaded, never exported.
        Assert.True(Harness.Count("dw.fact_sf_family") > 0);
        Assert.Equal(0, RowsIn(files, "dw.fact_sf_family"));
        var notice = File.ReadAllText(files.Single(f => f.EndsWith("NOT-EXPORTED.txt", StringComparison.Ordinal)));
        Assert.Contains("agreement EOE-CLA-2024 (Child-level 903 for regional analysis), SSDA903, LA 919", notice);
        Assert.Contains("  dw.fact_sf_family", notice);
    }

    [Fact]
    public void Without_an_la_the_grant_covers_every_signatory_in_force()
    {
        var grant = Grant("EOE-CLA-2024");

        Assert.Equal(11, grant.LaCodes.Count);
        Assert.Contains(873, grant.LaKeys);
    }

    [Fact]
    public void Without_an_agreement_no_child_or_family_level_file_has_rows()
    {
        var files = ParquetExporter.Export(Harness.Warehouse.Engine, Path.Combine(Harness.Warehouse.Folder, "export-aggregates"));

        foreach (var name in new[] { "dw.fact_cla_episode", "dw.cla_child_as_recorded", "dw.dim_child", "bi.cla_episode", "dw.fact_sf_family", "bi.sf_family" })
            Assert.Equal(0, RowsIn(files, name));
        Assert.Equal(Harness.Count("ref.local_authority"), RowsIn(files, "ref.local_authority"));
    }

    [Theory]
    [InlineData("EOE-BENCH-2024", "", "shares aggregates only")]
    [InlineData("EOE-NOTHING", "", "no data-sharing agreement is called 'EOE-NOTHING'")]
    [InlineData("EOE-CLA-2024", "301", "LA 301 has not signed agreement EOE-CLA-2024")]
    public void An_agreement_that_does_not_allow_it_refuses_the_export_saying_why(string agreement, string la, string reason)
    {
        var thrown = Assert.Throws<InvalidOperationException>(() => Grant(agreement, la.Length == 0 ? [] : [la]));

        Assert.Contains(reason, thrown.Message);
    }

    [Fact]
    public void An_agreement_that_withholds_what_another_of_the_las_agreements_shares_refuses_the_export_for_that_la()
    {
        // Thurrock's 903 agreement withholds postcodes; a second agreement sharing them means the warehouse may hold them.
        using var harness = new PipelineHarness();
        harness.Warehouse.Execute("""
            insert into ref.data_sharing_agreement values ('EOE-PLACEMENTS-2025', '883', 'SSDA903', 'Placement sufficiency', 'Where children are placed',
                true, null, date '2025-04-01', null, 6)
            """);
        using var connection = harness.Warehouse.Engine.Open();

        var thrown = Assert.Throws<InvalidOperationException>(() => ChildLevelGrant.Resolve(connection, harness.Warehouse.Engine, "EOE-CLA-2024", ["883"], Today));

        Assert.Contains("withholds fields another agreement of LA 883 shares", thrown.Message);
        Assert.Equal(["883"], ChildLevelGrant.Resolve(connection, harness.Warehouse.Engine, "EOE-PLACEMENTS-2025", [], Today).LaCodes);
    }

    [Fact]
    public void An_agreement_out_of_force_for_an_la_asked_for_refuses_the_export()
    {
        using var connection = Harness.Warehouse.Engine.Open();

        var thrown = Assert.Throws<InvalidOperationException>(() =>
            ChildLevelGrant.Resolve(connection, Harness.Warehouse.Engine, "EOE-CLA-2024", ["919"], new DateOnly(2030, 1, 1)));

        Assert.Contains("not in force for LA 919 on 2030-01-01", thrown.Message);
    }
}
