namespace RegionalWarehouse.Synthetic.Ssda903;

/// <summary>
/// Named kinds of mistake the generator can plant in a return, each with the rule that must catch it,
/// so tests and demos can show a rejection with the right code and location.
/// </summary>
public static class ErrorInjection
{
    /// <summary>A kind of mistake; <paramref name="FirstYear"/> is the first collection year it can be made in (0: any).</summary>
    public sealed record Kind(string Name, string ExpectedRule, string Description, Func<GeneratedReturn, bool> Apply, int FirstYear = 0);

    public static readonly IReadOnlyList<Kind> Kinds =
    [
        new("missing-column", "FILE-02", "drop the LS column from the Episodes table", r => DropColumn(r[Ssda903Schema.Episodes], "LS")),
        new("unknown-file", "FILE-01", "add a CSV that is not a 903 table", r => { r.ExtraFiles["notes.csv"] = "NOTE,AUTHOR\nchecked,me\n"; return true; }),
        new("bad-code", "EPI-04", "give an episode the legal status ZZ", r => SetFirst(r[Ssda903Schema.Episodes], "LS", "ZZ")),
        new("bad-date", "EPI-02", "give an episode the start date 31/02", r => SetFirst(r[Ssda903Schema.Episodes], "DECOM", $"31/02/{r.Year - 1}")),
        new("duplicate-child", "HDR-08", "repeat a Header row", r => Duplicate(r[Ssda903Schema.Header])),
        new("orphan-episode", "EPI-12", "add an episode for a child not in the Header", r => Orphan(r)),
        new("bad-upn", "HDR-05", "corrupt a UPN's check letter", r => CorruptUpn(r[Ssda903Schema.Header])),
        new("overlap", "EPI-13", "make an episode start before the previous one ends", r => Overlap(r[Ssda903Schema.Episodes])),
        new("open-not-latest", "EPI-14", "clear the end date of an episode that has a successor", r => OpenNotLatest(r[Ssda903Schema.Episodes])),
        new("dob-after-start", "EPI-19", "move a child's date of birth after their first episode", r => DobAfterStart(r)),
        new("sdq-too-young", "OC2-17", "give an SDQ score to an OC2 child under 4 (DfE 188)", r => SdqTooYoung(r)),
        new("misuse-without-intervention", "OC2-15", "record a substance misuse problem without saying whether an intervention was received (DfE 192)", r => OnOc2(r, (oc2, row) =>
        {
            row[oc2.Column("SUBSTANCE_MISUSE")] = "1";
            row[oc2.Column("INTERVENTION_RECEIVED")] = "";
            row[oc2.Column("INTERVENTION_OFFERED")] = "";
        })),
        new("short-break-location", "EPI-31", "give a short break (V3) a placement postcode (DfE 214)", r => SetFirstWhere(r[Ssda903Schema.Episodes], e => e("PL_POST").Length > 0, "LS", "V3")),
        new("withdrawn-placement", "EPI-30", "use placement type P2 for an episode starting after 28 October 2023", r => SetFirstWhere(r[Ssda903Schema.Episodes],
            e => RegionalWarehouse.Etl.Csv.DateValue.Parse(e("DECOM")) >= new DateOnly(Math.Max(r.Year - 1, 2023), 11, 1), "PLACE", "P2"), FirstYear: 2024),
        new("temporary-with-provider", "EPI-29", "give a temporary placement (T1) a placement provider (DfE 213)", r => SetFirstWhere(r[Ssda903Schema.Episodes], e => e("PLACE_PROVIDER").Length > 0, "PLACE", "T1")),
    ];

    public static Kind Find(string name) =>
        Kinds.FirstOrDefault(k => k.Name == name)
        ?? throw new ArgumentException($"Unknown error kind '{name}'. Known: {string.Join(", ", Kinds.Select(k => k.Name))}.");

    /// <summary>An SDQ score for an OC2 child under 4 at 31 March, the child's Header and OC2 dates of birth kept alike.</summary>
    private static bool SdqTooYoung(GeneratedReturn r)
    {
        var oc2 = r[Ssda903Schema.Oc2];
        var young = oc2.Rows.FirstOrDefault(row => RegionalWarehouse.Etl.Csv.DateValue.Parse(row[oc2.Column("DOB")]) is { } dob
                                                   && RegionalWarehouse.Etl.Privacy.Degrade.AgeOn(dob, new DateOnly(r.Year, 3, 31)) < 4);
        if (young is null)
            return false;
        young[oc2.Column("SDQ_SCORE")] = "12";
        young[oc2.Column("SDQ_REASON")] = "";
        return true;
    }

