namespace RegionalWarehouse.Warehouse.Engines;

/// <summary>
/// A database error as a person reads it: DuckDB's messages run on over several lines of tuning advice and
/// context, and their first line says what went wrong.
/// </summary>
public static class DbMessage
{
    public static string FirstLine(Exception error) => error.Message.Split('\n')[0].Trim();
}
