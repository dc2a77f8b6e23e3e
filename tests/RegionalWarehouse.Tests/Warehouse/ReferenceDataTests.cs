namespace RegionalWarehouse.Tests.Warehouse;

public class ReferenceDataTests : IClassFixture<ReferenceDataTests.MigratedWarehouse>
{
    private readonly TemporaryWarehouse _warehouse;

    public ReferenceDataTests(MigratedWarehouse fixture) => _warehouse = fixture.Warehouse;

    public sealed class MigratedWarehouse : IDisposable
    {
        public TemporaryWarehouse Warehouse { get; } = new();
        public void Dispose() => Warehouse.Dispose();
    }

    [Fact]
    public void The_eleven_east_of_england_authorities_are_platform_members_with_dfe_and_ons_codes()
    {
        var las = _warehouse.Rows(
            "select dfe_code, ons_code, la_name, region_name from dw.dim_local_authority where is_platform_member order by dfe_code");

        Assert.Equal(11, las.Count);
        Assert.All(las, la => Assert.Equal("East of England", la[3]));
        Assert.Contains(las, la => (string)la[0]! == "919" && (string)la[1]! == "E10000015" && (string)la[2]! == "Hertfordshire");
        Assert.Contains(las, la => (string)la[0]! == "882" && (string)la[2]! == "Southend-on-Sea");
    }

    [Fact]
    public void All_nine_english_regions_are_known()
    {
        Assert.Equal(9, _warehouse.Scalar<long>("select count(*) from ref.region"));
    }

    [Fact]
    public void Comparator_group_members_are_known_las()
    {
        var orphans = _warehouse.Scalar<long>("""
            select count(*) from ref.comparator_group_member m
            left join ref.local_authority la on la.dfe_code = m.member_dfe_code
            where la.dfe_code is null
            """);

        Assert.Equal(0, orphans);
    }

    [Fact]
    public void Every_english_la_is_known_with_its_ons_code_and_region_and_only_the_eleven_are_members()
    {
        // 153 current authorities and 5 that LAIT's history still names (pre-2019 Dorset, Poole and
        // Bournemouth; Northamptonshire; Cumbria).
        Assert.Equal(158, _warehouse.Scalar<long>("select count(*) from ref.local_authority"));
        Assert.Equal(153, _warehouse.Scalar<long>("select count(*) from ref.local_authority where valid_to_year is null"));
        Assert.Equal(11, _warehouse.Scalar<long>("select count(*) from ref.local_authority where is_platform_member"));
        Assert.Equal(158, _warehouse.Scalar<long>("select count(distinct ons_code) from ref.local_authority"));
        Assert.Equal(0, _warehouse.Scalar<long>("select count(*) from ref.local_authority la left join ref.region r on r.region_code = la.region_code where r.region_code is null"));
        Assert.Equal("E06000062", _warehouse.Scalar<string>("select ons_code from ref.local_authority where dfe_code = '941'"));
    }

    [Fact]
    public void Each_region_carries_the_dfe_area_number_published_data_uses()
    {
        Assert.Equal(985, _warehouse.Scalar<int>("select dfe_area_number from ref.region where region_code = 'E12000006'"));
        Assert.Equal(9, _warehouse.Scalar<long>("select count(distinct dfe_area_number) from ref.region"));
    }

    [Theory]
    [InlineData("RNE", "S", 2024, true)]
    [InlineData("RNE", "B", 2024, true)] // a change of legal status, placement and carers: current in the DfE's list
    [InlineData("ACCOM", "S1", 2024, false)]
    [InlineData("PLACE", "H5", 2024, true)]
    [InlineData("PLACE", "H5", 2025, false)]
    [InlineData("LS", "C2", 2019, true)]
    [InlineData("REC", "E17", 2022, true)]
    public void Code_lists_know_which_collection_years_a_code_is_valid_for(string field, string code, int year, bool valid)
    {
        var count = _warehouse.Scalar<long>($"""
            select count(*) from ref.code_list
            where return_type = 'SSDA903' and field_name = '{field}' and code = '{code}'
              and valid_from_year <= {year} and coalesce(valid_to_year, 9999) >= {year}
            """);

        Assert.Equal(valid, count == 1);
    }

    [Theory]
    [InlineData("2024-03-31", 2024, "2023-24", true)]
    [InlineData("2024-04-01", 2025, "2024-25", false)]
    [InlineData("2000-01-15", 2000, "1999-00", false)]
    public void The_date_dimension_knows_collection_and_financial_years(string date, int collectionYear, string financialYear, bool is31March)
    {
        var row = _warehouse.Rows($"select collection_year, financial_year, is_31_march, date_key from dw.dim_date where calendar_date = date '{date}'").Single();

        Assert.Equal(collectionYear, Convert.ToInt32(row[0]));
        Assert.Equal(financialYear, row[1]);
        Assert.Equal(is31March, row[2]);
        Assert.Equal(int.Parse(date.Replace("-", "")), Convert.ToInt32(row[3]));
    }

    [Fact]
    public void The_date_dimension_has_one_row_per_day_from_1990_to_2040()
    {
        Assert.Equal(18628, _warehouse.Scalar<long>("select count(*) from dw.dim_date"));
    }
}
