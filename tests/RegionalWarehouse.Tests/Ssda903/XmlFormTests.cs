namespace RegionalWarehouse.Tests.Ssda903;

/// <summary>The 903's XML form loads exactly as its CSV form does, and a broken or hostile XML file is a finding.</summary>
public class XmlFormTests
{
    /// <summary>Every 903 fact, without the submission and pseudonym columns that differ between two loads.</summary>
    private static string Facts(PipelineHarness harness) => string.Join("\n", new[]
    {
        "select sex, ethnic_code, birth_month, is_mother, mother_child_birth_month, upn_recorded from dw.fact_cla_child",
        "select episode_start, episode_end, rne, legal_status, category_of_need, placement_type, placement_provider, reason_ceased, reason_place_change, home_district, placement_district, placement_urn, age_at_start from dw.fact_cla_episode",
        "select review_date, review_code from dw.fact_cla_review",
        "select missing_type, missing_start, missing_end from dw.fact_cla_missing",
        "select sdq_score, sdq_reason, convicted, health_check, immunisations, teeth_check, health_assessment, substance_misuse, intervention_received, intervention_offered from dw.fact_cla_oc2",
        "select in_touch, activity, accommodation, age_at_year_end from dw.fact_cla_oc3",
        "select date_should_be_adopted, date_matched, adopted_by_foster_carer, number_of_adopters, sex_of_adopters, legal_status_of_adopters from dw.fact_cla_adoption",
        "select date_placed, date_placed_ceased, reason_placed_ceased from dw.fact_cla_placed_for_adoption",
        "select date_uasc_ceased from dw.fact_cla_uasc",
        "select previous_permanence, permanence_la, date_permanence from dw.fact_cla_previous_permanence",
    }.SelectMany(sql => harness.Warehouse.Rows(sql + " order by all").Select(r => string.Join("|", r)).Order(StringComparer.Ordinal).Prepend(sql)));

    [Fact]
    public void The_xml_form_of_a_return_loads_the_same_facts_as_its_csv_form()
    {
        using var fromCsv = new PipelineHarness();
        using var fromXml = new PipelineHarness();
        using var csv = ReturnFixture.Copy("valid-919-2024");
        using var xml = ReturnFixture.Copy("valid-919-2024-xml");

        var csvReport = fromCsv.Ingest903(csv.Folder);
        var xmlReport = fromXml.Ingest903(xml.Folder);

        Assert.Equal(SubmissionStates.Loaded, csvReport.Outcome);
        Assert.Equal(SubmissionStates.Loaded, xmlReport.Outcome);
        Assert.Equal(24, xmlReport.RowsLoaded);
        Assert.Equal(Facts(fromCsv), Facts(fromXml));
    }

    [Fact]
    public void A_finding_in_the_xml_names_the_file_its_table_and_the_row_within_that_table()
    {
        using var harness = new PipelineHarness();
        using var xml = ReturnFixture.Copy("valid-919-2024-xml");
        xml.Write("return.xml", xml.Read("return.xml").Replace("<LS>V2</LS><CIN>N4</CIN>", "<LS>Q9</LS><CIN>N4</CIN>"));

        var report = harness.Ingest903(xml.Folder);

        var finding = Assert.Single(report.Issues, i => i.RuleCode == "EPI-04");
        Assert.Equal(("return.xml [Episodes]", 4, "LS", "C2"), (finding.File, finding.Row, finding.Column, finding.Child));
    }

    [Fact]
    public void An_element_the_903_does_not_define_is_warned_about_and_ignored()
    {
        using var harness = new PipelineHarness();
        using var xml = ReturnFixture.Copy("valid-919-2024-xml");
        xml.Write("return.xml", xml.Read("return.xml").Replace("<RNE>S</RNE>", "<RNE>S</RNE><CARER_NAME>Mrs Smith</CARER_NAME>"));

        var report = harness.Ingest903(xml.Folder);

        Assert.Equal(SubmissionStates.LoadedWithWarnings, report.Outcome);
        var warning = Assert.Single(report.Issues, i => i.RuleCode == "FILE-05");
        Assert.Equal(("return.xml [Episodes]", "CARER_NAME"), (warning.File, warning.Column));
        Assert.DoesNotContain("Smith", report.ToJson());
    }

