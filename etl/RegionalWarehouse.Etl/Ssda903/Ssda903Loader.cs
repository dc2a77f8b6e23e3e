using RegionalWarehouse.Etl.Privacy;
using RegionalWarehouse.Etl.Ssda903.Rules;
using static RegionalWarehouse.Etl.Ssda903.Ssda903Schema;

namespace RegionalWarehouse.Etl.Ssda903;

/// <summary>
/// Writes a validated 903 return into the dw facts. This is where personal data is reduced: CHILD becomes
/// a keyed pseudonym, UPN becomes a keyed pseudonym (or its UN reason code), a social worker's ID becomes a keyed pseudonym, dates of birth become months,
/// postcodes become districts. A return loaded with tolerated record errors keeps a coded field only when it
/// is a valid code for the year and an identifier only when it has its format: anything else (a name typed
/// into URN, a 10 MB cell) is stored as blank, its error being in the LA's report.
/// Columns are listed in table order, as the DuckDB appender requires.
/// </summary>
public sealed class Ssda903Loader(LoadContext context, CodeLists codes)
{
    public static readonly IReadOnlyList<string> FactTables =
    [
        "dw.fact_cla_child", "dw.fact_cla_episode", "dw.fact_cla_review", "dw.fact_cla_missing", "dw.fact_cla_oc2",
        "dw.fact_cla_oc3", "dw.fact_cla_adoption", "dw.fact_cla_placed_for_adoption", "dw.fact_cla_uasc", "dw.fact_cla_previous_permanence",
        "dw.fact_cla_social_worker_episode",
    ];

    private static readonly string[] Lineage = ["submission_id", "la_key", "collection_year", "child_key"];

    private short Year => short.Parse(context.Identity.Period);

    public long Load(Ssda903Return data)
    {
        long rows = 0;
        rows += Write("fact_cla_child", ["sex", "ethnic_code", "birth_month", "is_mother", "mother_child_birth_month", "upn_recorded", "upn_key", "upn_reason"],
            data[Header], r => [Rules.SexCode.ToStored(r["SEX"]), Code(r, "ETHNIC"), Degrade.ToMonth(r.Date("DOB")), Flag(r["MOTHER"]),
                Degrade.ToMonth(r.Date("MC_DOB")), !r.IsBlank("UPN") && !r["UPN"].StartsWith("UN", StringComparison.OrdinalIgnoreCase),
                UpnCheckLetterRule.IsPupilNumber(r["UPN"]) ? context.Pseudonymiser.UpnKeyFor(context.Identity.LaCode, r["UPN"]) : null,
                UpnCheckLetterRule.IsReasonCode(r["UPN"]) ? r["UPN"] : null]);

        rows += Write("fact_cla_episode",
            ["episode_start", "episode_end", "rne", "legal_status", "category_of_need", "placement_type", "placement_provider", "reason_ceased",
             "reason_place_change", "home_district", "placement_district", "placement_urn", "age_at_start"],
            data[Episodes], r => [r.Date("DECOM"), r.Date("DEC"), Code(r, "RNE"), Code(r, "LS"), Code(r, "CIN"), Code(r, "PLACE"),
                Code(r, "PLACE_PROVIDER"), Code(r, "REC"), Code(r, "REASON_PLACE_CHANGE"), Degrade.ToDistrict(r["HOME_POST"]),
                Degrade.ToDistrict(r["PL_POST"]), Urn(r["URN"]), AgeAt(data, r.Child, r.Date("DECOM"))]);

        rows += Write("fact_cla_review", ["review_date", "review_code"], data[Reviews], r => [r.Date("REVIEW"), Code(r, "REVIEW_CODE")]);

        rows += Write("fact_cla_missing", ["missing_type", "missing_start", "missing_end"], data[Missing],
            r => [Code(r, "MISSING"), r.Date("MIS_START"), r.Date("MIS_END")]);

        rows += Write("fact_cla_oc2",
            ["sdq_score", "sdq_reason", "convicted", "health_check", "immunisations", "teeth_check", "health_assessment", "substance_misuse",
             "intervention_received", "intervention_offered"],
            data[Oc2], r => [Small(r["SDQ_SCORE"]), Code(r, "SDQ_REASON"), Flag(r["CONVICTED"]), Flag(r["HEALTH_CHECK"]), Flag(r["IMMUNISATIONS"]),
                Flag(r["TEETH_CHECK"]), Flag(r["HEALTH_ASSESSMENT"]), Flag(r["SUBSTANCE_MISUSE"]), Flag(r["INTERVENTION_RECEIVED"]), Flag(r["INTERVENTION_OFFERED"])]);

        rows += Write("fact_cla_oc3", ["in_touch", "activity", "accommodation", "age_at_year_end"], data[Oc3],
            r => [Code(r, "IN_TOUCH"), Code(r, "ACTIV"), Code(r, "ACCOM"), AgeAt(data, r.Child, data.YearEnd, r.Date("DOB"))]);

        rows += Write("fact_cla_adoption",
            ["date_should_be_adopted", "date_matched", "adopted_by_foster_carer", "number_of_adopters", "sex_of_adopters", "legal_status_of_adopters"],
            data[Ad1], r => [r.Date("DATE_INT"), r.Date("DATE_MATCH"), Flag(r["FOSTER_CARE"]), Small(r["NB_ADOPTR"]), Code(r, "SEX_ADOPTR"), Code(r, "LS_ADOPTR")]);

        rows += Write("fact_cla_placed_for_adoption", ["date_placed", "date_placed_ceased", "reason_placed_ceased"], data[PlacedAdoption],
            r => [r.Date("DATE_PLACED"), r.Date("DATE_PLACED_CEASED"), Code(r, "REASON_PLACED_CEASED")]);

        // The date UASC status ceases is usually the 18th birthday, so it would reveal the full date of birth:
        // kept as its month, which still decides status at 31 March exactly.
        rows += Write("fact_cla_uasc", ["date_uasc_ceased"], data[Uasc], r => [Degrade.ToMonth(r.Date("DUC"))]);

        rows += Write("fact_cla_previous_permanence", ["previous_permanence", "permanence_la", "date_permanence"], data[PrevPerm],
            r => [Code(r, "PREV_PERM"), LaCode(r["LA_PERM"]), r.Date("DATE_PERM")]);

        // SW_ID is the LA's own staff identifier: kept only as a keyed pseudonym, so next year's return can be
        // checked for carrying on the same social worker.
        rows += Write("fact_cla_social_worker_episode", ["social_worker_key", "sw_episode_start", "sw_episode_end", "sw_reason"], data[SocialWorkerEpisodes],
            r => [SocialWorkerKey(r["SW_ID"]), r.Date("SW_DECOM"), r.Date("SW_DEC"), Code(r, "SW_REASON")]);
        return rows;
    }

