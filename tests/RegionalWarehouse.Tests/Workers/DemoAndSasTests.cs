using Azure;
using Azure.Storage.Blobs;
using RegionalWarehouse.Cli.Commands;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Tests.Workers;

public class DemoAndSasTests
{
    [Fact]
    public void The_demo_on_a_clean_folder_loads_every_generated_submission_of_every_kind_and_benchmarks_them()
    {
        var folder = Directory.CreateTempSubdirectory("rw-demo-").FullName;
        try
        {
            var result = RwProcess.Run(folder, new Dictionary<string, string> { ["RW__Worker__DiscoverIntervalSeconds"] = "1", ["RW__Dashboard__Url"] = "http://127.0.0.1:0" },
                "demo", "--scale", "0.05", "--years", "2024-2025", "--exit-when-idle");

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("demo pseudonymisation key", result.Output);
            Assert.Empty(Directory.GetFiles(Path.Combine(folder, "data", "storage", "landing"), "_READY", SearchOption.AllDirectories));
            using var connection = new DuckDbEngine(Path.Combine(folder, "data", "warehouse.duckdb")).Open();
            T Scalar<T>(string sql)
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T));
            }
            long Count(string sql) => Scalar<long>(sql);
            // 11 LAs: a 903 for each of 2 years, SF for each quarter of 2023-24 and 2024-25, 2 synthetic region-wide context files,
            // and the DfE's real LAIT release and statistical neighbour model (LAIT loads with the warnings its own dictionary earns).
            string[] returnTypes = ["SSDA903", "SF", "IMD", "POPULATION", "LAIT", "NEIGHBOURS"];
            var loaded = string.Join(", ", returnTypes.Select(r =>
                $"{r}={Count($"select count(*) from etl.submission_status where state in ('loaded', 'loaded_with_warnings') and return_type = '{r}'")}"));
            // When a count is off, what the run said about the published data says why.
            Assert.True(loaded == "SSDA903=22, SF=88, IMD=1, POPULATION=1, LAIT=1, NEIGHBOURS=1",
                $"{loaded}\n{string.Join('\n', (result.Output + result.Error).Split('\n').Where(l => l.Contains("LAIT") || l.Contains("NEIGHBOURS") || l.Contains("fail") || l.Contains("error")).TakeLast(30))}");
            Assert.Equal(0, Count("select count(*) from etl.submission_status where state not in ('loaded', 'loaded_with_warnings')"));
            Assert.Equal(0, Count("select count(*) from etl.submission_status where return_type = 'PUBLISHED'"));
            Assert.Equal("mixed", Scalar<string>("select neighbour_source from mart.benchmark where la_key = 919 and collection_year = 2025 and metric_id = 'cla_rate_per_10k'"));
            Assert.Equal(10, Count("select count(*) from mart.benchmark_neighbour where la_key = 919 and collection_year = 2025 and metric_id = 'cla_rate_per_10k' and value is not null"));
            Assert.True(Count("select la_count_england from mart.benchmark where la_key = 919 and collection_year = 2025 and metric_id = 'cla_rate_per_10k'") > 140);
            Assert.Equal(11, Count("select count(*) from mart.benchmark where collection_year = 2025 and metric_id = 'cla_rate_per_10k' and value is not null"));
            Assert.Equal(11, Count("select count(*) from mart.benchmark where collection_year = 2025 and metric_id = 'sf_families_worked_with' and value is not null"));
            Assert.Equal(11, Count("select count(*) from mart.benchmark where collection_year = 2025 and metric_id = 'cla_rate_per_10k' and england_source = 'published'"));
            Assert.Contains("loaded", result.Output);
            Assert.Matches(@"Dashboard at http://127\.0\.0\.1:\d+", result.Output);

            // The audit trail of the whole run: each load once, with its rows; the agreements as migrate applied them; the refreshes.
            Assert.Equal(0, Count("""
                select count(*) from etl.submission s
                where s.state in ('loaded', 'loaded_with_warnings')
                  and (select count(*) from etl.audit_event a where a.submission_id = s.submission_id and a.action = 'loaded' and a.row_count = s.rows_loaded) <> 1
                """));
            Assert.Equal(114, Count("select count(*) from etl.audit_event where actor = 'submission pipeline' and action = 'loaded'"));
            Assert.Equal(22, Count("select count(*) from etl.audit_event where actor = 'rw migrate (reference data)' and action = 'agreement added'"));
            Assert.True(Count("select count(*) from etl.audit_event where actor = 'mart refresh' and action = 'marts refreshed'") >= 1);
            // and never a child's identifier: none of the CHILD ids in the archived 903 headers appears in any event.
            var details = new List<string>();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "select coalesce(detail, '') || ' ' || actor from etl.audit_event";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                    details.Add(reader.GetString(0));
            }
            var children = Directory.GetFiles(Path.Combine(folder, "data", "storage", "archive"), "*_header_*.csv", SearchOption.AllDirectories)
                .SelectMany(f => File.ReadLines(f).Skip(1).Select(line => line.Split(',')[0])).ToList();
            Assert.True(children.Count > 100);
            Assert.DoesNotContain(children, child => details.Any(d => d.Contains(child, StringComparison.Ordinal)));
            connection.Dispose();

            // Then the README's tour, as written and in its order, on this fresh demo warehouse (the demo here is smaller
            // than README's, which takes minutes: the same commands, over two years): every step ends as the README says.
            var environment = new Dictionary<string, string>();
            foreach (var step in ReadmeTour.Steps())
            {
                if (step.Export is var (name, value))
                {
                    environment[name] = value;
                    continue;
                }
                if (step.Args[0] == "dashboard")
                    continue; // serves until Ctrl+C: the dashboard's own tests drive it in Chromium
                var run = RwProcess.Run(folder, new Dictionary<string, string>(environment).Concat(step.Environment).ToDictionary(), [.. step.Args]);
                Assert.True(run.ExitCode == 0, $"README step `rw {string.Join(' ', step.Args)}` exited {run.ExitCode}: {run.Error}{run.Output[..Math.Min(2000, run.Output.Length)]}");
                Assert.DoesNotContain("   at ", run.Output + run.Error);
                if (step.Args[0] == "ingest")
                    Assert.Contains("loaded", run.Output);   // "exit 0: loaded, its errors flagged under the tolerance"
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void An_upload_url_is_scoped_to_the_las_landing_folder_with_create_and_write_only()
    {
        using var azurite = Azurite.Start();

        var uri = SasCommand.UploadUri(azurite.ConnectionString, "919", TimeSpan.FromHours(24));

        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        Assert.EndsWith("/landing/919", uri.AbsolutePath);
        Assert.Equal("d", query["sr"]);
        Assert.Equal("1", query["sdd"]);
        Assert.Equal("cw", query["sp"]);
        var container = new BlobContainerClient(new Uri($"{uri.GetLeftPart(UriPartial.Authority)}/devstoreaccount1/landing?{uri.Query.TrimStart('?')}"));
        Assert.Throws<RequestFailedException>(() => container.GetBlobs().ToList());
    }

    [Fact]
    public void A_reports_url_is_scoped_to_the_las_own_reports_folder_with_read_and_list_only()
    {
        using var azurite = Azurite.Start();

        var uri = SasCommand.ReportsUri(azurite.ConnectionString, "919", TimeSpan.FromHours(24));

        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        Assert.EndsWith("/reports/919", uri.AbsolutePath);
        Assert.Equal(("d", "1", "rl"), (query["sr"], query["sdd"], query["sp"]));
        // Azurite refuses every directory SAS (sr=d) outright, so what a URL can reach is ADLS Gen2's to enforce;
        // here the URL's scope, depth and permissions are what can be checked.
        Assert.Null(query["sig"] is null ? "unsigned" : null);
    }

    [Fact]
    public void An_upload_url_needs_a_real_la_code()
    {
        Assert.ThrowsAny<Exception>(() => SasCommand.UploadUri(Azurite.ConnectionStringFor(1), "91", TimeSpan.FromHours(1)));
    }
}

