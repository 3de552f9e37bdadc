namespace HireVet.Application.Connectors;

/// <summary>Checks an admin's settings and secrets against what the connector's kind needs, naming each bad field
/// as <c>settings.orgUrl</c> or <c>secrets.apiKey</c>.</summary>
public static class ConnectorFields
{
    private const int MaxLength = 4000;

    public static IEnumerable<(string Field, string Message)> Problems(ConnectorKinds.Kind kind,
        IReadOnlyDictionary<string, string?>? settings, IReadOnlyDictionary<string, string?>? secrets)
    {
        foreach (var problem in Check("settings", kind.Settings, settings)) yield return problem;
        foreach (var problem in Check("secrets", kind.Secrets, secrets)) yield return problem;
        var given = Given(settings);
        foreach (var (name, value) in given)
            if (name.EndsWith("Url", StringComparison.Ordinal) && !IsHttpUrl(value))
                yield return ($"settings.{name}", "Must be an absolute https URL (http only for localhost).");
        if (given.TryGetValue(ConnectorKinds.NotesSetting, out var notes))
        {
            if (notes is not ("on" or "off")) yield return ($"settings.{ConnectorKinds.NotesSetting}", "Must be \"on\" or \"off\".");
            else if (notes == "on" && kind.Settings.FirstOrDefault(f => f.Name is "onBehalfOf" or "performAs") is { } author && !given.ContainsKey(author.Name))
                yield return ($"settings.{author.Name}", "Required when notes are on: the vendor's user the notes are written as.");
        }
    }

    private static IEnumerable<(string, string)> Check(string group, IReadOnlyList<ConnectorKinds.Field> fields, IReadOnlyDictionary<string, string?>? given)
    {
        foreach (var field in fields.Where(f => f.Required && string.IsNullOrWhiteSpace(given?.GetValueOrDefault(f.Name))))
            yield return ($"{group}.{field.Name}", $"Required: {field.Description}");
        foreach (var (name, value) in given ?? new Dictionary<string, string?>())
        {
            if (fields.All(f => f.Name != name))
                yield return ($"{group}.{name}", $"Not a {group[..^1]} of this kind; known: {string.Join(", ", fields.Select(f => f.Name))}.");
            else if (value is { Length: > MaxLength })
                yield return ($"{group}.{name}", $"Longer than {MaxLength} characters.");
        }
    }

    /// <summary>The non-empty values, trimmed.</summary>
    public static Dictionary<string, string> Given(IReadOnlyDictionary<string, string?>? values) =>
        (values ?? new Dictionary<string, string?>()).Where(v => !string.IsNullOrWhiteSpace(v.Value)).ToDictionary(v => v.Key, v => v.Value!.Trim());

    /// <summary>Local addresses are allowed over http so a connector can point at a proxy or test double on the same host.</summary>
    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    /// <summary>Where the vendor delivers pushes for this connector, relative to HireVet's address; null for kinds
    /// that are only pulled.</summary>
    public static string? DeliveryPath(string kind, long id) => kind switch
    {
        ConnectorKinds.Greenhouse or ConnectorKinds.Lever => $"/api/connectors/{id}/webhook",
        ConnectorKinds.Okta => $"/api/connectors/{id}/event-hook",
        _ => null,
    };
}
