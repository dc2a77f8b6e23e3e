namespace RegionalWarehouse.Etl.Csv;

/// <summary>
/// What any return's file may hold, so a hostile or broken file (a cell at column ZZZZZZ, a 10 MB "header")
/// is refused with a clear finding in bounded memory instead of being read. No real return comes near them.
/// </summary>
public static class InputLimits
{
    /// <summary>Columns in one table: the widest real return (Supporting Families) has under 60.</summary>
    public const int MaxColumns = 500;

    /// <summary>Characters in one cell: codes, dates, postcodes and identifiers are far shorter.</summary>
    public const int MaxCellLength = 4_000;

    /// <summary>Rows in one table: the largest LA's 903 episodes run to a few thousand a year.</summary>
    public const int MaxRows = 200_000;

    /// <summary>Bytes in one file, as sent or as it expands from a zip: a real return's largest table is a few MB.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;
}

/// <summary>
/// A file of a submission cannot be read as what it claims to be (a damaged or truncated zip, an .xlsx that is not
/// a workbook): the submission is refused unread with a report saying which file and what to do. The message never
/// quotes the file's content.
/// </summary>
public class UnreadableInputException(string message) : IOException(message);

/// <summary>A file broke one of the <see cref="InputLimits"/>; the message says which, where, and what to do.</summary>
public sealed class InputLimitException(string message) : UnreadableInputException(message);
