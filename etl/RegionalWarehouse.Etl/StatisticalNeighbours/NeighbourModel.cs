using System.Globalization;

namespace RegionalWarehouse.Etl.StatisticalNeighbours;

/// <summary>One LA's neighbour at one rank, as the workbook lists it.</summary>
public sealed record NeighbourEntry(int Row, int LaNumber, string LaName, int Rank, int NeighbourNumber, string? Closeness, bool IsFormer);

/// <summary>
/// The DfE children's services statistical neighbour model (NFER) as published: sheet "LA SN Groups", two
/// rows of column numbering, a header row (LA num, LA Name, LA number, GOInd, GOReg, SN1, SNP, … SN10,
/// SNP), one row per LA, then an "Old SNs:" section for authorities that have since been reorganised,
/// kept and marked former.
/// </summary>
public sealed class NeighbourModel : PreparedReturn
{
    public const int Neighbours = 10, MaxRows = 1000;
    private const string SheetTable = "LA SN Groups", FormerSection = "Old SNs:";

    private readonly List<ValidationIssue> _issues = [];
    private readonly List<NeighbourEntry> _entries = [];
    private string _file = "";

    public IReadOnlyList<NeighbourEntry> Entries => _entries;

    public override IReadOnlyList<ValidationIssue> Issues => _issues;

    public override IReadOnlyDictionary<string, long> RowsByTable => new Dictionary<string, long>
    {
        [SheetTable] = _entries.Select(e => e.LaNumber).Distinct().Count(),
    };

