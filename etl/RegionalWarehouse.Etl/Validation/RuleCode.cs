namespace RegionalWarehouse.Etl.Validation;

/// <summary>
/// A rule's identity as written where the rule is declared: the platform's stable code and, where the DfE
/// publishes the same check, the DfE's code(s) (space-separated), the collection years it applies to (null:
/// every year) and how the platform's reading differs from the DfE's text. A plain string is a rule with no
/// DfE equivalent, applying every year.
/// </summary>
public readonly record struct RuleCode(string Code, string? Dfe = null, int? FirstYear = null, int? LastYear = null, string? Note = null)
{
    public static implicit operator RuleCode(string code) => new(code);

    /// <summary>The rule's full description: this identity with what it checks.</summary>
    public RuleInfo Describe(Severity severity, string table, string description) =>
        new(Code, severity, table, description) { DfeCode = Dfe, FirstYear = FirstYear, LastYear = LastYear, Note = Note };

    public override string ToString() => Code;
}
