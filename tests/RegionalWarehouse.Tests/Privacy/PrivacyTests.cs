using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RegionalWarehouse.Etl.Hosting;
using RegionalWarehouse.Etl.Privacy;
using RegionalWarehouse.Tests.Support;

namespace RegionalWarehouse.Tests.Privacy;

public class PrivacyTests
{
    [Fact]
    public void Pseudonyms_are_stable_for_a_child_but_differ_between_las_and_keys()
    {
        var a = new ChildPseudonymiser("key-one-0123456789-0123456789-01");
        var b = new ChildPseudonymiser("key-two-0123456789-0123456789-01");

        Assert.Equal(a.KeyFor("919", "C1"), a.KeyFor("919", " C1 "));
        Assert.NotEqual(a.KeyFor("919", "C1"), a.KeyFor("881", "C1"));
        Assert.NotEqual(a.KeyFor("919", "C1"), b.KeyFor("919", "C1"));
    }

    [Theory]
    [InlineData("SG13 8DQ", "SG13")]
    [InlineData("sg138dq", "SG13")]
    [InlineData("EC1A 1BB", "EC1A")]
    [InlineData("CB4", "CB4")]
    [InlineData("NOWHERE", null)]
    [InlineData("", null)]
    public void Postcodes_are_cut_to_their_district(string postcode, string? district)
    {
        Assert.Equal(district, Degrade.ToDistrict(postcode));
    }

    [Fact]
    public void Dates_of_birth_are_cut_to_the_month()
    {
        Assert.Equal(new DateOnly(2012, 5, 1), Degrade.ToMonth(new DateOnly(2012, 5, 14)));
    }

    [Fact]
    public void The_pipeline_refuses_to_start_without_a_pseudonymisation_key()
    {
        using var host = PlatformHost.CreateBuilder([], new Dictionary<string, string?> { ["Privacy:PseudonymisationKey"] = "" }).Build();

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<ChildPseudonymiser>());

        Assert.Contains("RW__Privacy__PseudonymisationKey", error.Message);
    }

    [Fact]
    public void No_raw_child_id_upn_full_dob_or_full_postcode_reaches_the_warehouse()
    {
        using var harness = new PipelineHarness();
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        foreach (var n in Enumerable.Range(1, 5))
            fixture.RenameChild($"C{n}", $"LL7700{n}");
        fixture.Set("episodes.csv", 3, "HOME_POST", "NOWHERE"); // a warning, so issues are stored too
        harness.Ingest903(fixture.Folder);
        var header = File.ReadAllLines(Path.Combine(fixture.Folder, "header.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var secrets = header.SelectMany(h => new[] { h[0], h[4] })
            .Concat(File.ReadAllLines(Path.Combine(fixture.Folder, "episodes.csv")).Skip(1).SelectMany(l => l.Split(',')[10..12]))
            .Where(s => s.Length > 0 && !s.StartsWith("UN"))
            .Select(s => s.ToUpperInvariant())
            .ToHashSet();
        var fullBirthDates = header.Select(h => RegionalWarehouse.Etl.Csv.DateValue.Parse(h[2])!.Value).Where(d => d.Day != 1).ToList();

        var textColumns = harness.Warehouse.Rows("""
            select table_schema || '.' || table_name, column_name, data_type from information_schema.columns
            where table_schema in ('dw', 'etl', 'mart') and table_name <> 'dim_date' and data_type in ('VARCHAR', 'DATE')
            """);
        var leaks = new List<string>();
        foreach (var column in textColumns)
        {
            var values = harness.Warehouse.Rows($"select distinct cast({column[1]} as varchar) from {column[0]} where {column[1]} is not null").Select(r => (string)r[0]!);
            foreach (var value in values)
            {
                if ((string)column[2]! == "VARCHAR" && secrets.Any(s => value.ToUpperInvariant().Contains(s)))
                    leaks.Add($"{column[0]}.{column[1]} = {value}");
                if ((string)column[2]! == "DATE" && fullBirthDates.Any(d => value == d.ToString("yyyy-MM-dd")))
                    leaks.Add($"{column[0]}.{column[1]} = {value}");
            }
        }

        Assert.True(secrets.Count >= 10, "the fixture should carry identifiers to look for");
        Assert.Empty(leaks);
    }
}
