namespace RegionalWarehouse.Warehouse.Engines;

/// <summary>Dates as the engines return them: DuckDB a DateOnly, SQL Server a DateTime. One conversion for every reader.</summary>
public static class DbDate
{
    public static DateOnly ToDateOnly(object value) => value switch
    {
        DateOnly date => date,
        _ => DateOnly.FromDateTime(Convert.ToDateTime(value)),
    };
}
