using System.Globalization;
using System.Text.Json;

namespace HireVet.Application.Connectors;

/// <summary>Reads vendor JSON the way vendors send it: any field may be missing, null, empty or of another type than
/// documented, and each is then simply absent.</summary>
internal static class ConnectorJson
{
    /// <summary>The element at a dotted path ("payload.application.candidate.id"), or null when any step is missing,
    /// null or not an object.</summary>
    public static JsonElement? At(JsonElement e, string path)
    {
        foreach (var name in path.Split('.'))
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out e) || e.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
                return null;
        }
        return e;
    }

    /// <summary>A string (trimmed, inner runs of spaces kept) or a number as text; null for anything else or blank.</summary>
    public static string? Text(JsonElement e, string path) => At(e, path) is { } v ? Text(v) : null;

    public static string? Text(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString()!.Trim() is { Length: > 0 } s ? s : null,
        JsonValueKind.Number => v.GetRawText(),
        _ => null,
    };

    /// <summary>An integer id given as a JSON number or as a string of digits.</summary>
    public static long? Id(JsonElement e, string path) => At(e, path) is { } v ? Id(v) : null;

    public static long? Id(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Number when v.TryGetInt64(out var n) => n,
        JsonValueKind.String when long.TryParse(v.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    /// <summary>The items of an array (none when the field is missing, null or not an array).</summary>
    public static IEnumerable<JsonElement> Items(JsonElement e, string path) =>
        At(e, path) is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray() : [];

    /// <summary>The items of an array that are objects.</summary>
    public static IEnumerable<JsonElement> Objects(JsonElement e, string path) =>
        Items(e, path).Where(i => i.ValueKind == JsonValueKind.Object);

    /// <summary>Null for an empty list, so a dossier leaves out what the vendor did not have.</summary>
    public static T[]? NullIfEmpty<T>(IEnumerable<T> items) => items.ToArray() is { Length: > 0 } a ? a : null;

    /// <summary>Inner whitespace collapsed to single spaces; null when nothing is left.</summary>
    public static string? Collapse(string? s) =>
        s is null ? null : string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) is { Length: > 0 } c ? c : null;

    public static string? Clip(string? s, int max) => s is null || s.Length <= max ? s : s[..max].TrimEnd();
}
