using System.Globalization;
using CsvHelper;

namespace RegionalWarehouse.Etl.Ssda903.Specification;

/// <summary>One table of the 903 as the specification (tables.csv) describes it, with the years it is part of the return.</summary>
public sealed record TableSpecification(TableSchema Schema, bool Loaded, int? FirstYear, int? LastYear)
{
    public string Name => Schema.Name;

    public bool PartOfTheReturnIn(int year) => (FirstYear is null || year >= FirstYear) && (LastYear is null || year <= LastYear);

    public static IReadOnlyList<TableSpecification> Read()
    {
        using var stream = typeof(TableSpecification).Assembly.GetManifestResourceStream("Ssda903.Specification.tables.csv")
            ?? throw new InvalidOperationException("The 903 table specification (Ssda903/Specification/tables.csv) is not embedded.");
        using var csv = new CsvReader(new StreamReader(stream), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var tables = new List<TableSpecification>();
        while (csv.Read())
        {
            string[] Words(string field) => csv.GetField(field)!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            int? Year(string field) => int.TryParse(csv.GetField(field), CultureInfo.InvariantCulture, out var year) ? year : null;
            var schema = new TableSchema(csv.GetField("table")!, csv.GetField("signature")!, Words("columns"), Words("key"), csv.GetField("required") == "yes")
            {
                Optional = Words("optional"),
            };
            tables.Add(new TableSpecification(schema, csv.GetField("loaded") == "yes", Year("first_year"), Year("last_year")));
        }
        return tables;
    }
}
