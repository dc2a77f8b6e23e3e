using System.Text.Json;
using RegionalWarehouse.Cli.Commands;

namespace RegionalWarehouse.Tests.Cli;

/// <summary>How every `rw` listing prints: within the width, one value per cell, the same cells in every format.</summary>
public class ListingTests
{
    private static Listing Rules() => new Listing("code", "DfE", "severity", "rule")
        .Add("EPI-04", "103", "error", "The reason for a new episode must be a valid code: S, L, P, T, U, B or a code the year allows, as the DfE's validator reads it.")
        .Add("HDR-03", "", "error", "Date of birth must be plausible.");

    private static string Print(Listing listing, OutputFormat format, int width = 80)
    {
        var output = new StringWriter();
        listing.Write(format, output, width);
        return output.ToString();
    }

    [Fact]
    public void A_long_text_column_wraps_inside_itself_so_every_line_fits_and_no_word_is_split()
    {
        var text = Print(Rules(), OutputFormat.Table);

        Assert.All(text.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= 80, line));
        Assert.StartsWith("code", text);
        Assert.Contains("EPI-04  103  error", text);
        var words = text.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("validator", words);
    }

    [Fact]
    public void A_listing_too_wide_leaves_out_its_droppable_columns_first_and_says_so()
    {
        var listing = new Listing("la", "metric", "value", "source", "published", "rank").Droppable("published", "source");
        listing.Add("919", "stability_short_term_pct", "10.7%", "the platform, from the LA's own 2025 return", "10.0% (LAIT)", "3 of 152");

        var text = Print(listing, OutputFormat.Table, width: 60);

        Assert.Contains("(Not shown at this width: published", text);
        Assert.DoesNotContain("10.0% (LAIT)", text);
        Assert.All(text.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= 60, line));
    }

    [Fact]
    public void Csv_and_json_carry_every_column_whatever_the_width()
    {
        var csv = Print(Rules(), OutputFormat.Csv, width: 30);
        var json = JsonDocument.Parse(Print(Rules(), OutputFormat.Json, width: 30));

        Assert.StartsWith("code,DfE,severity,rule", csv);
        Assert.Contains("\"The reason for a new episode must be a valid code: S, L, P, T, U, B or a code the year allows, as the DfE's validator reads it.\"", csv);
        Assert.Equal(2, json.RootElement.GetArrayLength());
        Assert.Equal("103", json.RootElement[0].GetProperty("DfE").GetString());
    }
}
