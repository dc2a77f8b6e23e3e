using DbUp.Support;

namespace RegionalWarehouse.Warehouse.DbUpDuckDb;

/// <summary>DuckDB quotes identifiers the ANSI way, with double quotes.</summary>
public sealed class DuckDbObjectParser() : SqlObjectParser("\"", "\"");
