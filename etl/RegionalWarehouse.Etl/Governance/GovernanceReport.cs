using System.Globalization;
using System.Text;
using Markdig;
using RegionalWarehouse.Warehouse.Audit;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Governance;

/// <summary>
/// The record an information-governance lead asks for before signing: what is shared by whom and why, where it
/// is stored, who can see child-level rows, what is done to each personal field, how long it is kept, and the
/// last loads and agreement changes. Written from the warehouse and the configuration as they are, as Markdown
/// and HTML (`rw governance report`).
/// </summary>
public static class GovernanceReport
{
    /// <summary>What the loader does to each personal field of the 903 before it is stored (Ssda903Loader, ChildPseudonymiser).</summary>
    private static readonly (string Field, string Treatment)[] FieldTreatments =
    [
        ("CHILD (the LA's child identifier)", "Keyed HMAC-SHA256 of LA code and identifier (the key from configuration, never stored with the data); the raw identifier is never stored."),
        ("UPN (unique pupil number)", "Keyed HMAC-SHA256, tagged apart from child keys, for the check against next year's return; a UN reason code is kept as the code."),
        ("DOB, MC_DOB (dates of birth)", "Cut to the first of the month."),
        ("HOME_POST, PL_POST (postcodes)", "Cut to the postcode district (outward code); dropped when not a postcode."),
        ("DUC (date UASC status ceased, often the 18th birthday)", "Cut to the first of the month."),
        ("SW_ID (social worker identifier)", "Keyed HMAC-SHA256, tagged apart from child keys."),
        ("URN, LA_PERM (provider and LA codes)", "Kept only in their official formats; anything else (a name typed in) is stored blank."),
        ("All other items", "Coded values kept only when valid codes for the year; free text is never loaded."),
    ];