    public static NeighbourModel Read(IReadOnlyList<ReturnFile> files, SubmissionIdentity identity, LaDirectory england)
    {
        var model = new NeighbourModel();
        if (!identity.IsRegionWide)
            model.Add(NeighbourModelRules.Submission, null, null, null, "The statistical neighbour model is national: drop it under region/NEIGHBOURS/{model version}/, e.g. region/NEIGHBOURS/2025-05/.");
        var workbooks = files.Where(f => f.Name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)).ToList();
        if (workbooks.Count != 1)
        {
            model.Add(NeighbourModelRules.Submission, null, null, null, $"Found {workbooks.Count} .xlsx file(s). Submit the DfE's workbook, e.g. statistical_neighbours_may_2025.xlsx, as the one .xlsx.");
            return model;
        }
        foreach (var other in files.Where(f => f != workbooks[0]))
            model._issues.Add(new ValidationIssue(NeighbourModelRules.Submission.Code, Severity.Warning, other.Name, null, null, null, null,
                "This file is not the neighbour workbook and was ignored."));
        model._file = workbooks[0].Name;
        try
        {
            using var reader = XlsxTableReader.Open(workbooks[0]);
            model.Parse(reader.Rows(), england);
        }
        catch (Exception ex) when (ex is InvalidDataException or FileFormatException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or System.Xml.XmlException)
        {
            model.Add(NeighbourModelRules.Submission, null, null, null, $"The workbook could not be read ({ex.Message}). Submit the DfE's .xlsx unchanged.");
        }
        return model;
    }

    private void Parse(IEnumerable<CsvRow> rows, LaDirectory england)
    {
        Dictionary<string, int>? header = null;
        int[] neighbourColumns = [];
        var former = false;
        var seen = new Dictionary<int, int>();
        foreach (var row in rows)
        {
            if (row.Number > MaxRows)
            {
                Add(NeighbourModelRules.TooLarge, row.Number, null, null, $"The sheet goes beyond row {MaxRows:N0}. Submit the DfE's workbook unchanged.");
                return;
            }
            string Cell(int index) => index >= 0 && index < row.Values.Length ? row.Values[index].Trim() : "";
            if (header is null)
            {
                if (!string.Equals(Cell(0), "LA num", StringComparison.OrdinalIgnoreCase))
                    continue;
                header = row.Values.Select((v, i) => (Name: v.Trim(), i)).Where(x => x.Name.Length > 0)
                    .GroupBy(x => x.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().i, StringComparer.OrdinalIgnoreCase);
                neighbourColumns = Enumerable.Range(1, Neighbours).Select(n => header.GetValueOrDefault($"SN{n}", -1)).ToArray();
                if (!header.ContainsKey("LA Name") || neighbourColumns.Any(c => c < 0))
                {
                    Add(NeighbourModelRules.Header, row.Number, null, null, "The header row lacks LA Name or one of SN1–SN10. Submit the DfE's workbook unchanged.");
                    return;
                }
                continue;
            }
            var name = Cell(header["LA Name"]);
            if (name.Equals(FormerSection, StringComparison.OrdinalIgnoreCase) || Cell(0).Equals(FormerSection, StringComparison.OrdinalIgnoreCase))
            {
                former = true;
                continue;
            }
            if (row.Values.All(v => v.Trim().Length == 0))
                continue;
            if (Whole(Cell(0)) is not { } la)
            {
                Add(NeighbourModelRules.LaNumber, row.Number, "LA num", Cell(0), "Give the LA's DfE code, e.g. 919.");
                continue;
            }
            if (!former && seen.TryGetValue(la, out var first))
            {
                Add(NeighbourModelRules.Duplicate, row.Number, "LA num", Cell(0), $"LA {la} already has its neighbours on row {first}.");
                continue;
            }
            seen.TryAdd(la, row.Number);
            if (!former && england.ByDfeCode(la.ToString(CultureInfo.InvariantCulture)) is null)
                Add(NeighbourModelRules.UnknownLa, row.Number, "LA num", Cell(0), $"{la} is not an English LA the platform knows; its row is loaded but not used.");
            for (var rank = 1; rank <= Neighbours; rank++)
            {
                var column = neighbourColumns[rank - 1];
                var text = Cell(column);
                if (Whole(text) is not { } neighbour || neighbour == la)
                {
                    if (!former || text.Length > 0)
                        Add(NeighbourModelRules.NeighbourNumber, row.Number, $"SN{rank}", text, $"Give neighbour {rank} of LA {la} as a DfE LA code other than {la}.");
                    continue;
                }
                var closeness = Band(Cell(column + 1));
                if (closeness is null && Cell(column + 1).Length > 0)
                    Add(NeighbourModelRules.Closeness, row.Number, "SNP", Cell(column + 1), $"'{Cell(column + 1)}' is not one of the model's closeness bands; it is kept as given.");
                _entries.Add(new NeighbourEntry(row.Number, la, name, rank, neighbour, closeness ?? NullIfEmpty(Cell(column + 1)), former));
            }
        }
        if (header is null)
            Add(NeighbourModelRules.Header, null, null, null, "No row starts with 'LA num'. Submit the DfE's statistical neighbour workbook (sheet LA SN Groups) unchanged.");
        else if (_entries.Count(e => !e.IsFormer) == 0)
            Add(NeighbourModelRules.Header, null, null, null, "The sheet lists no LA's neighbours.");
    }

    public override long Load(LoadContext context)
    {
        using var writer = context.Writer.Open("dw", "fact_statistical_neighbour",
            ["submission_id", "model_version", "la_number", "la_name", "neighbour_rank", "neighbour_number", "closeness", "is_former"]);
        foreach (var e in _entries)
            writer.Add(context.SubmissionId, context.Identity.Period, (short)e.LaNumber, e.LaName.Length > 100 ? e.LaName[..100] : e.LaName,
                (short)e.Rank, (short)e.NeighbourNumber, e.Closeness is { Length: > 30 } c ? c[..30] : e.Closeness, e.IsFormer);
        return writer.Count;
    }

    private static int? Whole(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n == Math.Floor(n) && n is >= 1 and <= 9999 ? (int)n : null;

    /// <summary>The bands in the model's own spelling, whatever the case ("Very Close" in the old section).</summary>
    private static string? Band(string text) => NeighbourModelRules.Bands.FirstOrDefault(b => b.Equals(text, StringComparison.OrdinalIgnoreCase));

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private void Add(RuleInfo rule, int? row, string? column, string? value, string message) =>
        _issues.Add(new ValidationIssue(rule.Code, rule.Severity, _file.Length == 0 ? null : _file, rule.Table, row, column,
            value is { Length: > 40 } ? value[..40] : value, message));
}
