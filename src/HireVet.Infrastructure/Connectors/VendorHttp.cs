using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace HireVet.Infrastructure.Connectors;

/// <summary>Sends a request to a vendor's API the way its rate limits ask: on 429 (or 503) it waits for what the
/// vendor says (Retry-After in seconds or as a date, or X-RateLimit-Reset / X-Rate-Limit-Reset as Unix seconds) and
/// tries again, at most <see cref="MaxAttempts"/> times; when a response says no calls remain
/// (X-RateLimit-Remaining / X-Rate-Limit-Remaining: 0) the next call waits for the reset. Waits are capped at
/// <see cref="MaxWait"/> so a wrong header cannot park a job for hours. A reset time or a Retry-After date is the
/// vendor's clock, so the wait is measured from the response's Date header when it has one: a reset read against a
/// local clock running ahead looked past already and the retries went out at once.</summary>
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
        if (headers.RetryAfter?.Date is { } date) return OnOurClock(date, headers);
        return ResetAt(headers);
    }

    private DateTimeOffset? ResetAt(HttpResponseHeaders headers) =>
        Header(headers, "X-RateLimit-Reset", "X-Rate-Limit-Reset") is { } text && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch)
            ? OnOurClock(DateTimeOffset.FromUnixTimeSeconds(epoch), headers)
            : null;

    /// <summary>A time on the vendor's clock moved onto ours by the difference the response's Date header shows.</summary>
    private DateTimeOffset OnOurClock(DateTimeOffset vendorTime, HttpResponseHeaders headers) =>
        headers.Date is { } vendorNow ? clock.GetUtcNow() + (vendorTime - vendorNow) : vendorTime;

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

    /// <summary>The URL of a <c>Link</c> header's <c>rel="next"</c> (Greenhouse, Okta), or null. A link relative to
    /// the request is resolved against it; a comma inside the <c>&lt;…&gt;</c> belongs to the URL (RFC 8288), and
    /// <c>rel</c> may list several relation types.</summary>
    public static Uri? NextLink(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var values)) return null;
        foreach (var value in values)
            foreach (var (target, rels) in LinkValues(value))
            {
                if (!rels.Contains("next", StringComparer.OrdinalIgnoreCase)) continue;
                // Resolved against the request: read alone, "/logs?after=2" is an absolute file path on Unix.
                var read = response.RequestMessage?.RequestUri is { IsAbsoluteUri: true } requested
                    ? Uri.TryCreate(requested, target, out var next)
                    : Uri.TryCreate(target, UriKind.Absolute, out next);
                if (read && next!.Scheme is "https" or "http") return next;
            }
        return null;
    }

    /// <summary>Whether <paramref name="url"/> is on <paramref name="origin"/>'s scheme, host and port: a link a vendor
    /// sends is followed only there, so that the credential sent with it cannot be led elsewhere.</summary>
    public static bool SameOrigin(Uri url, Uri origin) =>
        url.IsAbsoluteUri && Uri.Compare(url, origin, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    /// <summary>The origin of a configured vendor address (<c>https://host[:port]/</c>), refusing plain HTTP except to
    /// a loopback address (a stub in a test): a credential goes with every call.</summary>
    public static Uri Origin(Uri address, string name)
    {
        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttps && !(address.Scheme == Uri.UriSchemeHttp && address.IsLoopback)))
            throw new ArgumentException($"{name} must be an absolute https:// address (http:// only to loopback), not '{address}'.", name);
        return new Uri(address.GetLeftPart(UriPartial.Authority) + "/");
    }

    /// <summary>Each <c>&lt;target&gt;; param=value; …</c> of one Link header value with its rel types.</summary>
    private static IEnumerable<(string Target, string[] Rels)> LinkValues(string header)
    {
        var at = 0;
        while (true)
        {
            var open = header.IndexOf('<', at);
            var close = open < 0 ? -1 : header.IndexOf('>', open + 1);
            if (close < 0) yield break;
            // The parameters run to the next comma that is not inside a quoted string.
            var end = close + 1;
            for (var quoted = false; end < header.Length && (quoted || header[end] != ','); end++)
                if (header[end] == '"') quoted = !quoted;
            string[] rels = [];
            foreach (var parameter in header[(close + 1)..end].Split(';'))
            {
                var equals = parameter.IndexOf('=');
                if (equals < 0 || !parameter[..equals].Trim().Equals("rel", StringComparison.OrdinalIgnoreCase)) continue;
                rels = parameter[(equals + 1)..].Trim().Trim('"').Split(' ', StringSplitOptions.RemoveEmptyEntries);
                break;
            }
            yield return (header[(open + 1)..close].Trim(), rels);
            at = end;
        }
    }
}