    private static bool OnOc2(GeneratedReturn r, Action<GeneratedTable, string[]> edit)
    {
        var oc2 = r[Ssda903Schema.Oc2];
        if (oc2.Rows.Count == 0)
            return false;
        edit(oc2, oc2.Rows[0]);
        return true;
    }

    /// <summary>Sets <paramref name="column"/> to <paramref name="value"/> on the first row matching <paramref name="where"/>, if there is one.</summary>
    private static bool SetFirstWhere(GeneratedTable table, Func<Func<string, string>, bool> where, string column, string value)
    {
        var row = table.Rows.FirstOrDefault(r => where(name => r[table.Column(name)]));
        if (row is null)
            return false;
        row[table.Column(column)] = value;
        return true;
    }

    private static bool DropColumn(GeneratedTable table, string column)
    {
        var index = table.Column(column);
        table.Columns.RemoveAt(index);
        for (var i = 0; i < table.Rows.Count; i++)
            table.Rows[i] = [.. table.Rows[i].Take(index), .. table.Rows[i].Skip(index + 1)];
        return true;
    }

    private static bool SetFirst(GeneratedTable table, string column, string value)
    {
        if (table.Rows.Count == 0)
            return false;
        table.Rows[0][table.Column(column)] = value;
        return true;
    }

    private static bool Duplicate(GeneratedTable table)
    {
        if (table.Rows.Count == 0)
            return false;
        table.Rows.Add([.. table.Rows[0]]);
        return true;
    }

    private static bool Orphan(GeneratedReturn r)
    {
        var episodes = r[Ssda903Schema.Episodes];
        if (episodes.Rows.Count == 0)
            return false;
        string[] copy = [.. episodes.Rows[0]];
        copy[episodes.Column("CHILD")] = "NOT-IN-HEADER";
        episodes.Rows.Add(copy);
        return true;
    }

    private static bool CorruptUpn(GeneratedTable header)
    {
        var column = header.Column("UPN");
        var row = header.Rows.FirstOrDefault(r => r[column].Length == 13);
        if (row is null)
            return false;
        row[column] = (row[column][0] == 'A' ? 'B' : 'A') + row[column][1..];
        return true;
    }

    private static IEnumerable<(string[] Previous, string[] Next)> SameChildPairs(GeneratedTable episodes)
    {
        var child = episodes.Column("CHILD");
        return episodes.Rows.Zip(episodes.Rows.Skip(1)).Where(p => p.First[child] == p.Second[child]);
    }

    private static bool Overlap(GeneratedTable episodes)
    {
        int decom = episodes.Column("DECOM"), dec = episodes.Column("DEC");
        var pair = SameChildPairs(episodes).FirstOrDefault(p => RegionalWarehouse.Etl.Csv.DateValue.Parse(p.Previous[dec]) is { } end && RegionalWarehouse.Etl.Csv.DateValue.Parse(p.Previous[decom]) < end.AddDays(-2));
        if (pair.Next is null)
            return false;
        pair.Next[decom] = RegionalWarehouse.Etl.Csv.DateValue.Format(RegionalWarehouse.Etl.Csv.DateValue.Parse(pair.Previous[dec])!.Value.AddDays(-1));
        return true;
    }

    private static bool OpenNotLatest(GeneratedTable episodes)
    {
        var pair = SameChildPairs(episodes).FirstOrDefault();
        if (pair.Previous is null)
            return false;
        pair.Previous[episodes.Column("DEC")] = "";
        pair.Previous[episodes.Column("REC")] = "";
        return true;
    }

    private static bool DobAfterStart(GeneratedReturn r)
    {
        var header = r[Ssda903Schema.Header];
        var episodes = r[Ssda903Schema.Episodes];
        if (episodes.Rows.Count == 0)
            return false;
        var first = episodes.Rows[0];
        var child = first[episodes.Column("CHILD")];
        var row = header.Rows.First(h => h[header.Column("CHILD")] == child);
        row[header.Column("DOB")] = RegionalWarehouse.Etl.Csv.DateValue.Format(RegionalWarehouse.Etl.Csv.DateValue.Parse(first[episodes.Column("DECOM")])!.Value.AddDays(10));
        return true;
    }
}
