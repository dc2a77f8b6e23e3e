using System.IO.Compression;
using CsCheck;

namespace RegionalWarehouse.Tests.Invariants;

/// <summary>
/// Not a list of attacks but the properties every submission keeps, however hostile: CsCheck generates damaged,
/// bloated, nested, zipped and misnamed variants of a valid 903 return (CSV and XML forms) and runs each through the
/// real pipeline on a real DuckDB warehouse. For every one: the pipeline reaches a final state (no exception escapes),
/// at most one submission is current per LA, return and period, a rejected submission leaves the warehouse as it was,
/// no child's UPN, full date of birth or full postcode appears in the report or anywhere in the warehouse, and the work
/// done (bytes allocated) stays within a fixed multiple of the input's size. On a failure CsCheck shrinks the case
/// to the smallest that still breaks a property and prints its seed.
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

    /// <summary>What can be done to a submission: each kind of damage a file, a form or an identity can carry.</summary>
    public enum Damage
    {
        Truncate, Garble, RepeatLine, LongCell, ControlCharacters, ExtraColumn, DropHeaderColumn,
        XmlDeepNesting, XmlRepeatedEmptyGroup, XmlManyUnknownElements, XmlEntity, XmlDoctype, XmlLongChildId,
        ZipWhole, ZipTruncated, ZipGarbage, PeriodSpelling, LaSpelling,
    }

    public sealed record Attack(Damage Damage, double Where, int Size, int Seed)
    {
        public override string ToString() => $"{Damage} at {Where:0.00} size {Size} seed {Seed}";
    }

    private static readonly Gen<Attack> Attacks =
        Gen.Select(Gen.Enum<Damage>(), Gen.Double[0, 1], Gen.Int[1, 20_000], Gen.Int, (d, w, s, seed) => new Attack(d, w, s, seed));

    [Fact]
    public void Every_hostile_variant_of_a_return_reaches_a_final_state_and_keeps_every_invariant()
    {
        // A clean load first, so replacements, shrinkage and "current" are all exercised against something.
        var clean = _harness.Ingest903(CsvFixture);
        Assert.NotEqual(SubmissionStates.Rejected, clean.Outcome);

        // One thread: the cases share the warehouse, and allocation is measured on the pipeline's thread.
        // A bounded run in the suite; RW_INVARIANT_ITERATIONS (or RW_INVARIANT_MINUTES) makes it the long run docs/fuzzing.md describes.
        if (int.TryParse(Environment.GetEnvironmentVariable("RW_INVARIANT_MINUTES"), out var minutes) && minutes > 0)
            Attacks.Sample(CheckOne, time: minutes * 60, threads: 1);
        else
            Attacks.Sample(CheckOne, iter: int.TryParse(Environment.GetEnvironmentVariable("RW_INVARIANT_ITERATIONS"), out var iterations) ? iterations : 20, threads: 1);
    }

    private void CheckOne(Attack attack)
    {
        var (path, la, period) = Prepare(attack);
        var inputBytes = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length)
            : new FileInfo(path).Length;
        var before = _harness.Snapshot();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        SubmissionReport report;
        try
        {
            report = _harness.Pipeline.Ingest(new SubmissionIdentity(la, "SSDA903", period), SubmissionFiles.From(path), path);
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
        var json = report.ToJson();
        Assert.DoesNotContain(PersonalValues.Value, v => json.Contains(v, StringComparison.Ordinal));
        var found = PersonalValueInWarehouse();
        Assert.True(found is null, $"{attack}: {found}");
    }

    /// <summary>The first text column of the warehouse holding a fixture's personal value, or null: one query over every text column.</summary>
    private string? PersonalValueInWarehouse()
    {
        var columns = _harness.Warehouse.Rows(
            "select c.table_schema, c.table_name, c.column_name from information_schema.columns c join information_schema.tables t " +
            "on t.table_schema = c.table_schema and t.table_name = c.table_name where c.data_type = 'VARCHAR' and t.table_type = 'BASE TABLE' and c.table_schema in ('dw', 'etl', 'mart')");
        var every = string.Join(" union all ", columns.Select(c => $"select '{c[0]}.{c[1]}.{c[2]}' as place, \"{c[2]}\" as c from {c[0]}.{c[1]}"));
        var any = string.Join(" or ", PersonalValues.Value.Select(v => $"strpos(c, '{v}') > 0"));
        return _harness.Warehouse.Rows($"select place from ({every}) where {any} limit 1").Select(r => $"{r[0]} holds a personal value").FirstOrDefault();
    }

    /// <summary>A damaged copy of a fixture, and the LA and period it is submitted under.</summary>
    private (string Path, string La, string Period) Prepare(Attack attack)
    {
        var random = new Random(attack.Seed);
        var folder = Path.Combine(_work, $"case-{++_case}");
        var xml = attack.Damage.ToString().StartsWith("Xml", StringComparison.Ordinal) || random.Next(4) == 0;
        CopyFolder(xml ? XmlFixture : CsvFixture, folder);
        var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToArray();
        var file = files[random.Next(files.Length)];
        var (la, period) = ("919", "2024");
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
                period = new[] { "02024", " 2024", "2024 ", "2024.0", "2023-24", "FY2024", "2024/25", "+2024", "２０２４" }[random.Next(9)];
                break;
            case Damage.LaSpelling:
                la = new[] { "0919", " 919", "919 ", "E10000015", "Hertfordshire", "９１９" }[random.Next(6)];
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