    /// <summary>
    /// A return loaded with tolerated record errors may hold rows the warehouse cannot store as they are: no
    /// child identifier, an unreadable key date, or a repeated key. Those rows are left out (their errors are in
    /// the report); every other row loads as sent.
    /// </summary>
    private static readonly Dictionary<TableSchema, string> KeyDates = new()
    {
        [Episodes] = "DECOM",
        [Reviews] = "REVIEW",
        [Missing] = "MIS_START",
        [SocialWorkerEpisodes] = "SW_DECOM",
    };

    private static bool Storable(Record903 record, HashSet<string> keys) =>
        record.Child.Length > 0
        && (!KeyDates.TryGetValue(record.Table, out var keyDate) || record.Date(keyDate) is not null)
        && keys.Add(string.Join('\u001f', record.Table.Key.Select(k => record[k])));

    private long Write(string table, string[] columns, IReadOnlyList<Record903> records, Func<Record903, object?[]> values)
    {
        using var writer = context.Writer.Open("dw", table, [.. Lineage, .. columns]);
        var keys = new HashSet<string>();
        foreach (var record in records.Where(r => Storable(r, keys)))
        {
            object?[] lineage = [context.SubmissionId, context.LaKey, Year, context.Pseudonymiser.KeyFor(context.Identity.LaCode, record.Child)];
            writer.Add([.. lineage, .. values(record)]);
        }
        return writer.Count;
    }

    private static short? AgeAt(Ssda903Return data, string child, DateOnly? on, DateOnly? dobOverride = null) =>
        (dobOverride ?? data.DateOfBirth(child)) is { } dob && on is { } date && dob <= date ? (short)Degrade.AgeOn(dob, date) : null;

    private string? Code(Record903 record, string field) =>
        record[field] is { Length: > 0 } value && codes.IsValid(field, value, Year) ? value.ToUpperInvariant() : null;

    private long? SocialWorkerKey(string id) =>
        id.StartsWith("SW", StringComparison.Ordinal) ? context.Pseudonymiser.SocialWorkerKeyFor(context.Identity.LaCode, id) : null;

    private static string? Urn(string value) => Formats.IsUrn(value) ? value.ToUpperInvariant() : null;

    private static string? LaCode(string value) => Formats.IsLaCode(value) ? value.ToUpperInvariant() : null;

    private static short? Small(string value) => short.TryParse(value, out var n) ? n : null;

    private static bool? Flag(string value) => value switch { "1" => true, "0" => false, _ => null };
}
