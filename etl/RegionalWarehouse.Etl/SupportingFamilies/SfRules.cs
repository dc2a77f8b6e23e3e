using static RegionalWarehouse.Etl.SupportingFamilies.SfSchema;
using Rule = RegionalWarehouse.Etl.Tabular.TabularRule<RegionalWarehouse.Etl.SupportingFamilies.SfContext>;

namespace RegionalWarehouse.Etl.SupportingFamilies;

/// <summary>What the Supporting Families rules check a file against.</summary>
public sealed record SfContext(string LaCode, SfPeriod Period, CodeLists Codes)
{
    public IEnumerable<string> Valid(string field) => Codes.ValidCodes(field, Period.CollectionYear);
}

/// <summary>
/// Every Supporting Families rule, each with a stable code (never reused). Dates must fall between the
/// family's attachment and the end of the quarter the return is for.
/// </summary>
public static class SfRules
{
    private const string Table = "Supporting Families";

    private static Rule Row(string code, Severity severity, string description, Func<TableRow, SfContext, IEnumerable<Finding>> check) =>
        Rule.PerRow(code, severity, Table, description, check);

    private static IEnumerable<Finding> When(bool condition, TableRow row, string column, string message) =>
        condition ? [new Finding(row, column, message)] : [];

    private static IEnumerable<Finding> Code(TableRow row, SfContext context, string column, bool required)
    {
        var value = row[column];
        if (value.Length == 0)
            return When(required, row, column, $"{column} is blank. Enter one of: {string.Join(", ", context.Valid(column))}.");
        return When(!context.Codes.IsValid(column, value, context.Period.CollectionYear), row, column,
            $"'{value}' is not a {column} code. Use one of: {string.Join(", ", context.Valid(column))}.");
    }

    private static IEnumerable<Finding> DateWithin(TableRow row, SfContext context, string column)
    {
        if (row.IsBlank(column) || row.Date(column) is not { } date)
            return [];
        if (date > context.Period.End)
            return [new Finding(row, column, $"{column} is after the end of {context.Period} ({DateValue.Format(context.Period.End)}). Check the date, or submit it with a later quarter.")];
        return When(row.Date("ATTACHED_DATE") is { } attached && date < attached, row, column,
            $"{column} is before the family's ATTACHED_DATE. Check both dates.");
    }

    private static IEnumerable<Finding> RealDate(TableRow row, string column) =>
        When(!row.IsBlank(column) && row.Date(column) is null, row, column, $"'{row[column]}' is not a date. Write it dd/mm/yyyy, e.g. 05/11/2024.");

    private static bool IsYes(TableRow row, string column) => string.Equals(row[column], "Y", StringComparison.OrdinalIgnoreCase);