    public static string Markdown(IWarehouseEngine engine, AccessOptions access, DateTime generatedAtUtc)
    {
        using var connection = engine.Open();
        var text = new StringBuilder();
        text.AppendLine("# Regional Warehouse: governance report");
        text.AppendLine();
        text.AppendLine($"Generated {generatedAtUtc:yyyy-MM-dd HH:mm} UTC by `rw governance report` from the warehouse and the platform's configuration.");
        text.AppendLine();

        text.AppendLine("## What is shared, by whom, and why");
        text.AppendLine();
        text.AppendLine("Each LA's signed data-sharing agreements (`ReferenceData/data_sharing_agreements.csv`, applied by `rw migrate`). The platform takes an LA's 903 or Supporting Families return only under an agreement in force, and does not load the fields an agreement withholds.");
        text.AppendLine();
        text.AppendLine("| LA | return | agreement | purpose | child-level | fields withheld | in force | retention |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        using (var command = connection.Command(null, """
                   select coalesce(l.la_name, a.la_dfe_code), a.la_dfe_code, a.return_type, a.agreement_id, a.agreement_name, a.purpose, a.child_level,
                          a.withheld_fields, a.starts_on, a.ends_on, a.retention_years
                   from ref.data_sharing_agreement a
                   left join ref.local_authority l on l.dfe_code = a.la_dfe_code
                   order by 1, a.return_type, a.starts_on
                   """))
        using (var reader = command.ExecuteReader())
            while (reader.Read())
                text.AppendLine($"| {Cell(reader.GetString(0))} ({reader.GetString(1)}) | {reader.GetString(2)} | {Cell(reader.GetString(4))} ({reader.GetString(3)}) | {Cell(reader.GetString(5))} | " +
                                $"{(Convert.ToBoolean(reader.GetValue(6)) ? "yes" : "no")} | {(reader.IsDBNull(7) || reader.GetString(7).Length == 0 ? "none" : Cell(reader.GetString(7)))} | " +
                                $"{DbDate.ToDateOnly(reader.GetValue(8)):yyyy-MM-dd} to {(reader.IsDBNull(9) ? "open" : DbDate.ToDateOnly(reader.GetValue(9)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))} | " +
                                $"{reader.GetValue(10)} years |");
        text.AppendLine();

        text.AppendLine("## Where it is stored");
        text.AppendLine();
        text.AppendLine($"- Warehouse: {Cell(engine.Describe())}. Child-level rows are in the `dw` fact tables, keyed by pseudonym; the benchmarks in `mart` are aggregates with small-number suppression.");
        text.AppendLine("- Submitted files: the landing store, moved after processing to `archive/` (loaded) or `quarantine/` (rejected); each LA's reports under `reports/{la}/`.");
        text.AppendLine("- The Power BI semantic model imports the `bi` views; the web dashboard reads only the `mart` aggregates.");
        text.AppendLine();

        text.AppendLine("## Who can see child-level rows");
        text.AppendLine();
        text.AppendLine("In the Power BI model, row-level security limits each LA analyst to the child-level rows of the LAs `Access:LaAnalysts` grants them, " +
                        "and of those only the returns the LA's agreements in force share at child level (`bi.user_la_access`, as at the model's last refresh); " +
                        "regional leads see aggregates. The web dashboard shows no child-level rows.");
        text.AppendLine();
        if (access.LaAnalysts.Count == 0)
            text.AppendLine("No LA analyst is granted child-level rows in this deployment's configuration.");
        else
        {
            var shared = new Dictionary<(string User, string La), SortedSet<string>>();
            using (var command = connection.Command(null, """
                       select u.user_principal_name, l.dfe_code, u.return_type
                       from bi.user_la_access u join ref.local_authority l on l.la_key = u.la_key
                       """))
            using (var reader = command.ExecuteReader())
                while (reader.Read())
                {
                    var key = (reader.GetString(0).ToLowerInvariant(), reader.GetString(1));
                    if (!shared.TryGetValue(key, out var returns))
                        shared[key] = returns = new SortedSet<string>(StringComparer.Ordinal);
                    returns.Add(reader.GetString(2));
                }
            text.AppendLine("| analyst | LA granted | child-level rows they see under the LA's agreements |");
            text.AppendLine("|---|---|---|");
            foreach (var user in access.LaAnalysts.Keys.Order(StringComparer.OrdinalIgnoreCase))
                foreach (var la in access.LasOf(user))
                    text.AppendLine($"| {Cell(user)} | {Cell(la)} | {(shared.TryGetValue((user.Trim().ToLowerInvariant(), la), out var returns) ? string.Join(", ", returns) : "none: no child-level agreement in force")} |");
        }
        text.AppendLine();

        text.AppendLine("## What is done to each personal field");
        text.AppendLine();
        text.AppendLine("| field | treatment before it is stored |");
        text.AppendLine("|---|---|");
        foreach (var (field, treatment) in FieldTreatments)
            text.AppendLine($"| {field} | {treatment} |");
        text.AppendLine();
        text.AppendLine("Findings in an LA's report never echo a child's identifier, UPN, date of birth or postcode, except the LA's own CHILD identifier in that LA's own report.");
        text.AppendLine();

        text.AppendLine("## Retention");
        text.AppendLine();
        text.AppendLine("Each agreement's retention (above) is how long child-level rows may be kept, counted from the end of the return's period. " +
                        "The workers' retention job (nightly, `Worker:RetentionSchedule`; `rw retention --delete` on demand) deletes each expired return's " +
                        "child-level rows in one transaction, then its archived and quarantined raw files. The aggregate measures computed from those rows " +
                        "are kept (small-number suppression still applies wherever they are shown), and so are the later years' measures that look back into them, " +
                        "so no published figure changes. The LA's reports stay: they hold no child's identifier.");
        text.AppendLine();
        text.AppendLine("| LA | return | period | agreement | expired on | rows deleted (UTC) | rows | raw files |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        var deletions = 0;
        using (var command = connection.Command(null, """
                   select la_code, return_type, period, agreement_id, expired_on, deleted_at, rows_deleted, files_deleted
                   from etl.retention_deletion order by deleted_at, la_code, return_type, period
                   """))
        using (var reader = command.ExecuteReader())
            while (reader.Read())
            {
                deletions++;
                text.AppendLine($"| {reader.GetString(0)} | {reader.GetString(1)} | {reader.GetString(2)} | {Cell(reader.GetString(3))} | {DbDate.ToDateOnly(reader.GetValue(4)):yyyy-MM-dd} | " +
                                $"{Convert.ToDateTime(reader.GetValue(5)):yyyy-MM-dd HH:mm} | {Convert.ToInt64(reader.GetValue(6)).ToString("N0", CultureInfo.InvariantCulture)} | " +
                                $"{(reader.IsDBNull(7) ? "pending" : Convert.ToInt32(reader.GetValue(7)).ToString(CultureInfo.InvariantCulture))} |");
            }
        if (deletions == 0)
            text.AppendLine("| (none deleted yet) | | | | | | | |");
        text.AppendLine();

        text.AppendLine("## The last loads");
        text.AppendLine();
        text.AppendLine("| LA | return | latest period | state | rows | when (UTC) |");
        text.AppendLine("|---|---|---|---|---|---|");
        using (var command = connection.Command(null, """
                   select la_code, return_type, period, state, rows_loaded, updated_at
                   from (select s.*, row_number() over (partition by s.la_code, s.return_type order by s.period desc) as recency
                         from etl.submission_status s) latest
                   where recency = 1
                   order by la_code, return_type
                   """))
        using (var reader = command.ExecuteReader())
            while (reader.Read())
                text.AppendLine($"| {reader.GetString(0)} | {reader.GetString(1)} | {reader.GetString(2)} | {reader.GetString(3)} | " +
                                $"{(reader.IsDBNull(4) ? "" : Convert.ToInt64(reader.GetValue(4)).ToString("N0", CultureInfo.InvariantCulture))} | {Convert.ToDateTime(reader.GetValue(5)):yyyy-MM-dd HH:mm} |");
        text.AppendLine();

        text.AppendLine("## Changes of agreement");
        text.AppendLine();
        var changes = new AuditLog(engine).Read(actionStartingWith: "agreement");
        if (changes.Count == 0)
            text.AppendLine("None recorded.");
        else
        {
            text.AppendLine("| when (UTC) | change | LA | return | by |");
            text.AppendLine("|---|---|---|---|---|");
            foreach (var change in changes.TakeLast(50))
                text.AppendLine($"| {change.OccurredAt:yyyy-MM-dd HH:mm} | {change.Action} | {change.LaCode} | {change.ReturnType} | {Cell(change.Actor)} |");
        }
        text.AppendLine();
        text.AppendLine("The full audit trail (loads, replacements, rejections, mart refreshes) is printed by `rw audit`.");
        return text.ToString();
    }

    /// <summary>The same report as a standalone HTML page (raw HTML in the content is escaped, not passed through).</summary>
    public static string Html(string markdown)
    {
        var pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();
        return $"""
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Regional Warehouse: governance report</title>
                <style>body{"{"}font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#0b0c0c{"}"}
                table{"{"}border-collapse:collapse;margin:1rem 0{"}"}th,td{"{"}border:1px solid #b1b4b6;padding:.3rem .5rem;text-align:left;vertical-align:top{"}"}</style></head>
                <body>
                {Markdig.Markdown.ToHtml(markdown, pipeline)}
                </body>
                </html>
                """;
    }

    /// <summary>A value inside a Markdown table cell: pipes and line breaks would break the table.</summary>
    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
