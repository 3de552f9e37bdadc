using System.Text.Json;
using FluentValidation;

namespace HireVet.Application.Common.Errors;

/// <summary>What is wrong, by field, as a problem's "errors" holds it: for a request, and for each rejected line of an
/// upload.</summary>
public static class FieldErrors
{
    public static IDictionary<string, string[]> Of(ValidationException v) => v.Errors
        .GroupBy(e => e.PropertyName)
        .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());

    /// <summary>Names the JSON field that could not be read: "claimedResidence.country", "dateOfBirth", or the body.</summary>
    public static IDictionary<string, string[]> Of(JsonException json)
    {
        var field = (json.Path ?? "$").TrimStart('$').TrimStart('.');
        var unknown = json.Message.Contains("could not be mapped", StringComparison.Ordinal);
        if (unknown && field.Length == 0) field = UnknownPropertyName(json.Message) ?? "";
        var message = unknown ? $"'{field}' is not a known field." : field.Length == 0
            ? "The request body is not valid JSON."
            : $"'{field}' has a value of the wrong type or format.";
        return new Dictionary<string, string[]> { [field.Length == 0 ? "body" : field] = [message] };
    }

    private static string? UnknownPropertyName(string message)
    {
        var start = message.IndexOf('\'');
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        return end > start ? message[(start + 1)..end] : null;
    }
}
