using RegionalWarehouse.Warehouse.Engines;

namespace RegionalWarehouse.Etl.Validation;

/// <summary>The code lists of one return type, from ref.code_list, with the years each code is valid.</summary>
public sealed class CodeLists
{
    private readonly ILookup<string, CodeListEntry> _byField;

    public CodeLists(IEnumerable<CodeListEntry> entries) =>
        _byField = entries.ToLookup(e => e.Field, StringComparer.OrdinalIgnoreCase);

    public bool IsValid(string field, string code, int year) =>
        _byField[field].Any(e => string.Equals(e.Code, code, StringComparison.OrdinalIgnoreCase) && e.ValidIn(year));

    public IEnumerable<string> ValidCodes(string field, int year) =>
        _byField[field].Where(e => e.ValidIn(year)).Select(e => e.Code).Distinct().Order();

    public static CodeLists Load(IWarehouseEngine engine, string returnType)
    {
        using var connection = engine.Open();
        using var command = connection.Command(null,
            $"select field_name, code, valid_from_year, valid_to_year from ref.code_list where return_type = {engine.Parameter("returnType")}",
            ("returnType", returnType));
        using var reader = command.ExecuteReader();
        var entries = new List<CodeListEntry>();
        while (reader.Read())
            entries.Add(new CodeListEntry(reader.GetString(0), reader.GetString(1), Convert.ToInt32(reader.GetValue(2)),
                reader.IsDBNull(3) ? null : Convert.ToInt32(reader.GetValue(3))));
        return new CodeLists(entries);
    }
}

public sealed record CodeListEntry(string Field, string Code, int ValidFrom, int? ValidTo)
{
    public bool ValidIn(int year) => ValidFrom <= year && (ValidTo is null || year <= ValidTo);
}
