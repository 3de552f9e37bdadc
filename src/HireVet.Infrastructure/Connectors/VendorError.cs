using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HireVet.Application.Connectors;

namespace HireVet.Infrastructure.Connectors;

/// <summary>A vendor's refusal as a <see cref="ConnectorException"/>: the status and the vendor's own error text, read from
/// the shapes the identity providers answer with: Okta <c>{errorCode, errorSummary}</c>, Microsoft Graph
/// <c>{error: {code, message}}</c> and the Microsoft identity platform's OAuth <c>{error, error_description}</c>; any other
/// body is quoted, shortened. The secret of the call is blanked wherever it appears.</summary>
internal static partial class VendorError
{
    private const int MaxText = 500;

    public static async Task<ConnectorException> ReadAsync(string vendor, HttpResponseMessage response, string secret, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        string? text;
        try
        {
            text = Describe(await response.Content.ReadAsStringAsync(ct));
        }
        catch (HttpRequestException)
        {
            text = null;
        }
        var message = $"{vendor} answered {status} {response.ReasonPhrase ?? ((HttpStatusCode)status).ToString()}" + (text is null ? "." : $": {text}");
        return new ConnectorException(Blank(message, secret), status);
    }

    /// <summary>The message with <paramref name="secret"/> blanked (a vendor may echo what it was sent).</summary>
    public static string Blank(string message, string secret) =>
        secret.Length == 0 ? message : message.Replace(secret, "[secret]", StringComparison.Ordinal);

    private static string? Describe(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && Known(document.RootElement) is { } known) return Shorten(known);
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): quoted below.
        }
        return Shorten(body);
    }

    private static string? Known(JsonElement root)
    {
        if (Text(root, "errorSummary") is { } summary)
            return Text(root, "errorCode") is { } code ? $"{summary} ({code})" : summary;
        if (root.TryGetProperty("error", out var error))
        {
            if (error.ValueKind == JsonValueKind.Object && Text(error, "message") is { } message)
                return Text(error, "code") is { } code ? $"{code}: {message}" : message;
            if (error.ValueKind == JsonValueKind.String)
                return Text(root, "error_description") is { } description ? $"{error.GetString()}: {description}" : error.GetString();
        }
        return null;
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static string Shorten(string text)
    {
        text = Whitespace().Replace(text, " ").Trim();
        return text.Length <= MaxText ? text : text[..MaxText] + "…";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
