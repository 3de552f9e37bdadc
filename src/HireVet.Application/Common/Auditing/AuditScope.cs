namespace HireVet.Application.Common.Auditing;

/// <summary>What the current command acted on, set by its handler; the transaction behaviour writes it to the audit
/// trail together with who, when and a digest of the request.</summary>
public sealed class AuditScope
{
    public string? TargetType { get; private set; }
    public string? TargetId { get; private set; }
    public Dictionary<string, object?> Details { get; } = [];

    public void Target(string type, object id)
    {
        TargetType = type;
        TargetId = id.ToString();
    }
}
