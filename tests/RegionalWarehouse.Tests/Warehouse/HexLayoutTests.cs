using System.Globalization;
using CsvHelper;
using RegionalWarehouse.Warehouse.ReferenceData.Geo;

namespace RegionalWarehouse.Tests.Warehouse;

/// <summary>The shipped hex layout is the LAs in force today: one hexagon each, none shared, licence kept.</summary>
public sealed class HexLayoutTests
{
    private static List<(string Ons, string Name)> LasInForce()
    {
        using var stream = typeof(HexLayout).Assembly.GetManifestResourceStream("RegionalWarehouse.Warehouse.ReferenceData.local_authorities.csv")!;
        using var csv = new CsvReader(new StreamReader(stream), CultureInfo.InvariantCulture);
        return csv.GetRecords<dynamic>().Where(r => string.IsNullOrEmpty((string)r.valid_to_year)).Select(r => ((string)r.ons_code, (string)r.la_name)).ToList();
    }

    [Fact]
    public void Every_la_in_force_has_exactly_one_hexagon_and_no_abolished_la_keeps_one()
    {
        var inForce = LasInForce();

        Assert.Equal(inForce.Select(l => l.Ons).Order(), HexLayout.All.Select(h => h.OnsCode).Order());
    }

    [Fact]
    public void No_two_las_share_a_hexagon()
    {
        Assert.Equal(HexLayout.All.Count, HexLayout.All.Select(h => (h.Q, h.R)).Distinct().Count());
    }

    [Theory]
    [InlineData("E06000061", "North Northamptonshire")]
    [InlineData("E06000062", "West Northamptonshire")]
    [InlineData("E06000063", "Cumberland")]
    [InlineData("E06000064", "Westmorland and Furness")]
    [InlineData("E06000065", "North Yorkshire")]
    [InlineData("E06000066", "Somerset")]
    public void The_2021_and_2023_reorganisations_are_in_the_layout(string ons, string name) =>
        Assert.Equal(name, Assert.Single(HexLayout.All, h => h.OnsCode == ons).Name);

    [Fact]
    public void The_two_halves_of_a_split_county_sit_side_by_side()
    {
        var north = HexLayout.All.Single(h => h.OnsCode == "E06000061");
        var west = HexLayout.All.Single(h => h.OnsCode == "E06000062");
        var (nx, ny) = north.Centre(1, HexLayout.MaxRow);
        var (wx, wy) = west.Centre(1, HexLayout.MaxRow);

        Assert.Equal(Math.Sqrt(3), Math.Sqrt((nx - wx) * (nx - wx) + (ny - wy) * (ny - wy)), 9);   // neighbouring hexes' centres
    }

    [Fact]
    public void The_layouts_mit_notice_travels_with_it() =>
        Assert.Contains("Copyright (c) 2017- Open Innovations", HexLayout.LicenceText());
}
