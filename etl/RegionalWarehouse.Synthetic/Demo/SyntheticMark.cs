using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Synthetic.Demo;

/// <summary>
/// Marks the LAs whose returns the demo makes up, in the warehouse itself (etl.synthetic_data), so the dashboard,
/// the CLI and the Power BI model say so wherever their figures appear, whoever opens the warehouse later.
/// </summary>
public static class SyntheticMark
{
    public const string Note = "Synthetic returns made by rw demo, calibrated to the LA's published figures; not the LA's own data.";

    public static void Mark(IWarehouseEngine engine, IEnumerable<string> laCodes)
    {
        using var connection = engine.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var la in laCodes)
        {
            using (var remove = connection.Command(transaction, $"delete from etl.synthetic_data where la_code = {engine.Parameter("la")}", ("la", la)))
                remove.ExecuteNonQuery();
            using var insert = connection.Command(transaction,
                $"insert into etl.synthetic_data (la_code, marked_at, note) values ({engine.Parameter("la")}, {engine.Parameter("at")}, {engine.Parameter("note")})",
                ("la", la), ("at", DateTime.UtcNow), ("note", Note));
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
    }
}
