using System.Data.Common;
using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Benchmarks;

/// <summary>
/// The mart refreshes owed to committed loads (etl.mart_refresh_owed). A load records its debt in its own transaction,
/// so a crash after the commit cannot lose it; a refresh clears what it covered and was owed before it began; the
/// worker looks for debts at every discovery and pays them.
/// </summary>
public static class MartRefreshOwed
{
    private const string Everything = "*";
    private const string ComparatorsOnly = "-";

    public static void Record(IWarehouseEngine engine, DbConnection connection, DbTransaction transaction, MartScope scope, DateTime now)
    {
        foreach (var code in Codes(scope))
            using (var insert = connection.Command(transaction, $"insert into etl.mart_refresh_owed (scope, owed_at) values ({engine.Parameter("scope")}, {engine.Parameter("at")})",
                       ("scope", code), ("at", now)))
                insert.ExecuteNonQuery();
    }

    /// <summary>Everything owed, as one scope; null when nothing is.</summary>
    public static MartScope? Owed(IWarehouseEngine engine)
    {
        using var connection = engine.Open();
        using var command = connection.Command(null, "select distinct scope from etl.mart_refresh_owed");
        using var reader = command.ExecuteReader();
        MartScope? owed = null;
        while (reader.Read())
        {
            var scope = reader.GetString(0) switch { Everything => MartScope.Everything, ComparatorsOnly => MartScope.ComparatorsOnly, var la => MartScope.ForLa(la) };
            owed = owed is null ? scope : owed.With(scope);
        }
        return owed;
    }

    /// <summary>Clears the debts a refresh of <paramref name="scope"/> that began at <paramref name="began"/> paid (every refresh recomputes the comparators).</summary>
    public static void Clear(IWarehouseEngine engine, DbConnection connection, MartScope scope, DateTime began)
    {
        // A refresh of some LAs pays their debts and the comparators'; one of everything pays all.
        var las = engine.InList("la", scope.IsEverything ? [Everything] : [ComparatorsOnly, .. scope.LaCodes!]);
        var covered = scope.IsEverything ? "" : $" and scope in ({las.Placeholders})";
        using var delete = connection.Command(null, $"delete from etl.mart_refresh_owed where owed_at <= {engine.Parameter("began")}{covered}",
            [("began", began), .. (scope.IsEverything ? [] : las.Parameters)]);
        delete.ExecuteNonQuery();
    }

    private static IEnumerable<string> Codes(MartScope scope) =>
        scope.IsEverything ? [Everything] : scope.LaCodes!.Count == 0 ? [ComparatorsOnly] : scope.LaCodes!;
}
