using HireVet.Application.Connectors;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace HireVet.Infrastructure.Connectors.Greenhouse;

/// <summary>Greenhouse's Harvest API (v1): a candidate, their applications, a note on their activity feed, and a test of
/// the credentials. Authentication is HTTP Basic with the Harvest API token as user name and an empty password. Rate
/// limits (429, Retry-After, X-RateLimit-*) are <see cref="VendorHttp"/>'s; an error status is a
/// <see cref="VendorApiException"/>.</summary>
public sealed class HarvestClient
{
    public static readonly Uri DefaultBaseUrl = new("https://harvest.greenhouse.io");

    /// <summary>Harvest's largest page.</summary>
    public const int PageSize = 500;

    /// <summary>Paging stops with an error beyond this many pages rather than loop on a vendor's faulty links.</summary>
    public const int MaxPages = 100;

    private readonly VendorApi _api;

    /// <param name="http">The rate-limit-aware sender.</param>
    /// <param name="baseUrl">Usually <see cref="DefaultBaseUrl"/>.</param>
    /// <param name="apiKey">The Harvest API token.</param>
    public HarvestClient(VendorHttp http, Uri baseUrl, string apiKey) => _api = new VendorApi("Greenhouse", http, baseUrl, apiKey);

    /// <summary><c>GET /v1/candidates/{id}</c>: the candidate object, or null when Greenhouse answers 404 (the candidate
    /// is gone: deleted, or merged into another).</summary>
    public async Task<JsonElement?> GetCandidateAsync(long candidateId, CancellationToken ct)
    {
        using var response = await _api.SendAsync(HttpMethod.Get, _api.Url($"v1/candidates/{candidateId.ToString(CultureInfo.InvariantCulture)}"), ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        return await _api.ReadAsync(response, ct);
    }

    /// <summary><c>GET /v1/applications?candidate_id={id}</c>, every page (500 a page, following <c>Link: rel="next"</c>).</summary>
    public async Task<IReadOnlyList<JsonElement>> ListApplicationsAsync(long candidateId, CancellationToken ct)
    {
        var applications = new List<JsonElement>();
        Uri? url = _api.Url($"v1/applications?candidate_id={candidateId.ToString(CultureInfo.InvariantCulture)}&per_page={PageSize}");
        for (var page = 1; url is not null; page++)
        {
            if (page > MaxPages) throw new InvalidOperationException($"Greenhouse listed more than {MaxPages} pages of applications for candidate {candidateId}.");
            using var response = await _api.SendAsync(HttpMethod.Get, url, ct);
            var body = await _api.ReadAsync(response, ct);
            if (body.ValueKind != JsonValueKind.Array)
                throw new VendorApiException(_api.Vendor, response.StatusCode, $"GET {url.AbsolutePath}", "expected a JSON array of applications");
            applications.AddRange(body.EnumerateArray());
            url = VendorHttp.NextLink(response);
        }
        return applications;
    }

    /// <summary><c>POST /v1/candidates/{id}/activity_feed/notes</c> on behalf of a Greenhouse user (the
    /// <c>On-Behalf-Of</c> header, which Harvest requires for auditing), visible to admins only. Returns the note
    /// Greenhouse created.</summary>
    public async Task<JsonElement> AddNoteAsync(long candidateId, long onBehalfOfUserId, string text, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        using var response = await _api.SendAsync(HttpMethod.Post,
            _api.Url($"v1/candidates/{candidateId.ToString(CultureInfo.InvariantCulture)}/activity_feed/notes"), ct,
            json: new Dictionary<string, object> { ["user_id"] = onBehalfOfUserId, ["body"] = text, ["visibility"] = "admin_only" },
            headers: new Dictionary<string, string> { ["On-Behalf-Of"] = onBehalfOfUserId.ToString(CultureInfo.InvariantCulture) });
        return await _api.ReadAsync(response, ct);
    }

    /// <summary>Whether the credentials work: <c>GET /v1/users?per_page=1</c>, which any Harvest key allowed to list
    /// users may call. Never throws for a vendor or network failure; says what went wrong.</summary>
    public async Task<ConnectionTest> TestConnectionAsync(CancellationToken ct)
    {
        try
        {
            using var response = await _api.SendAsync(HttpMethod.Get, _api.Url("v1/users?per_page=1"), ct);
            return await _api.CheckAsync(response, "list users (allow the key to list users in Greenhouse's Harvest API permissions)", ct);
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
}