/// <summary>The README's "five-minute tour" block, as a reader would type it: exports, then `rw` commands with their arguments.</summary>
public static class ReadmeTour
{
    public sealed record Step(IReadOnlyList<string> Args, IReadOnlyDictionary<string, string> Environment, (string Name, string Value)? Export = null);

    public static IEnumerable<Step> Steps()
    {
        var readme = File.ReadAllText(Path.Combine(Azurite.RepositoryRoot(), "README.md"));
        var tour = readme[readme.IndexOf("## A five-minute tour", StringComparison.Ordinal)..];
        var block = tour[(tour.IndexOf("```bash", StringComparison.Ordinal) + 7)..];
        block = block[..block.IndexOf("```", StringComparison.Ordinal)];
        foreach (var line in block.Replace("\\\n", " ").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("alias ", StringComparison.Ordinal)))
        {
            var words = Words(line);
            if (words[0] == "export")
            {
                var (name, value) = Assignment(words[1]);
                yield return new Step([], new Dictionary<string, string>(), (name, value));
                continue;
            }
            var environment = new Dictionary<string, string>();
            while (words[0].Contains('=') && !words[0].StartsWith('-'))
            {
                var (name, value) = Assignment(words[0]);
                environment[name] = value;
                words.RemoveAt(0);
            }
            Assert.Equal("rw", words[0]);
            yield return new Step(words.Skip(1).ToList(), environment);
        }
    }

    private static (string, string) Assignment(string word) => (word[..word.IndexOf('=')], word[(word.IndexOf('=') + 1)..]);

    /// <summary>Splits a shell line on spaces, keeping "quoted words" together and dropping the quotes.</summary>
    private static List<string> Words(string line)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
                quoted = !quoted;
            else if (c == ' ' && !quoted)
            {
                if (current.Length > 0)
                    words.Add(current.ToString());
                current.Clear();
            }
            else
                current.Append(c);
        }
        if (current.Length > 0)
            words.Add(current.ToString());
        return words;
    }
}
