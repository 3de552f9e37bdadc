using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using HireVet.Application.Connectors;

namespace HireVet.Infrastructure.Connectors;

/// <summary>A vendor's API answered with an error status. The message names the vendor, the status, the request
/// (method and path, which carry no secret) and the vendor's own message; never the credentials.</summary>
public sealed class VendorApiException(string vendor, HttpStatusCode statusCode, string request, string? vendorMessage)
    : ConnectorException($"{vendor} answered {(int)statusCode} {statusCode} to {request}{(vendorMessage is null ? "." : ": " + vendorMessage)}", (int)statusCode)
{
    public string Vendor { get; } = vendor;
    public new HttpStatusCode StatusCode { get; } = statusCode;
    /// <summary>What the vendor said, as it said it (credentials blanked), or null when it said nothing readable.</summary>
    public string? VendorMessage { get; } = vendorMessage;
}

/// <summary>What the Harvest and Lever clients share around <see cref="VendorHttp"/>: Basic authentication with the API
/// key as user name, JSON bodies, error statuses as <see cref="VendorApiException"/>, and the rule that a paging link
/// is followed only to the vendor's own origin (the credentials go with it).</summary>
internal sealed class VendorApi
{
    private readonly VendorHttp _http;
    private readonly string _apiKey;
    private readonly AuthenticationHeaderValue _authorization;

    public VendorApi(string vendor, VendorHttp http, Uri baseUrl, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        if (!baseUrl.IsAbsoluteUri || baseUrl.Scheme is not ("https" or "http"))
            throw new ArgumentException($"The {vendor} base URL must be an absolute http(s) URL.", nameof(baseUrl));
        Vendor = vendor;
        _http = http;
        _apiKey = apiKey;
        // A base URL with a path keeps it: relative paths resolve below it.
        BaseUrl = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        // The API key is the user name and the password is empty (Greenhouse Harvest and Lever alike).
        _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(apiKey + ":")));
    }

    public string Vendor { get; }
    public Uri BaseUrl { get; }

    public Uri Url(string relative) => new(BaseUrl, relative);

    /// <summary>Sends a request (again after a 429, as <see cref="VendorHttp"/> does) with the credentials.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri url, CancellationToken ct, object? json = null,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        if (!SameOrigin(url))
            throw new InvalidOperationException($"{Vendor}: not sending the API key to {url.GetLeftPart(UriPartial.Authority)}, which is not {BaseUrl.GetLeftPart(UriPartial.Authority)}.");
        return _http.SendAsync(() =>
        {
            var request = new HttpRequestMessage(method, url);
            request.Headers.Authorization = _authorization;
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(name, value);
            if (json is not null) request.Content = new StringContent(JsonSerializer.Serialize(json), Encoding.UTF8, "application/json");
            return request;
        }, ct);
    }

    /// <summary>The body of a successful response as JSON; an error status as <see cref="VendorApiException"/>.</summary>
    public async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode) throw await ErrorAsync(response, ct);
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: ct);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new VendorApiException(Vendor, response.StatusCode, Describe(response), "the response is not JSON");
        }
    }

    public async Task<VendorApiException> ErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        string? message = null;
        try
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            message = MessageIn(text);
        }
        catch (HttpRequestException)
        {
            // The body could not be read; the status says enough.
        }
        return new VendorApiException(Vendor, response.StatusCode, Describe(response), message is null ? null : Blank(message));
    }

    /// <summary>A ConnectionTest for a call that failed to connect, with the reason the network gave.</summary>
    public ConnectionTest Unreachable(Exception e) =>
        new(false, $"Could not reach {Vendor} at {BaseUrl.GetLeftPart(UriPartial.Authority)}: {Blank(e.Message)}");

    /// <summary>A ConnectionTest for the test call's answer.</summary>
    public async Task<ConnectionTest> CheckAsync(HttpResponseMessage response, string permission, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return new ConnectionTest(true, $"Connected to {Vendor} at {BaseUrl.GetLeftPart(UriPartial.Authority)}.");
        var error = await ErrorAsync(response, ct);
        var said = error.VendorMessage is null ? "" : $" {Vendor} said: {error.VendorMessage}";
        return new ConnectionTest(false, response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => $"{Vendor} refused the API key (401 Unauthorized): it is wrong, revoked or for another account.{said}",
            HttpStatusCode.Forbidden => $"{Vendor} accepted the API key but it may not {permission} (403 Forbidden).{said}",
            HttpStatusCode.NotFound => $"{Vendor} has no such API at {BaseUrl} (404 Not Found): check the base URL.{said}",
            _ => error.Message,
        });
    }

    private bool SameOrigin(Uri url) =>
        url.IsAbsoluteUri && Uri.Compare(url, BaseUrl, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private static string Describe(HttpResponseMessage response) =>
        response.RequestMessage is { } r ? $"{r.Method} {r.RequestUri?.AbsolutePath}" : "the request";

    /// <summary>The vendor's message in an error body: <c>message</c> (Greenhouse, Lever), <c>errors[].message</c>
    /// (Greenhouse validation), <c>error</c>; a short plain-text body as it is; null for anything else (an HTML page).</summary>
    private static string? MessageIn(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var messages = new List<string>();
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (Str(root, "message") is { } m) messages.Add(m);
                if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
                    foreach (var e in errors.EnumerateArray())
                        if ((e.ValueKind == JsonValueKind.String ? e.GetString() : Str(e, "message")) is { Length: > 0 } em)
                            messages.Add(Str(e, "field") is { } field ? $"{field}: {em}" : em);
                if (Str(root, "error") is { } error) messages.Add(error);
                else if (root.TryGetProperty("error", out var inner) && Str(inner, "message") is { } im) messages.Add(im);
            }
            return messages.Count == 0 ? null : Clip(string.Join("; ", messages.Distinct()));
        }
        catch (JsonException)
        {
            var plain = text.Trim();
            return plain.Length <= 300 && !plain.Contains('<') ? plain : null;
        }
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
        && v.GetString() is { Length: > 0 } s ? s : null;

    private static string Clip(string s) => s.Length <= 500 ? s : s[..500] + "…";

    /// <summary>The text with the API key (and its Basic encoding) blanked, in case a vendor echoes it.</summary>
    private string Blank(string text) => text
        .Replace(_apiKey, "[api key]", StringComparison.Ordinal)
        .Replace(_authorization.Parameter!, "[api key]", StringComparison.Ordinal);
}
