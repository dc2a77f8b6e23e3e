namespace RegionalWarehouse.Etl.Submissions;

/// <summary>Who submitted what for when: the LA's DfE code, the return type and its period.</summary>
public sealed record SubmissionIdentity(string LaCode, string ReturnType, string Period)
{
    /// <summary>The LA folder under which the operator drops files that cover many LAs.</summary>
    public const string RegionWide = "region";

    public bool IsRegionWide => string.Equals(LaCode, RegionWide, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{LaCode} {ReturnType} {Period}";
}

public static class SubmissionStates
{
    public const string Received = "received";
    public const string Validating = "validating";
    public const string Loading = "loading";
    public const string Loaded = "loaded";
    public const string LoadedWithWarnings = "loaded_with_warnings";

    /// <summary>Loaded with record-level errors under the tolerated share of children; the records are flagged in the report.</summary>
    public const string LoadedWithErrors = "loaded_with_errors";
    public const string Rejected = "rejected";
    public const string Failed = "failed";
    public const string Superseded = "superseded";
}
