using RegionalWarehouse.Etl.Privacy;
using RegionalWarehouse.Etl.Validation;

namespace RegionalWarehouse.Etl.Ssda903.Rules;

/// <summary>OC2 is only for children looked after continuously for at least 12 months at 31 March.</summary>
public sealed class Oc2TwelveMonthsRule()
    : Rule903("OC2-01", Severity.Error, Ssda903Schema.Oc2, "An OC2 child was looked after continuously for at least 12 months at 31 March.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => !r.IsBlank("CHILD") && data.HeaderByChild.ContainsKey(r.Child) && !LookedAfterTwelveMonths(data, r.Child))
            .Select(r => Issue(r, "CHILD", $"This child was not looked after continuously from 01/04/{data.CollectionYear - 1} to 31/03/{data.CollectionYear}, so has no OC2 record. Remove the row or correct the episodes."));

    public static bool LookedAfterTwelveMonths(Ssda903Return data, string child)
    {
        if (!data.EpisodesByChild.TryGetValue(child, out var chain) || !chain[^1].IsBlank("DEC"))
            return false;
        var start = chain[^1].Date("DECOM")!.Value;
        for (var i = chain.Count - 2; i >= 0 && chain[i]["REC"] == "X1" && chain[i].Date("DEC") == start; i--)
            start = chain[i].Date("DECOM")!.Value;
        return start <= data.YearStart;
    }
}

public sealed class SdqScoreRule()
    : Rule903("OC2-03", Severity.Error, Ssda903Schema.Oc2, "SDQ_SCORE is a whole number 0–40; when it is blank for a child the SDQ is due for (4 or over at 31 March, under 17 at 1 April), SDQ_REASON says why.")
{
    /// <summary>The SDQ is due for a child aged 4 or over at the year's end and under 17 at its start.</summary>
    public static bool IsDue(Record903 record, Ssda903Return data) =>
        record.Date("DOB") is { } dob && Degrade.AgeOn(dob, data.YearEnd) >= 4 && Degrade.AgeOn(dob, data.YearStart) < 17;

    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes)
    {
        foreach (var r in data[Table])
        {
            if (r.IsBlank("SDQ_SCORE"))
            {
                if (r.IsBlank("SDQ_REASON") && IsDue(r, data))
                    yield return Issue(r, "SDQ_REASON", "SDQ_SCORE is blank and so is SDQ_REASON. Enter the score, or the reason (SDQ1–SDQ5) it is missing.");
            }
            else if (!int.TryParse(r["SDQ_SCORE"], out var score) || score is < 0 or > 40)
            {
                yield return Issue(r, "SDQ_SCORE", "SDQ_SCORE must be a whole number from 0 to 40.");
            }
        }
    }
}

/// <summary>OC3 covers care leavers whose 17th to 21st birthday falls in the collection year.</summary>
public sealed class Oc3AgeRule()
    : Rule903("OC3-04", Severity.Error, Ssda903Schema.Oc3, "An OC3 young person has their 17th to 21st birthday in the collection year.")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => r.Date("DOB") is { } dob && AgeReachedInYear(dob, data) is < 17 or > 21)
            .Select(r => Issue(r, "DOB", "This young person does not turn 17 to 21 in the collection year, so has no OC3 record. Check DOB or remove the row."));

    public static int AgeReachedInYear(DateOnly dob, Ssda903Return data) => Degrade.AgeOn(dob, data.YearEnd);
}

/// <summary>Outcome flags are 0 or 1.</summary>
public sealed class FlagRule(string code, TableSchema table, string column)
    : Rule903(code, Severity.Error, table, $"{table.Name} {column} is 0 or 1 (or blank where not applicable).")
{
    public override IEnumerable<ValidationIssue> Check(Ssda903Return data, CodeLists codes) =>
        data[Table].Where(r => !r.IsBlank(column) && r[column] is not ("0" or "1"))
            .Select(r => Issue(r, column, $"{column} must be 0 (no) or 1 (yes)."));
}
