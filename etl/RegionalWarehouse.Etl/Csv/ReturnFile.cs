namespace RegionalWarehouse.Etl.Csv;

/// <summary>One file of a submission, wherever it lives (a folder, a zip entry, a blob); opened as a stream.</summary>
public sealed record ReturnFile(string Name, Func<Stream> Open);
