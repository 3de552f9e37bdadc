using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using HireVet.Application.Common.Formats;

namespace HireVet.Application.Ingestion.Formats;

/// <summary>The outcome of reading one event of an upload: the event, or a reason it was skipped (not a sign-in, say),
/// or its errors by field, named as in the provider's format ("client.ipAddress").</summary>
public sealed record Parsed<T>(T? Event, string? Skipped, IReadOnlyDictionary<string, string[]>? Errors)
{
    public static Parsed<T> Ok(T value) => new(value, null, null);
    public static Parsed<T> Skip(string why) => new(default, why, null);
    public static Parsed<T> Invalid(IReadOnlyDictionary<string, string[]> errors) => new(default, null, errors);
}

/// <summary>Reads fields of one JSON event by dotted path, collecting an error per bad or missing field.</summary>
public sealed class EventFields(JsonElement root)
{
    private readonly Dictionary<string, string[]> _errors = [];

    public IReadOnlyDictionary<string, string[]> Errors => _errors;
    public bool HasErrors => _errors.Count > 0;

    public void Error(string path, string message) => _errors[path] = [message];

    /// <summary>The value at a dotted path ("status.errorCode"), null when absent or JSON null. Each name is matched
    /// exactly, else regardless of case (<see cref="Property"/>).</summary>
    public JsonElement? Find(string path)
    {
        JsonElement? current = root;
        var rest = path.AsSpan();
        while (true)
        {
            var dot = rest.IndexOf('.');
            // Most fields are top-level names: no array of parts for them (ingestion reads millions of events).
            current = Property(current.Value, dot < 0 ? (rest.Length == path.Length ? path : rest.ToString()) : rest[..dot].ToString());
            if (current is null) return null;
            if (dot < 0) break;
            rest = rest[(dot + 1)..];
        }
        return current.Value.ValueKind == JsonValueKind.Null ? null : current;
    }

    /// <summary>An object's property of that name; when none has it exactly, the first whose name differs only in (ASCII)
    /// case. Vendors document both spellings of some fields (Azure Monitor records carry `properties` or `Properties`,
    /// `category` or `Category`, and `Level`). Null when the element is not an object or has no such property.</summary>
    public static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object) return null;
        if (element.TryGetProperty(name, out var exact)) return exact;
        // Optional fields are often absent: compare the raw names without making a string of each.
        foreach (var property in element.EnumerateObject())
            if (Ascii.EqualsIgnoreCase(JsonMarshal.GetRawUtf8PropertyName(property), name)) return property.Value;
        return null;
    }

    /// <summary>The first of a field's vendor spellings the event carries ("start", "startTime", "join_time"), or the first
    /// spelling when it carries none, so a missing field's error names the canonical one.</summary>
    public string Spelling(params string[] paths) => paths.FirstOrDefault(p => Find(p) is not null) ?? paths[0];

    public string? Text(string path, bool required = false, int maxLength = 1000)
    {
        var value = Find(path);
        if (value is null)
        {
            if (required) Error(path, "Required.");
            return null;
        }
        if (value.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
        {
            Error(path, "Must be a string.");
            return null;
        }
        var text = value.Value.ValueKind == JsonValueKind.String ? value.Value.GetString()!.Trim() : value.Value.GetRawText();
        if (text.Length == 0)
        {
            if (required) Error(path, "Required.");
            return null;
        }
        if (text.Length > maxLength)
        {
            Error(path, $"Longer than {maxLength} characters.");
            return null;
        }
        return text;
    }

    public DateTimeOffset? Time(string path, bool required = false)
    {
        var text = Text(path, required);
        if (text is null) return null;
        if (DateTimeOffset.TryParse(WithAtMostSevenFractionalDigits(text), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            return at;
        Error(path, "Must be an ISO 8601 date and time.");
        return null;
    }

    /// <summary>.NET reads at most seven fractional-second digits (100 ns); vendors send up to nine
    /// ("2024-03-01T10:00:00.123456789Z"). The digits beyond the seventh are dropped.</summary>
    private static string WithAtMostSevenFractionalDigits(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0) return text;
        var end = dot + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
        return end - dot - 1 > 7 ? text[..(dot + 8)] + text[end..] : text;
    }

    public DateOnly? Date(string path, bool required = false)
    {
        var text = Text(path, required);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        Error(path, "Must be a date (yyyy-MM-dd).");
        return null;
    }

    /// <summary>An IP address as the provider sent it, checked strictly (no "010.1.1.1", no host names).</summary>
    public string? Ip(string path, bool required = false)
    {
        var text = Text(path, required, 64);
        if (text is null) return null;
        if (IpAddresses.TryParseStrict(text, out var ip)) return ip!.ToString();
        Error(path, "Must be an IPv4 or IPv6 address.");
        return null;
    }

    /// <summary>A work e-mail / UPN, lower-cased as workers' addresses are stored.</summary>
    public string? Principal(string path)
    {
        var text = Text(path, required: true, maxLength: 320);
        if (text is null) return null;
        if (!text.Contains('@') || text.StartsWith('@') || text.EndsWith('@'))
        {
            Error(path, "Must be an e-mail address or user principal name.");
            return null;
        }
        return text.ToLowerInvariant();
    }

    public string[] TextArray(string path, int maxItems = 5000)
    {
        var value = Find(path);
        if (value is null) return [];
        if (value.Value.ValueKind != JsonValueKind.Array || value.Value.GetArrayLength() > maxItems
            || value.Value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            Error(path, $"Must be an array of at most {maxItems} strings.");
            return [];
        }
        return [.. value.Value.EnumerateArray().Select(v => v.GetString()!.Trim()).Where(v => v.Length > 0)];
    }
}
