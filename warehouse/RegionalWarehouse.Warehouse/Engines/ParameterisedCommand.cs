using System.Data.Common;

namespace RegionalWarehouse.Warehouse.Engines;

/// <summary>Builds a command with named parameters; the SQL text writes them with <see cref="IWarehouseEngine.Parameter"/>.</summary>
public static class ParameterisedCommand
{
    public static DbCommand Command(this DbConnection connection, DbTransaction? transaction, string sql,
        params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
