using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace HireVet.Infrastructure.Connectors;

/// <summary>Sends a request to a vendor's API the way its rate limits ask: on 429 (or 503) it waits for what the
/// vendor says (Retry-After in seconds or as a date, or X-RateLimit-Reset / X-Rate-Limit-Reset as Unix seconds) and
/// tries again, at most <see cref="MaxAttempts"/> times; when a response says no calls remain
/// (X-RateLimit-Remaining / X-Rate-Limit-Remaining: 0) the next call waits for the reset. Waits are capped at
/// <see cref="MaxWait"/> so a wrong header cannot park a job for hours.</summary>
public sealed class VendorHttp(HttpClient http, TimeProvider clock)
{
    public const int MaxAttempts = 5;
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(2);

    private DateTimeOffset _notBefore = DateTimeOffset.MinValue;

    public HttpClient Client => http;

    /// <summary>Sends what <paramref name="build"/> makes (a request can be sent only once, so it is built per
    /// attempt). Returns the first response that is not 429/503, or the last one.</summary>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> build, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var wait = _notBefore - clock.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(Min(wait, MaxWait), clock, ct);
            using var request = build();
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            _notBefore = Remaining(response.Headers) == 0 ? ResetAt(response.Headers) ?? DateTimeOffset.MinValue : DateTimeOffset.MinValue;
            if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable) || attempt == MaxAttempts)
                return response;
            var retryAt = RetryAt(response.Headers) ?? clock.GetUtcNow().AddSeconds(Math.Pow(2, attempt));
            response.Dispose();
            var delay = retryAt - clock.GetUtcNow();
            if (delay > TimeSpan.Zero) await Task.Delay(Min(delay, MaxWait), clock, ct);
        }
    }

    private DateTimeOffset? RetryAt(HttpResponseHeaders headers)
    {
        if (headers.RetryAfter?.Delta is { } delta) return clock.GetUtcNow() + delta;
        if (headers.RetryAfter?.Date is { } date) return date;
        return ResetAt(headers);
    }

    private static DateTimeOffset? ResetAt(HttpResponseHeaders headers) =>
        Header(headers, "X-RateLimit-Reset", "X-Rate-Limit-Reset") is { } text && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch)
            ? DateTimeOffset.FromUnixTimeSeconds(epoch)
            : null;

    private static long? Remaining(HttpResponseHeaders headers) =>
        Header(headers, "X-RateLimit-Remaining", "X-Rate-Limit-Remaining") is { } text && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : null;

    private static string? Header(HttpResponseHeaders headers, params string[] names)
    {
        foreach (var name in names)
            if (headers.TryGetValues(name, out var values)) return values.FirstOrDefault();
        return null;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>The URL of a <c>Link</c> header's <c>rel="next"</c> (Greenhouse, Okta), or null.</summary>
    public static Uri? NextLink(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var values)) return null;
        foreach (var part in values.SelectMany(v => v.Split(',')))
        {
            var pieces = part.Split(';');
            if (pieces.Length < 2 || !pieces.Skip(1).Any(p => p.Trim().Replace(" ", "", StringComparison.Ordinal) is "rel=\"next\"" or "rel=next")) continue;
            var url = pieces[0].Trim().TrimStart('<').TrimEnd('>');
            if (Uri.TryCreate(url, UriKind.Absolute, out var next)) return next;
        }
        return null;
    }
}
