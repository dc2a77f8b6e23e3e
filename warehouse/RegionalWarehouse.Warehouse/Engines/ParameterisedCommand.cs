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

    /// <summary>
    /// An IN list with one named parameter per value (<paramref name="prefix"/>0, 1, …): the placeholders to write
    /// between the brackets, and the parameters to pass with them.
    /// </summary>
    public static (string Placeholders, (string Name, object? Value)[] Parameters) InList(this IWarehouseEngine engine, string prefix, IEnumerable<object?> values)
    {
        var parameters = values.Select((value, i) => ($"{prefix}{i}", value)).ToArray();
        return (string.Join(", ", parameters.Select(p => engine.Parameter(p.Item1))), parameters);
    }
}
