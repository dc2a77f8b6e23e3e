using RegionalWarehouse.Etl.Privacy;

namespace RegionalWarehouse.Etl.Ssda903.Rules;

public sealed class SdqScoreRule()
    : Rule903(new("OC2-03", Dfe: "180 186 197B"), Severity.Error, Ssda903Schema.Oc2, "SDQ_SCORE is a whole number 0–40; when it is blank for a child the SDQ is due for (4 or over at 31 March, under 17 at 1 April), SDQ_REASON says why.")
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
