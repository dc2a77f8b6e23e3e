using System.IO.Compression;
using CsCheck;
using RegionalWarehouse.Etl.Csv;
using RegionalWarehouse.Etl.SupportingFamilies;
using RegionalWarehouse.Synthetic.Demo;
using RegionalWarehouse.Tests.Lait;

namespace RegionalWarehouse.Tests.Invariants;

/// <summary>
/// Not a list of attacks but the properties every submission keeps, however hostile: CsCheck generates damaged,
/// bloated, nested, zipped and misnamed variants of every input form (the 903 as CSV tables and as XML, Supporting
/// Families as CSV and as a workbook, population and deprivation files, a LAIT release, the DfE's neighbour workbook)
/// and runs each through the real pipeline on a real DuckDB warehouse. For every one: the pipeline reaches a final
/// state (no exception escapes), at most one submission is current per LA, return and period, a rejected submission
/// leaves the warehouse as it was, no child's UPN, full date of birth or full postcode appears in the report or
/// anywhere in the warehouse, and the work done (bytes allocated) stays within a fixed multiple of the input's size.
/// On a failure CsCheck shrinks the case to the smallest that still breaks a property and prints its seed.
/// </summary>
public sealed class HostileSubmissionInvariantTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private static readonly string CsvFixture = Path.Combine(AppContext.BaseDirectory, "Ssda903", "Fixtures", "valid-919-2024");
    private static readonly string XmlFixture = Path.Combine(AppContext.BaseDirectory, "Ssda903", "Fixtures", "valid-919-2024-xml");

    /// <summary>Values in the fixtures that identify a child: none may leave the LA's files.</summary>
    private static readonly Lazy<IReadOnlyList<string>> PersonalValues = new(() =>
    {
        var header = File.ReadAllLines(Path.Combine(CsvFixture, "header.csv")).Skip(1).Select(l => l.Split(','));
        var episodes = File.ReadAllLines(Path.Combine(CsvFixture, "episodes.csv")).Skip(1).Select(l => l.Split(','));
        return header.SelectMany(h => new[] { h[2], h[4] }).Concat(episodes.SelectMany(e => new[] { e[10], e[11] }))
            .Where(v => v.Length >= 6 && !v.StartsWith("UN", StringComparison.Ordinal)).Distinct().ToList();
    });

    private readonly PipelineHarness _harness = new(refreshAfterEachLoad: false);
    private readonly string _work = Directory.CreateTempSubdirectory("rw-invariants-").FullName;
    private int _case;

    /// <summary>The input forms a submission arrives in: each is a valid submission before it is damaged.</summary>
    public enum Form
    {
        Cla903Csv, Cla903Xml, SupportingFamiliesCsv, SupportingFamiliesXlsx, Population, Deprivation, Lait, Neighbours,
    }

    /// <summary>What can be done to a submission: each kind of damage a file, a form or an identity can carry.</summary>
    public enum Damage
    {
        Truncate, Garble, RepeatLine, LongCell, ControlCharacters, ExtraColumn, DropHeaderColumn, SwapValues,
        XmlDeepNesting, XmlRepeatedEmptyGroup, XmlManyUnknownElements, XmlEntity, XmlDoctype, XmlLongChildId,
        ZipWhole, ZipTruncated, ZipGarbage, PeriodSpelling, LaSpelling,
    }

    public sealed record Attack(Form Form, Damage Damage, double Where, int Size, int Seed)
    {
        /// <summary>XML damage needs the XML form; every other damage applies to any form.</summary>
        public Form Target => Damage.ToString().StartsWith("Xml", StringComparison.Ordinal) ? Form.Cla903Xml : Form;

        public override string ToString() => $"{Damage} to {Target} at {Where:0.00} size {Size} seed {Seed}";
    }

    private static readonly Gen<Attack> Attacks =
        Gen.Select(Gen.Enum<Form>(), Gen.Enum<Damage>(), Gen.Double[0, 1], Gen.Int[1, 20_000], Gen.Int, (f, d, w, s, seed) => new Attack(f, d, w, s, seed));

    /// <summary>A valid submission of each form: where its files come from and the identity it is submitted under.</summary>
    private sealed record Valid(string ReturnType, string La, string Period, Action<string> WriteTo);

    private static Valid ValidOf(Form form) => form switch
    {
        Form.Cla903Csv => new("SSDA903", "919", "2024", folder => CopyFolder(CsvFixture, folder)),
        Form.Cla903Xml => new("SSDA903", "919", "2024", folder => CopyFolder(XmlFixture, folder)),
        Form.SupportingFamiliesCsv => new("SF", "919", "2024-Q3", folder => CopyFolder(SfFixture, folder)),
        Form.SupportingFamiliesXlsx => new("SF", "919", "2024-Q3", WriteSupportingFamiliesWorkbook),
        Form.Population => new("POPULATION", SubmissionIdentity.RegionWide, "2023", folder => CopyFolder(Path.Combine(ContextFixtures, "population"), folder)),
        Form.Deprivation => new("IMD", SubmissionIdentity.RegionWide, "2019", folder => CopyFolder(Path.Combine(ContextFixtures, "imd"), folder)),
        Form.Lait => new("LAIT", SubmissionIdentity.RegionWide, "2025", WriteLaitRelease),
        _ => new("NEIGHBOURS", SubmissionIdentity.RegionWide, "2025-05", folder => PublishedData.WriteTo(PublishedData.Neighbours, folder)),
    };

    private static readonly string SfFixture = Path.Combine(AppContext.BaseDirectory, "SupportingFamilies", "Fixtures", "valid-919-2024-Q3");
    private static readonly string ContextFixtures = Path.Combine(AppContext.BaseDirectory, "Context", "Fixtures");

    private static void WriteSupportingFamiliesWorkbook(string folder)
    {
        Directory.CreateDirectory(folder);
        var csv = Directory.GetFiles(SfFixture).Single();
        using var reader = CsvTableReader.Open(new ReturnFile(Path.GetFileName(csv), () => File.OpenRead(csv)));
        using var stream = File.Create(Path.Combine(folder, "families.xlsx"));
        SfTemplate.WriteXlsx(stream, reader.Rows().Select(r => (IReadOnlyList<string>)r.Values).ToList());
    }

    private static void WriteLaitRelease(string folder)
    {
        Directory.CreateDirectory(folder);
        LaitParquet.Write(Path.Combine(folder, "lait_bds_long.parquet"),
            [("LACnum", null, "2025", "Hertfordshire", "1020", 919, "East of England"), ("LACnum", null, "2024", "Hertfordshire", "990", 919, "East of England"),
             ("LACnum", null, "2025", "England", "83630", 970, ""), ("LACnum", null, "2025", "Luton", "c", 821, "East of England")]);
        File.WriteAllText(Path.Combine(folder, "lait_data_dictionary.csv"), LaitParquet.SmallDictionary);
    }

    [Fact]
    public void Every_hostile_variant_of_a_return_reaches_a_final_state_and_keeps_every_invariant()
    {
        // A clean load of every form first, so replacements, shrinkage and "current" are all exercised against something.
        foreach (var form in Enum.GetValues<Form>())
        {
            var valid = ValidOf(form);
            var folder = Path.Combine(_work, $"clean-{form}");
            valid.WriteTo(folder);
            var clean = _harness.Pipeline.Ingest(new SubmissionIdentity(valid.La, valid.ReturnType, valid.Period), SubmissionFiles.From(folder), folder);
            Assert.True(clean.Outcome is SubmissionStates.Loaded or SubmissionStates.LoadedWithWarnings, $"{form}: {clean.Outcome} {string.Join("; ", clean.Issues.Select(i => i.Message))}");
        }

        // One thread: the cases share the warehouse, and allocation is measured on the pipeline's thread.
        // A bounded run in the suite; RW_INVARIANT_ITERATIONS (or RW_INVARIANT_MINUTES) makes it the long run docs/fuzzing.md describes.
        if (int.TryParse(Environment.GetEnvironmentVariable("RW_INVARIANT_MINUTES"), out var minutes) && minutes > 0)
            Attacks.Sample(CheckOne, time: minutes * 60, threads: 1);
        else
            Attacks.Sample(CheckOne, iter: int.TryParse(Environment.GetEnvironmentVariable("RW_INVARIANT_ITERATIONS"), out var iterations) ? iterations : 20, threads: 1);
    }

    [Fact]
    public async Task In_blob_storage_every_hostile_upload_is_filed_away_once_and_no_download_is_left_behind()
    {
        // The same attacks, uploaded to Azurite as an LA's upload tool would (a folder with _READY last, or a .zip),
        // and processed by the real worker: whatever arrives ends in archive or quarantine exactly once.
        var attacks = new List<Attack>();
        Attacks.Sample(attacks.Add, iter: int.TryParse(Environment.GetEnvironmentVariable("RW_INVARIANT_BLOB_UPLOADS"), out var n) ? n : 8, threads: 1);
        using var azurite = Azurite.Start();
        var run = $"blob{Guid.NewGuid():N}"[..12];
        var uploads = new List<(Attack Attack, string Name)>();
        foreach (var attack in attacks)
        {
            var (path, la, period) = Prepare(attack);
            var name = $"{run}-{uploads.Count}x";   // "x": upload 1 is not a prefix of upload 10
            var landing = $"{la}/{ValidOf(attack.Target).ReturnType}/{period}/{name}";
            if (path.EndsWith(".zip", StringComparison.Ordinal))
            {
                var container = azurite.Client.GetBlobContainerClient("landing");
                await container.CreateIfNotExistsAsync();
                await container.GetBlobClient(landing + ".zip").UploadAsync(path, overwrite: true);
            }
            else
                await WorkerRun.UploadAsync(azurite.Client, path, landing);
            uploads.Add((attack, name));
        }
        using var warehouse = new TemporaryWarehouse();

        await WorkerRun.RunUntilIdleAsync(WorkerRun.Settings(warehouse.Engine.FilePath, azurite.ConnectionString), timeoutSeconds: 120);

        Assert.DoesNotContain(await WorkerRun.ListAsync(azurite.Client, "landing"), b => b.Contains(run, StringComparison.Ordinal));
        var filed = (await WorkerRun.ListAsync(azurite.Client, "archive")).Concat(await WorkerRun.ListAsync(azurite.Client, "quarantine")).ToList();
        foreach (var (attack, name) in uploads)
        {
            var folders = filed.Where(b => b.Contains($"-{name}", StringComparison.Ordinal)).Select(b => b[..b.LastIndexOf('/')]).Distinct().ToList();
            Assert.True(folders.Count == 1, $"{attack}: filed as [{string.Join(", ", folders)}]");
            Assert.Contains(filed, b => b == $"{folders[0]}/report.md");
        }
        Assert.Empty(Directory.GetFiles(Etl.Landing.BlobLandingStore.PrivateDownloadFolder(), $"*{run}*"));
        Assert.Equal(0L, warehouse.Scalar<long>("select count(*) from etl.submission where state in ('received', 'validating', 'loading')"));
        Assert.Equal(0L, warehouse.Scalar<long>(
            "select count(*) from (select la_code, return_type, period from etl.submission where is_current group by all having count(*) > 1)"));
    }

    private void CheckOne(Attack attack)
    {
        var (path, la, period) = Prepare(attack);
        var returnType = ValidOf(attack.Target).ReturnType;
        var inputBytes = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length)
            : new FileInfo(path).Length;
        var before = _harness.Snapshot();
        var personalBefore = PersonalValuesInWarehouse();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        SubmissionReport report;
        try
        {
            report = _harness.Pipeline.Ingest(new SubmissionIdentity(la, returnType, period), SubmissionFiles.From(path), path);
        }
        catch (Exception ex)
        {
            throw new Xunit.Sdk.XunitException($"{attack}: the pipeline threw {ex.GetType().Name}: {ex.Message}");
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        output.WriteLine($"{attack}: {report.Outcome}, {inputBytes:N0} bytes in, {allocated:N0} allocated, {clock.ElapsedMilliseconds:N0} ms");

        // A final state, said in the report.
        Assert.Contains(report.Outcome, new[] { SubmissionStates.Loaded, SubmissionStates.LoadedWithWarnings, SubmissionStates.LoadedWithErrors, SubmissionStates.Rejected, "unchanged" });
        // Bounded work: a fixed multiple of what was sent, never its square.
        Assert.True(allocated <= 64L * 1024 * 1024 + 400 * inputBytes, $"{attack}: {allocated:N0} bytes allocated for {inputBytes:N0} bytes of input");
        // One current submission per identity, whatever spelling reached the pipeline.
        Assert.Equal(0L, _harness.Warehouse.Scalar<long>(
            "select count(*) from (select la_code, return_type, period from etl.submission where is_current group by all having count(*) > 1)"));
        // Rejected changes nothing.
        if (report.Outcome == SubmissionStates.Rejected)
            Assert.True(before == _harness.Snapshot(), $"{attack}: rejected, yet the warehouse changed");
        // No personal value in the report or anywhere in the warehouse.
        // The LA's own report may quote what the LA put under a column that is not personal (a postcode typed under RNE):
        // that is how it finds the mistake. Anything else it shows is masked by column.
        var json = report.ToJson();
        if (attack.Damage != Damage.SwapValues)
            Assert.DoesNotContain(PersonalValues.Value, v => json.Contains(v, StringComparison.Ordinal));
        // Counted per column before and after: the cases share the warehouse, so when CsCheck shrinks a failure it
        // must blame only a case that itself stored a personal value, not one run after another did.
        var personalAfter = PersonalValuesInWarehouse();
        var added = personalAfter.Where(p => p.Value > personalBefore.GetValueOrDefault(p.Key)).Select(p => p.Key).ToList();
        Assert.True(added.Count == 0, $"{attack}: {string.Join(", ", added)} now hold(s) a personal value; findings holding one: {FindingsHoldingPersonalValues()}");
    }

    /// <summary>How many values of each text column of the warehouse hold a fixture's personal value: one query over every text column.</summary>
    private Dictionary<string, long> PersonalValuesInWarehouse()
    {
        var columns = _harness.Warehouse.Rows(
            "select c.table_schema, c.table_name, c.column_name from information_schema.columns c join information_schema.tables t " +
            "on t.table_schema = c.table_schema and t.table_name = c.table_name where c.data_type = 'VARCHAR' and t.table_type = 'BASE TABLE' and c.table_schema in ('dw', 'etl', 'mart')");
        var every = string.Join(" union all ", columns.Select(c => $"select '{c[0]}.{c[1]}.{c[2]}' as place, \"{c[2]}\" as c from {c[0]}.{c[1]}"));
        var any = string.Join(" or ", PersonalValues.Value.Select(v => $"strpos(c, '{v}') > 0"));
        return _harness.Warehouse.Rows($"select place, count(*) from ({every}) where {any} group by place")
            .ToDictionary(r => (string)r[0]!, r => Convert.ToInt64(r[1]));
    }

    private string FindingsHoldingPersonalValues()
    {
        var any = string.Join(" or ", PersonalValues.Value.Select(v => $"strpos(coalesce(cell_value, '') || message, '{v}') > 0"));
        return string.Join("; ", _harness.Warehouse.Rows($"select distinct rule_code, column_name, table_name from etl.submission_issue where {any} limit 5")
            .Select(r => $"{r[0]} at {r[2]}.{r[1]}"));
    }

    /// <summary>A damaged copy of a fixture, and the LA and period it is submitted under.</summary>
    private (string Path, string La, string Period) Prepare(Attack attack)
    {
        var random = new Random(attack.Seed);
        var folder = Path.Combine(_work, $"case-{++_case}");
        var valid = ValidOf(attack.Target);
        valid.WriteTo(folder);
        var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToArray();
        var file = files[random.Next(files.Length)];
        var (la, period) = (valid.La, valid.Period);
        switch (attack.Damage)
        {
            case Damage.Truncate:
                var bytes = File.ReadAllBytes(file);
                File.WriteAllBytes(file, bytes[..(int)(bytes.Length * attack.Where)]);
                break;
            case Damage.Garble:
                var garbled = File.ReadAllBytes(file);
                for (var i = 0; i < Math.Min(attack.Size, 200); i++)
                    garbled[random.Next(garbled.Length)] = (byte)random.Next(256);
                File.WriteAllBytes(file, garbled);
                break;
            case Damage.RepeatLine:
                var lines = File.ReadAllLines(file).ToList();
                var line = lines[Math.Min(lines.Count - 1, 1 + (int)((lines.Count - 1) * attack.Where))];
                lines.InsertRange(lines.Count / 2, Enumerable.Repeat(line, attack.Size));
                File.WriteAllLines(file, lines);
                break;
            case Damage.LongCell:
                Replace(file, attack.Where, new string((char)('0' + random.Next(10)), attack.Size * 10));
                break;
            case Damage.ControlCharacters:
                Replace(file, attack.Where, "\0\u0001\"\r\n\u202e,\"\"" + new string('\u0007', attack.Size % 50));
                break;
            case Damage.ExtraColumn:
                File.WriteAllLines(file, File.ReadAllLines(file).Select((l, i) => l + (i == 0 ? ",EXTRA_" + attack.Size : ",x")));
                break;
            case Damage.SwapValues:
                // Two values of one row trade places: a date of birth typed under ETHNIC, a postcode under RNE.
                var table = File.ReadAllLines(file);
                var at = Math.Min(table.Length - 1, 1 + (int)((table.Length - 1) * attack.Where));
                var cells = table[at].Split(',');
                var (a, b) = (random.Next(cells.Length), random.Next(cells.Length));
                (cells[a], cells[b]) = (cells[b], cells[a]);
                table[at] = string.Join(",", cells);
                File.WriteAllLines(file, table);
                break;
            case Damage.DropHeaderColumn:
                var all = File.ReadAllLines(file);
                all[0] = string.Join(",", all[0].Split(',').Skip(1));
                File.WriteAllLines(file, all);
                break;
            case Damage.XmlDeepNesting:
                Insert(folder, string.Concat(Enumerable.Repeat("<EPISODE>", attack.Size)) + string.Concat(Enumerable.Repeat("</EPISODE>", attack.Size)));
                break;
            case Damage.XmlRepeatedEmptyGroup:
                Insert(folder, string.Concat(Enumerable.Repeat("<AREVIEW/>", attack.Size * 5)));
                break;
            case Damage.XmlManyUnknownElements:
                Insert(folder, string.Concat(Enumerable.Range(0, attack.Size).Select(i => $"<U{i}>x</U{i}>")));
                break;
            case Damage.XmlEntity:
                Insert(folder, "<UPN>&L749609402960;</UPN>");
                break;
            case Damage.XmlDoctype:
                var xmlFile = Directory.GetFiles(folder, "*.xml").Single();
                File.WriteAllText(xmlFile, File.ReadAllText(xmlFile).Replace("<EXPSSDA903>", "<!DOCTYPE EXPSSDA903 [<!ENTITY a \"aaaaaaaaaa\">]><EXPSSDA903>", StringComparison.Ordinal));
                break;
            case Damage.XmlLongChildId:
                Insert(folder, $"<CHILDID>{new string('C', Math.Min(attack.Size, 3_990))}</CHILDID>" + string.Concat(Enumerable.Repeat("<AREVIEW/>", attack.Size)));
                break;
            case Damage.ZipWhole or Damage.ZipTruncated or Damage.ZipGarbage:
                return (Zip(folder, attack, random), la, period);
            case Damage.PeriodSpelling:
                string[] periods = period == "2024"
                    ? ["02024", " 2024", "2024 ", "2024.0", "2023-24", "FY2024", "2024/25", "+2024", "２０２４"]
                    : [$" {period}", $"{period} ", period.ToLowerInvariant(), period.Replace('-', '/'), $"0{period}", period.Replace('2', '２'), $"{period}-01"];
                period = periods[random.Next(periods.Length)];
                break;
            case Damage.LaSpelling:
                string[] las = la == "919"
                    ? ["0919", " 919", "919 ", "E10000015", "Hertfordshire", "９１９"]
                    : [" region", "REGION", "Region ", "regions", "E12000006", "919"];
                la = las[random.Next(las.Length)];
                break;
        }
        return (folder, la, period);
    }

    /// <summary>Puts text inside the XML return's first CHILD, just after its opening tag.</summary>
    private static void Insert(string folder, string text)
    {
        var file = Directory.GetFiles(folder, "*.xml").Single();
        var content = File.ReadAllText(file);
        var at = content.IndexOf("<CHILD>", StringComparison.Ordinal) + "<CHILD>".Length;
        File.WriteAllText(file, content[..at] + text + content[at..]);
    }

    private static void Replace(string file, double where, string text)
    {
        var content = File.ReadAllText(file);
        var at = Math.Clamp((int)(content.Length * where), 0, content.Length);
        File.WriteAllText(file, content[..at] + text + content[at..]);
    }

    private string Zip(string folder, Attack attack, Random random)
    {
        var zip = Path.Combine(_work, $"case-{_case}.zip");
        ZipFile.CreateFromDirectory(folder, zip);
        var bytes = File.ReadAllBytes(zip);
        if (attack.Damage == Damage.ZipTruncated)
            File.WriteAllBytes(zip, bytes[..Math.Max(1, (int)(bytes.Length * attack.Where))]);
        else if (attack.Damage == Damage.ZipGarbage)
        {
            var garbage = new byte[Math.Max(22, attack.Size)];
            random.NextBytes(garbage);
            File.WriteAllBytes(zip, garbage);
        }
        return zip;
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }

    public void Dispose()
    {
        _harness.Dispose();
        Directory.Delete(_work, recursive: true);
    }
}
