using System.Text.RegularExpressions;

namespace RegionalWarehouse.Etl.Privacy;

/// <summary>
/// The warehouse's copy of a finding (etl.submission_issue) outlives the LA's own report and is seen by operators,
/// so it carries no text shaped like a full date (a date of birth), a full postcode or a UPN, whichever column it
/// came from: masking by column alone misses a postcode typed under RNE or a row whose values slipped a column.
/// The LA's own report keeps the values a column-masked finding shows.
/// </summary>
public static partial class StoredFindingText
{
    public const string Withheld = "(withheld)";

    public static string? Mask(string? text) => text is null ? null : PersonalShape().Replace(text, Withheld);

    // Dates as dd/mm/yyyy (also with - or .) or yyyy-mm-dd; UK postcodes with or without their space; UPNs (a letter,
    // eleven digits, a digit or letter). Codes, counts, months and outward codes alone (SG13) are left as they are.
    [GeneratedRegex(@"(?<![0-9])(?:[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{2,4}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2})(?![0-9])|" +
                    @"(?<![A-Za-z0-9])[A-Za-z]{1,2}[0-9][A-Za-z0-9]?\s*[0-9][A-Za-z]{2}(?![A-Za-z0-9])|" +
                    @"(?<![A-Za-z0-9])[A-Za-z][0-9]{11}[A-Za-z0-9](?![A-Za-z0-9])")]
    private static partial Regex PersonalShape();
}
