using System.Data.Common;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Ssda903.Reconciliation;

/// <summary>
/// The check 903 analysts run on every return: children looked after at 31 March last year + started −
/// ceased should equal this year's count. Each child is counted once, as the DfE counts them, so children
/// who left and came back within the year, records changed since last year's return and episodes with no
/// recorded start or cease all show as differences; the section names each, so the LA can tell expected
/// differences from data problems. Figures come from dw.cla_stock_flow_for(la, year), the view dw.cla_stock_flow for
/// one LA-year (it reads only that year and the one before).
/// </summary>
public static class StockFlowReconciliation
{
    public const string Title = "Stock-flow reconciliation: children looked after";

    public static ReportSection Read(DbConnection connection, DbTransaction transaction, int laKey, int year)
    {
        // Both values are integers the pipeline resolved itself, never text from the submission.
        using var command = connection.Command(transaction, $"""
            select has_previous_return, opening_last_return, opening_this_return, started, ceased, closing,
                   returned_after_ceasing, ceased_after_returning, in_care_without_start, left_without_cease,
                   no_longer_in_opening, newly_in_opening
            from dw.cla_stock_flow_for({laKey}, {year})
            """);
        using var reader = command.ExecuteReader();
        var figures = reader.Read()
            ? Enumerable.Range(0, reader.FieldCount).Select(i => DbNumber.ToInt64(reader.GetValue(i))).ToArray()
            : new long[12];
        return Describe(year, new StockFlow(figures[0] > 0, figures[1], figures[2], figures[3], figures[4], figures[5], figures[6], figures[7],
            figures[8], figures[9], figures[10], figures[11]));
    }

    public static ReportSection Describe(int year, StockFlow f)
    {
        var lastMarch = $"31 March {year - 1}";
        var thisMarch = $"31 March {year}";
        var expected = f.OpeningThisReturn + f.Started - f.Ceased;
        var explained = f.ReturnedAfterCeasing - f.CeasedAfterReturning + f.InCareWithoutStart - f.LeftWithoutCease;
        var unexplained = f.Closing - expected - explained;
        var lines = new List<ReportLine>();
        if (f.HasPreviousReturn)
        {
            lines.Add(new($"Looked after at {lastMarch}, by last year's return", f.OpeningLastReturn, "the count the platform holds for last year"));
            if (f.NoLongerInOpening > 0)
                lines.Add(new($"− no longer looked after on {lastMarch} in this return", f.NoLongerInOpening,
                    "children last year's return had in care at year end whom this return does not: check their episodes in both years"));
            if (f.NewlyInOpening > 0)
                lines.Add(new($"+ now looked after on {lastMarch} in this return", f.NewlyInOpening,
                    "children this return has in care at the start of the year whom last year's return did not: late or changed records"));
        }
        lines.Add(new($"Looked after at {lastMarch}, by this return", f.OpeningThisReturn, "children with an episode open on 1 April"));
        lines.Add(new("+ started to be looked after in the year", f.Started, "children with an episode with RNE S in the year"));
        lines.Add(new("− ceased to be looked after in the year", f.Ceased, "children with an episode ending in the year for a reason other than X1"));
        lines.Add(new($"= expected at {thisMarch}", expected, null));
        if (f.ReturnedAfterCeasing > 0)
            lines.Add(new("+ returned after ceasing in the year", f.ReturnedAfterCeasing, "counted once in started and ceased, but in care at year end: expected"));
        if (f.CeasedAfterReturning > 0)
            lines.Add(new("− ceased again after returning in the year", f.CeasedAfterReturning, "in care on 1 April, ceased, started again and ceased again: expected"));
        if (f.InCareWithoutStart > 0)
            lines.Add(new("+ in care at year end with no start", f.InCareWithoutStart,
                "an episode open at year end, but none open on 1 April and no RNE S: check the first episode's RNE"));
        if (f.LeftWithoutCease > 0)
            lines.Add(new("− not in care at year end with no cease", f.LeftWithoutCease,
                "in care on 1 April, not at year end, and no episode ended with a cease reason: check the last episode's REC"));
        if (unexplained != 0)
            lines.Add(new("± not explained by the above", unexplained, "episodes whose order does not describe one care history: check overlapping or repeated episodes"));
        lines.Add(new($"Looked after at {thisMarch}", f.Closing, "the count in this year's benchmarks"));

        var problems = f.InCareWithoutStart + f.LeftWithoutCease + Math.Abs(unexplained) + (f.HasPreviousReturn ? f.NoLongerInOpening + f.NewlyInOpening : 0);
        var note = (f.HasPreviousReturn ? "" : $"No {year - 1} return is loaded for this LA, so the year opens from this return's episodes open on 1 April. ")
                   + (problems == 0
                       ? "Every difference is explained by children leaving and returning within the year."
                       : $"{problems:N0} child(ren) are in differences that usually mean a data problem: see the lines above.");
        return new ReportSection(Title, lines, note, problems > 0);
    }
}

/// <summary>One LA-year's stock and flows, each child counted once (see the view dw.cla_stock_flow for the definitions).</summary>
public sealed record StockFlow(
    bool HasPreviousReturn, long OpeningLastReturn, long OpeningThisReturn, long Started, long Ceased, long Closing,
    long ReturnedAfterCeasing, long CeasedAfterReturning, long InCareWithoutStart, long LeftWithoutCease,
    long NoLongerInOpening, long NewlyInOpening);