    [Theory]
    [InlineData("<EXPSSDA903><CHILD><HEADER><CHILDID>C1</CHILDID>", "not well-formed")]
    [InlineData("<EXPSSDA903><CHILD><HEADER><UPN>&L749609402960;</UPN></HEADER></CHILD></EXPSSDA903>", "not well-formed")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><EXPSSDA903><CHILD><HEADER><CHILDID>&e;</CHILDID></HEADER></CHILD></EXPSSDA903>", "DTD")]
    public void A_broken_or_hostile_xml_file_is_one_finding_and_changes_nothing(string content, string expected)
    {
        using var harness = new PipelineHarness();
        using var xml = ReturnFixture.Copy("valid-919-2024-xml");
        xml.Write("return.xml", content);

        var report = harness.Ingest903(xml.Folder);

        Assert.Equal(SubmissionStates.Rejected, report.Outcome);
        Assert.Contains(expected, Assert.Single(report.Issues, i => i.RuleCode == "FILE-01").Message);
        Assert.DoesNotContain("root:", report.ToJson());
        // The reader's own words can quote the file (an undeclared entity named after a UPN): never repeated.
        Assert.DoesNotContain("L749609402960", report.ToJson());
        Assert.Equal(0, harness.Count("dw.fact_cla_child"));
    }

    public static TheoryData<string, string> Amplifiers() => new()
    {
        // Quadratic in the old reader: every leaf looked at all its ancestors.
        { "<EXPSSDA903><CHILD>" + Repeat("<EPISODE>", 30_000) + Repeat("</EPISODE>", 30_000) + "</CHILD></EXPSSDA903>", "nested more than" },
        // A table of a million columns, built before any limit was checked.
        { "<EXPSSDA903>" + Repeat(string.Concat(Enumerable.Range(0, 600).Select(i => $"<X{i}>1</X{i}>")), 2, "<CHILD>", "</CHILD>") + "</EXPSSDA903>", "different items" },
        // A 4,000-character identifier copied into each of 50,000 empty groups: 200 MB of CSV from a few hundred KB.
        { "<EXPSSDA903><CHILD><CHILDID>" + new string('C', 3_990) + "</CHILDID>" + Repeat("<AREVIEW/>", 50_000) + "</CHILD></EXPSSDA903>", "MB" },
        // One child with a quarter of a million groups, all held until the child ends.
        { "<EXPSSDA903><CHILD>" + Repeat("<AREVIEW/>", 250_000) + "</CHILD></EXPSSDA903>", "groups" },
        // Millions of empty children: rows without end.
        { "<EXPSSDA903>" + Repeat("<CHILD/>", 250_000) + "</EXPSSDA903>", "rows" },
    };

    [Theory]
    [MemberData(nameof(Amplifiers))]
    public void An_xml_file_that_would_expand_in_memory_or_time_is_refused_with_one_finding_in_one_pass(string content, string expected)
    {
        using var harness = new PipelineHarness();
        using var xml = ReturnFixture.Copy("valid-919-2024-xml");
        xml.Write("return.xml", content);

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var report = harness.Ingest903(xml.Folder);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.Equal(SubmissionStates.Rejected, report.Outcome);
        Assert.Contains(expected, Assert.Single(report.Issues, i => i.RuleCode == "FILE-10").Message);
        // One pass over a few MB: a bounded multiple of the file, not the gigabytes the old reader built.
        Assert.True(allocated < 400L * 1024 * 1024, $"{allocated:N0} bytes allocated");
        Assert.Equal(0, harness.Count("dw.fact_cla_child"));
    }

    private static string Repeat(string text, int times, string before = "", string after = "") =>
        string.Concat(Enumerable.Repeat(before + text + after, times));
}
