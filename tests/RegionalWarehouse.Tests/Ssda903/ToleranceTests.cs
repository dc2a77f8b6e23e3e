using RegionalWarehouse.Etl.Ssda903;
using RegionalWarehouse.Synthetic.Ssda903;

namespace RegionalWarehouse.Tests.Ssda903;

/// <summary>
/// Record-level errors load flagged while few children have them (default: up to 5% of the return's
/// children); structural problems and returns too broken to use are rejected and change nothing.
/// </summary>
public class ToleranceTests : IDisposable
{
    private readonly PipelineHarness _harness = new(suppressCountsUpTo: 0);
    private readonly string _root = Directory.CreateTempSubdirectory("rw-tolerance-").FullName;

    /// <summary>Hertfordshire 2024 at a fifth of its size, with an invalid legal status on the first episode of the given share of its children.</summary>
    private (string Folder, int Children, HashSet<string> Broken) Return(double shareBroken, Action<GeneratedReturn>? also = null)
    {
        var generated = Ssda903Generator.Generate(new GeneratorRequest(["919"], 2024, 2024, Seed: 9, Scale: 0.2)).Single();
        var episodes = generated[Ssda903Schema.Episodes];
        var children = generated[Ssda903Schema.Header].Rows.Select(r => r[0]).ToList();
        var broken = children.Where(c => episodes.Rows.Any(e => e[0] == c)).Take((int)(children.Count * shareBroken)).ToHashSet();
        foreach (var child in broken)
            episodes.Rows.First(e => e[0] == child)[episodes.Column("LS")] = "ZZ";
        also?.Invoke(generated);
        return (Ssda903Generator.Write(generated, Path.Combine(_root, Guid.NewGuid().ToString("N"))), children.Count, broken);
    }

    [Fact]
    public void A_return_with_two_percent_of_children_in_error_loads_with_each_record_flagged_and_named_for_the_la()
    {
        var (folder, children, broken) = Return(0.02);

        var report = _harness.Ingest903(folder);

        Assert.Equal(SubmissionStates.LoadedWithErrors, report.Outcome);
        var flagged = report.Issues.Where(i => i.RuleCode == "EPI-04").ToList();
        Assert.Equal(broken.Order(), flagged.Select(i => i.Child!).Order());
        Assert.All(flagged, i => Assert.Equal(("LS", "ZZ"), (i.Column, i.Value)));
        Assert.Contains("| child |", report.ToMarkdown());
        // The LA's own identifiers are in its report, never in the warehouse.
        Assert.All(broken, c => Assert.Equal(0, _harness.Count("etl.submission_issue", $"cell_value = '{c}' or message like '%{c}%'")));
        var quality = _harness.Warehouse.Rows("select children, children_with_errors from mart.data_quality where dfe_code = '919' and collection_year = 2024").Single();
        Assert.Equal((children, broken.Count), (Convert.ToInt32(quality[0]), Convert.ToInt32(quality[1])));
        Assert.True(_harness.Count("mart.benchmark", "la_key = 919 and collection_year = 2024") > 0);
    }

    [Fact]
    public void A_return_with_too_many_children_in_error_is_rejected_and_changes_nothing()
    {
        var (good, _, _) = Return(0);
        Assert.Equal(SubmissionStates.Loaded, _harness.Ingest903(good).Outcome);
        var before = _harness.Snapshot();
        var (folder, children, broken) = Return(0.10);

        var report = _harness.Ingest903(folder);

        Assert.Equal(SubmissionStates.Rejected, report.Outcome);
        var why = Assert.Single(report.Issues, i => i.RuleCode == "SUB-04");
        Assert.StartsWith($"{broken.Count:N0} of {children:N0} children", why.Message);
        Assert.Equal(before, _harness.Snapshot());
    }

    [Fact]
    public void A_missing_column_rejects_the_return_however_few_records_it_touches()
    {
        var (folder, _, _) = Return(0, r => r[Ssda903Schema.Oc3].Columns[r[Ssda903Schema.Oc3].Column("ACCOM")] = "ACCOMMODATION");

        var report = _harness.Ingest903(folder);

        Assert.Equal(SubmissionStates.Rejected, report.Outcome);
        Assert.Contains(report.Issues, i => i.RuleCode == "FILE-02" && i.Column == "ACCOM");
        Assert.Equal(0, _harness.Count("dw.fact_cla_episode"));
    }

    [Fact]
    public void A_row_that_cannot_be_stored_is_left_out_while_the_rest_of_the_childs_records_load()
    {
        var (folder, _, _) = Return(0, r =>
        {
            var episodes = r[Ssda903Schema.Episodes];
            episodes.Rows[0][episodes.Column("DECOM")] = "31/02/2023";
        });

        var report = _harness.Ingest903(folder);

        Assert.Equal(SubmissionStates.LoadedWithErrors, report.Outcome);
        Assert.Contains(report.Issues, i => i.RuleCode == "EPI-02");
        Assert.Equal(report.RowsByTable["Episodes"] - 1, _harness.Count("dw.fact_cla_episode"));
    }

    [Fact]
    public void A_flagged_record_loads_but_its_invalid_code_or_malformed_identifier_is_stored_blank_never_as_sent()
    {
        var (folder, _, broken) = Return(0.02, r =>
        {
            var episodes = r[Ssda903Schema.Episodes];
            episodes.Rows[^1][episodes.Column("URN")] = "Mrs Jane Smith, 4 Acacia Avenue";
        });

        var report = _harness.Ingest903(folder);

        Assert.Equal(SubmissionStates.LoadedWithErrors, report.Outcome);
        Assert.Contains(report.Issues, i => i.RuleCode == "EPI-28" && i.Column == "URN");
        Assert.Equal(0, _harness.Count("dw.fact_cla_episode", "placement_urn like '%SMITH%' or legal_status = 'ZZ'"));
        Assert.Equal(broken.Count, _harness.Count("dw.fact_cla_episode", "legal_status is null"));
    }

    [Fact]
    public void A_replacement_that_would_drop_most_of_the_las_children_is_refused_unless_it_says_why()
    {
        var (full, children, _) = Return(0);
        Assert.Equal(SubmissionStates.Loaded, _harness.Ingest903(full).Outcome);
        var before = _harness.Snapshot();
        var (partial, _, _) = Return(0, r =>
        {
            // An export that stopped a third of the way through.
            var keep = r[Ssda903Schema.Header].Rows.Take(children / 3).Select(h => h[0]).ToHashSet();
            foreach (var table in r.Tables.Values)
                table.Rows.RemoveAll(row => !keep.Contains(row[table.Column("CHILD")]));
        });

        var refused = _harness.Ingest903(partial);

        Assert.Equal(SubmissionStates.Rejected, refused.Outcome);
        Assert.Contains("REPLACEMENT_REASON.txt", Assert.Single(refused.Issues, i => i.RuleCode == "SUB-07").Message);
        Assert.Equal(before, _harness.Snapshot());

        File.WriteAllText(Path.Combine(partial, "REPLACEMENT_REASON.txt"), "Children transferred to the new unitary authority from 1 April.");
        var accepted = _harness.Ingest903(partial);

        Assert.Equal(SubmissionStates.LoadedWithWarnings, accepted.Outcome);
        Assert.Contains("Reason given: Children transferred", Assert.Single(accepted.Issues, i => i.RuleCode == "SUB-07").Message);
    }

    public void Dispose()
    {
        _harness.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}
