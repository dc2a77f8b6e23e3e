using System.Data.Common;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Forecasting;

/// <summary>The placement groups the forecast projects, as a sufficiency plan costs them.</summary>
public static class PlacementGroups
{
    public const string Foster = "Foster placements";
    public const string Residential = "Residential settings";
    public const string Parents = "Placed with parents";
    public const string Adoption = "Placed for adoption";
    public const string Independent = "Independent living";
    public const string Other = "Other placements";

    /// <summary>The row that sums every group.</summary>
    public const string All = "All placements";

    public static readonly IReadOnlyList<string> Each = [Foster, Residential, Parents, Adoption, Independent, Other];

    public static int IndexOf(string group) => Each.ToList().IndexOf(group) is var i and >= 0 ? i : Each.Count - 1;
}

/// <summary>
/// How many children moved between two 31 Marches: from (age, group) last year to (age, group) this year; a null
/// "before" is an entrant (not looked after a year ago), a null "after" a child who left care.
/// </summary>
public sealed record PlacementTransition(int Year, int? AgeBefore, int? GroupBefore, int? AgeAfter, int? GroupAfter, int Children);

/// <summary>One LA's loaded 903 history as the forecast reads it: counts only (dw.cla_placement_transition_for).</summary>
public sealed class PlacementHistory(IReadOnlyList<PlacementTransition> transitions)
{
    public IReadOnlyList<PlacementTransition> Transitions { get; } = transitions;

    /// <summary>Collection years with a year before them loaded (the years a transition ends in).</summary>
    public IReadOnlyList<int> TransitionYears { get; } = transitions.Select(t => t.Year).Distinct().Order().ToList();

    /// <summary>Every year whose 31 March stock is known (each transition year and the year before the first).</summary>
    public IReadOnlyList<int> StockYears => TransitionYears.Count == 0 ? [] : [TransitionYears[0] - 1, .. TransitionYears];

    /// <summary>Children looked after at 31 March of a year, by age (0–17) and group.</summary>
    public int[,] Stock(int year)
    {
        var stock = new int[PlacementModel.Ages, PlacementGroups.Each.Count];
        foreach (var t in Transitions)
        {
            if (t.Year == year && t.AgeAfter is { } age && t.GroupAfter is { } group)
                stock[age, group] += t.Children;
            else if (t.Year == year + 1 && t.AgeBefore is { } ageBefore && t.GroupBefore is { } groupBefore && !TransitionYears.Contains(year))
                stock[ageBefore, groupBefore] += t.Children;
        }
        return stock;
    }

    /// <summary>The history up to and including a year: what a forecast made that year would have known.</summary>
    public PlacementHistory Until(int year) => new(Transitions.Where(t => t.Year <= year).ToList());

    public static PlacementHistory Read(IWarehouseEngine engine, int laKey)
    {
        using var connection = engine.Open();
        return Read(connection, engine, laKey);
    }

    public static PlacementHistory Read(DbConnection connection, IWarehouseEngine engine, int laKey)
    {
        using var command = connection.Command(null,
            $"select collection_year, age_before, group_before, age_after, group_after, children from dw.cla_placement_transition_for({engine.Parameter("la")})",
            ("la", laKey));
        using var reader = command.ExecuteReader();
        var rows = new List<PlacementTransition>();
        int? I(int i) => reader.IsDBNull(i) ? null : Convert.ToInt32(reader.GetValue(i));
        int? G(int i) => reader.IsDBNull(i) ? null : PlacementGroups.IndexOf(reader.GetString(i));
        while (reader.Read())
            rows.Add(new PlacementTransition(Convert.ToInt32(reader.GetValue(0)), I(1), G(2), I(3), G(4), Convert.ToInt32(reader.GetValue(5))));
        return new PlacementHistory(rows);
    }
}
