using HireVet.Application.Connectors;
using System.Net;
using System.Text.Json;

namespace HireVet.Infrastructure.Connectors.Lever;

/// <summary>Lever's API (v1): an opportunity, its resumes, a posting's title, a note on the opportunity, and a test of
/// the credentials. Authentication is HTTP Basic with the API key as user name and an empty password. Responses come
/// as <c>{"data": ...}</c>, lists with <c>hasNext</c> and <c>next</c> (passed back as <c>offset</c>). Rate limits are
/// <see cref="VendorHttp"/>'s; an error status is a <see cref="VendorApiException"/>.</summary>
public sealed class LeverClient
{
    public static readonly Uri DefaultBaseUrl = new("https://api.lever.co");

    /// <summary>Lever's largest page.</summary>
    public const int PageSize = 100;

    /// <summary>Paging stops with an error beyond this many pages rather than loop on a vendor's faulty cursor.</summary>
    public const int MaxPages = 100;

    private readonly VendorApi _api;

    /// <param name="http">The rate-limit-aware sender.</param>
    /// <param name="baseUrl">Usually <see cref="DefaultBaseUrl"/> (a sandbox has its own).</param>
    /// <param name="apiKey">The Lever API key.</param>
    public LeverClient(VendorHttp http, Uri baseUrl, string apiKey) => _api = new VendorApi("Lever", http, baseUrl, apiKey);

    /// <summary><c>GET /v1/opportunities/{id}</c>: the opportunity (the response's <c>data</c>), or null when Lever
    /// answers 404 (the opportunity is gone).</summary>
    public Task<JsonElement?> GetOpportunityAsync(string opportunityId, CancellationToken ct) =>
        GetDataAsync($"v1/opportunities/{Escape(opportunityId)}", ct);

    /// <summary><c>GET /v1/postings/{id}</c>: the posting's title (its <c>text</c>), the role an opportunity's application
    /// is for; null when the posting is gone or has no title.</summary>
    public async Task<string?> GetPostingTitleAsync(string postingId, CancellationToken ct) =>
        await GetDataAsync($"v1/postings/{Escape(postingId)}", ct) is { ValueKind: JsonValueKind.Object } posting
        && posting.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String
        && text.GetString()!.Trim() is { Length: > 0 } title ? title : null;

    /// <summary><c>GET /v1/opportunities/{id}/resumes</c>, every page. Each resume has <c>parsedData</c> (positions and
    /// schools) and a <c>file</c> to download.</summary>
    public async Task<IReadOnlyList<JsonElement>> ListResumesAsync(string opportunityId, CancellationToken ct)
    {
        var resumes = new List<JsonElement>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? offset = null;
        for (var page = 1; ; page++)
        {
            if (page > MaxPages) throw new InvalidOperationException($"Lever listed more than {MaxPages} pages of resumes for opportunity {opportunityId}.");
            var url = _api.Url($"v1/opportunities/{Escape(opportunityId)}/resumes?limit={PageSize}" + (offset is null ? "" : "&offset=" + Uri.EscapeDataString(offset)));
            using var response = await _api.SendAsync(HttpMethod.Get, url, ct);
            var body = await _api.ReadAsync(response, ct);
            if (!body.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
                throw new VendorApiException(_api.Vendor, response.StatusCode, $"GET {url.AbsolutePath}", "expected {\"data\": [...]}");
            resumes.AddRange(data.EnumerateArray());
            var hasNext = body.TryGetProperty("hasNext", out var h) && h.ValueKind == JsonValueKind.True;
            offset = body.TryGetProperty("next", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            if (!hasNext || string.IsNullOrEmpty(offset)) return resumes;
            if (!seen.Add(offset)) throw new InvalidOperationException($"Lever repeated the page cursor '{offset}' for opportunity {opportunityId}.");
        }
    }

    /// <summary><c>POST /v1/opportunities/{id}/notes?perform_as={user id}</c> with <c>{"value": text}</c>: a note on the
    /// opportunity, written as the given Lever user. Returns what Lever answered in <c>data</c> (the note's id).</summary>
    public async Task<JsonElement> AddNoteAsync(string opportunityId, string performAsUserId, string text, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(performAsUserId);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        using var response = await _api.SendAsync(HttpMethod.Post,
            _api.Url($"v1/opportunities/{Escape(opportunityId)}/notes?perform_as={Uri.EscapeDataString(performAsUserId)}"), ct,
            json: new Dictionary<string, object> { ["value"] = text });
        var body = await _api.ReadAsync(response, ct);
        return body.ValueKind == JsonValueKind.Object && body.TryGetProperty("data", out var data) ? data : body;
    }

    /// <summary>Whether the credentials work: <c>GET /v1/users?limit=1</c>. Never throws for a vendor or network
    /// failure; says what went wrong.</summary>
    public async Task<ConnectionTest> TestConnectionAsync(CancellationToken ct)
    {
        try
        {
            using var response = await _api.SendAsync(HttpMethod.Get, _api.Url("v1/users?limit=1"), ct);
            return await _api.CheckAsync(response, "read users", ct);
        }
        catch (HttpRequestException e)
        {
            return _api.Unreachable(e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            return _api.Unreachable(e);
        }
    }

    private async Task<JsonElement?> GetDataAsync(string path, CancellationToken ct)
    {
        using var response = await _api.SendAsync(HttpMethod.Get, _api.Url(path), ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        var body = await _api.ReadAsync(response, ct);
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
            throw new VendorApiException(_api.Vendor, response.StatusCode, $"GET /{path}", "expected {\"data\": {...}}");
        return data;
    }

    private static string Escape(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Uri.EscapeDataString(id.Trim());
    }
}