    public static readonly IReadOnlyList<Rule> All =
    [
        Row("SF-01", Severity.Error, "FAMILY_ID is present on every row.",
            (r, _) => When(r.IsBlank("FAMILY_ID"), r, "FAMILY_ID", "FAMILY_ID is blank. Give every family the LA's own identifier for it.")),
        new("SF-02", Severity.Error, Table, "Each FAMILY_ID appears once in the file.",
            (rows, _) => TabularValidation.Duplicates(rows, r => r["FAMILY_ID"].ToUpperInvariant(), "FAMILY_ID",
                first => $"This family is already on row {first.Row}. List each family once, with its latest position.")),
        Row("SF-03", Severity.Error, "LA_CODE is the DfE code of the LA whose folder the file was dropped in.",
            (r, c) => When(!string.Equals(r["LA_CODE"], c.LaCode, StringComparison.OrdinalIgnoreCase), r, "LA_CODE",
                $"LA_CODE '{r["LA_CODE"]}' is not {c.LaCode}, the LA this file was submitted for. Correct the code, or drop the file in that LA's folder.")),
        Row("SF-04", Severity.Error, "ATTACHED_DATE is a real date (dd/mm/yyyy) and is present.",
            (r, _) => r.IsBlank("ATTACHED_DATE")
                ? [new Finding(r, "ATTACHED_DATE", "ATTACHED_DATE is blank. Enter the date work with the family started.")]
                : RealDate(r, "ATTACHED_DATE")),
        Row("SF-05", Severity.Error, "ATTACHED_DATE is not after the end of the quarter.",
            (r, c) => When(r.Date("ATTACHED_DATE") is { } d && d > c.Period.End, r, "ATTACHED_DATE",
                $"The family was attached after {c.Period} ended ({DateValue.Format(c.Period.End)}). Submit it with the quarter it was attached in.")),
        Row("SF-06", Severity.Error, "LEAD_PRACTITIONER_SERVICE is a service code and is present.",
            (r, c) => Code(r, c, "LEAD_PRACTITIONER_SERVICE", required: true)),
        Row("SF-07", Severity.Error, "FAMILY_SIZE_CHILDREN and FAMILY_SIZE_ADULTS are whole numbers 0–20, at least one person in all.",
            (r, _) =>
            {
                var bad = new[] { "FAMILY_SIZE_CHILDREN", "FAMILY_SIZE_ADULTS" }.Where(c => r.Integer(c) is not (>= 0 and <= 20)).ToList();
                if (bad.Count > 0)
                    return bad.Select(c => new Finding(r, c, $"{c} '{r[c]}' is not a whole number from 0 to 20. Enter how many people, e.g. 2."));
                return When(r.Integer("FAMILY_SIZE_CHILDREN") + r.Integer("FAMILY_SIZE_ADULTS") == 0, r, "FAMILY_SIZE_CHILDREN",
                    "The family has no children and no adults. Enter its size.");
            }),
        Row("SF-08", Severity.Error, "Each NEED_ flag is Y or N.",
            (r, _) => Headlines.SelectMany(h => When(r[h.NeedColumn].ToUpperInvariant() is not ("Y" or "N"), r, h.NeedColumn,
                $"{h.NeedColumn} must be Y or N. Enter Y if the assessment found a need under '{h.Name}'."))),
        Row("SF-09", Severity.Error, "Every family has at least one identified need.",
            (r, _) => When(Headlines.All(h => r[h.NeedColumn].ToUpperInvariant() is "N"), r, Headlines[0].NeedColumn,
                "No NEED_ flag is Y. A family is attached when its needs are assessed: mark each need identified.")),
        Row("SF-10", Severity.Error, "An OUTCOME_ flag is Y, N or blank, and Y only for an identified need.",
            (r, _) => Headlines.SelectMany(h =>
            {
                var outcome = r[h.OutcomeColumn].ToUpperInvariant();
                if (outcome is not ("" or "Y" or "N"))
                    return [new Finding(r, h.OutcomeColumn, $"{h.OutcomeColumn} must be Y, N or blank.")];
                return When(outcome == "Y" && !IsYes(r, h.NeedColumn), r, h.OutcomeColumn,
                    $"An outcome is recorded for '{h.Name}' but {h.NeedColumn} is not Y. Outcomes count only for identified needs: correct the need or the outcome.");
            })),
        Row("SF-11", Severity.Error, "An OUTCOME_..._DATE is a real date, given exactly when its outcome is Y.",
            (r, _) => Headlines.SelectMany(h =>
            {
                if (IsYes(r, h.OutcomeColumn) && r.IsBlank(h.OutcomeDateColumn))
                    return [new Finding(r, h.OutcomeDateColumn, $"{h.OutcomeColumn} is Y but {h.OutcomeDateColumn} is blank. Enter when the outcome was achieved.")];
                if (!IsYes(r, h.OutcomeColumn) && !r.IsBlank(h.OutcomeDateColumn))
                    return [new Finding(r, h.OutcomeDateColumn, $"{h.OutcomeDateColumn} is given but {h.OutcomeColumn} is not Y. Remove the date or set the outcome to Y.")];
                return RealDate(r, h.OutcomeDateColumn);
            })),
        Row("SF-12", Severity.Error, "Outcome dates fall between ATTACHED_DATE and the end of the quarter.",
            (r, c) => Headlines.SelectMany(h => DateWithin(r, c, h.OutcomeDateColumn))),
        Row("SF-13", Severity.Error, "CLAIM_TYPE is blank, SSP or EMP.",
            (r, c) => Code(r, c, "CLAIM_TYPE", required: false)),
        Row("SF-14", Severity.Error, "CLAIM_DATE is a real date, given exactly when CLAIM_TYPE is, between ATTACHED_DATE and the quarter's end.",
            (r, c) =>
            {
                if (!r.IsBlank("CLAIM_TYPE") && r.IsBlank("CLAIM_DATE"))
                    return [new Finding(r, "CLAIM_DATE", "CLAIM_TYPE is given but CLAIM_DATE is blank. Enter when the claim was made.")];
                if (r.IsBlank("CLAIM_TYPE") && !r.IsBlank("CLAIM_DATE"))
                    return [new Finding(r, "CLAIM_DATE", "CLAIM_DATE is given without a CLAIM_TYPE. Enter SSP or EMP, or remove the date.")];
                return RealDate(r, "CLAIM_DATE").Concat(DateWithin(r, c, "CLAIM_DATE"));
            }),
        Row("SF-15", Severity.Error, "An SSP claim has an outcome (Y) for every identified need.",
            (r, _) => When(string.Equals(r["CLAIM_TYPE"], "SSP", StringComparison.OrdinalIgnoreCase)
                           && Headlines.Any(h => IsYes(r, h.NeedColumn) && !IsYes(r, h.OutcomeColumn)), r, "CLAIM_TYPE",
                $"An SSP claim needs significant and sustained progress against every identified need, but {string.Join(", ", Headlines.Where(h => IsYes(r, h.NeedColumn) && !IsYes(r, h.OutcomeColumn)).Select(h => h.NeedColumn))} has no outcome. Record the outcomes or withdraw the claim.")),
        Row("SF-16", Severity.Error, "CLOSED_DATE is a real date between ATTACHED_DATE and the quarter's end.",
            (r, c) => RealDate(r, "CLOSED_DATE").Concat(DateWithin(r, c, "CLOSED_DATE"))),
        Row("SF-17", Severity.Error, "CLOSURE_REASON is a reason code, given exactly when CLOSED_DATE is.",
            (r, c) => r.IsBlank("CLOSED_DATE")
                ? When(!r.IsBlank("CLOSURE_REASON"), r, "CLOSURE_REASON", "CLOSURE_REASON is given but CLOSED_DATE is blank. Enter when work ended, or remove the reason.")
                : Code(r, c, "CLOSURE_REASON", required: true)),
        Row("SF-18", Severity.Warning, "A family closed before the quarter began is not part of the quarter's return.",
            (r, c) => When(r.Date("CLOSED_DATE") is { } d && d < c.Period.Start, r, "CLOSED_DATE",
                $"This family's work ended before {c.Period} began; it is loaded, but the return need only list families worked with in the quarter.")),
    ];
}
