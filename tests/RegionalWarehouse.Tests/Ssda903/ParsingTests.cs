using System.IO.Compression;
using System.Text;
using RegionalWarehouse.Etl.Ssda903;
using RegionalWarehouse.Etl.Ssda903.Rules;

namespace RegionalWarehouse.Tests.Ssda903;

public class ParsingTests(CodeListFixture codeLists) : IClassFixture<CodeListFixture>
{
    private List<RegionalWarehouse.Etl.Validation.ValidationIssue> Validate(string path) =>
        Ssda903RuleSet.Validate(Ssda903Parser.Parse(SubmissionFiles.From(path), "919", 2024), codeLists.Codes);

    [Fact]
    public void Tables_are_recognised_by_their_header_whatever_the_files_are_called()
    {
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        File.Move(Path.Combine(fixture.Folder, "episodes.csv"), Path.Combine(fixture.Folder, "LL_EXPORT_0001.csv"));
        File.Move(Path.Combine(fixture.Folder, "header.csv"), Path.Combine(fixture.Folder, "mosaic_children.CSV"));

        var data = Ssda903Parser.Parse(SubmissionFiles.From(fixture.Folder), "919", 2024);

        Assert.Equal("LL_EXPORT_0001.csv", data.Sources[Ssda903Schema.Episodes]);
        Assert.Equal(9, data[Ssda903Schema.Episodes].Count);
        Assert.Empty(Validate(fixture.Folder));
    }

    [Fact]
    public void Column_order_surrounding_whitespace_and_lower_case_headers_are_tolerated()
    {
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        fixture.Write("uasc.csv", " dob , Child ,DUC,SEX \n 01/09/2006 , C4 ,, 1 \n");

        Assert.Empty(Validate(fixture.Folder));
    }

    [Fact]
    public void Lower_case_codes_are_normalised_once_so_the_cross_episode_rules_see_them_too()
    {
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        var episodes = Path.Combine(fixture.Folder, "episodes.csv");
        var lines = File.ReadAllLines(episodes);
        // Every code in lower case (RNE s/p/l/t, LS c2, PLACE u6, REC x1, e11, …); CHILD ids and dates untouched.
        File.WriteAllLines(episodes, [lines[0], .. lines.Skip(1).Select(l => string.Join(",", l.Split(',').Select((v, i) => i is 0 or 1 or 7 ? v : v.ToLowerInvariant())))]);

        Assert.Empty(Validate(fixture.Folder));
        var data = Ssda903Parser.Parse(SubmissionFiles.From(fixture.Folder), "919", 2024);
        Assert.Equal("S", data[Ssda903Schema.Episodes][0]["RNE"]);
        Assert.Equal("C1", data[Ssda903Schema.Episodes][0].Child);
    }

    [Fact]
    public void A_child_identifier_keeps_its_case_because_the_la_system_may_tell_ab1_from_AB1()
    {
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        fixture.Write("uasc.csv", "CHILD,SEX,DOB,DUC\nc4,1,01/09/2006,\n");

        var data = Ssda903Parser.Parse(SubmissionFiles.From(fixture.Folder), "919", 2024);

        Assert.Equal("c4", data[Ssda903Schema.Uasc].Single().Child);
    }

    [Fact]
    public void The_social_worker_episodes_table_of_the_2023_24_return_is_read_and_checked()
    {
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        fixture.Write("sw_episodes.csv", "CHILD,SW_ID,SW_DECOM,SW_DEC,SW_REASON\nC1,SW123,01/06/2021,,MANAGE\nC2,SW124,15/06/2023,,MANAGE\nC4,SW125,ZZ/10/2022,,MANAGE\n");

        Assert.Empty(Validate(fixture.Folder));
    }

    [Fact]
    public void Iso_dates_are_accepted_as_well_as_british_ones()
    {
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        fixture.Set("missing.csv", 2, "MIS_START", "2023-09-01").Set("missing.csv", 2, "MIS_END", "2023-09-02");

        Assert.Empty(Validate(fixture.Folder));
    }

    [Fact]
    public void Utf8_with_a_byte_order_mark_is_read()
    {
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        fixture.WriteBytes("oc3.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(fixture.Read("oc3.csv"))]);

        Assert.Empty(Validate(fixture.Folder));
    }

    [Fact]
    public void Windows_1252_files_are_read_without_mangling_text()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        // 0xE9 is é in Windows-1252 and invalid on its own in UTF-8.
        fixture.WriteBytes("prev_perm.csv", Encoding.GetEncoding(1252).GetBytes("CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\nC2,02/02/2020,Z1,,\n"));
        fixture.AddColumn("prev_perm.csv", "NOTE", "");
        var bytes = File.ReadAllBytes(Path.Combine(fixture.Folder, "prev_perm.csv")).ToList();
        bytes.InsertRange(bytes.Count - 1, Encoding.GetEncoding(1252).GetBytes("café"));
        fixture.WriteBytes("prev_perm.csv", [.. bytes]);

        var data = Ssda903Parser.Parse(SubmissionFiles.From(fixture.Folder), "919", 2024);

        var extra = Assert.Single(data.FileIssues);
        Assert.Equal("FILE-05", extra.RuleCode);
        Assert.Single(data[Ssda903Schema.PrevPerm]);
    }

    [Fact]
    public void A_zip_of_the_csv_files_is_the_same_submission()
    {
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        var zip = Path.Combine(Path.GetTempPath(), $"rw-{Guid.NewGuid():N}.zip");
        ZipFile.CreateFromDirectory(fixture.Folder, zip);
        try
        {
            Assert.Empty(Validate(zip));
            Assert.Equal(SubmissionFiles.ContentHash(SubmissionFiles.From(fixture.Folder)), SubmissionFiles.ContentHash(SubmissionFiles.From(zip)));
        }
        finally
        {
            File.Delete(zip);
        }
    }

    [Fact]
    public void A_file_that_is_not_csv_is_named_in_a_clear_error()
    {
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        fixture.Write("episodes.xlsx", "not really a spreadsheet");

        var issue = Assert.Single(Validate(fixture.Folder));

        Assert.Equal(("FILE-01", "episodes.xlsx"), (issue.RuleCode, issue.File));
        Assert.Contains("neither a CSV file nor the 903's XML", issue.Message);
    }

    [Fact]
    public void The_ready_marker_and_earlier_reports_are_not_part_of_the_content()
    {
        using var fixture = ReturnFixture.Copy("valid-919-2024");
        var before = SubmissionFiles.ContentHash(SubmissionFiles.From(fixture.Folder));
        fixture.Write("_READY", "").Write("report.json", "{}");

        Assert.Equal(before, SubmissionFiles.ContentHash(SubmissionFiles.From(fixture.Folder)));
    }
}
