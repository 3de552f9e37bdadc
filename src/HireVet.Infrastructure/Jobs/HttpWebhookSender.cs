using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HireVet.Application.Webhooks;

namespace HireVet.Infrastructure.Jobs;

/// <summary>POSTs the JSON body with HireVet's signature headers: X-HireVet-Timestamp (Unix seconds) and
/// X-HireVet-Signature: sha256=hex(HMAC-SHA256(secret, timestamp + "." + body)), so a receiver can refuse a forged or
/// replayed call; X-HireVet-Event and X-HireVet-Delivery (the id, the same on every retry) too.</summary>
public sealed class HttpWebhookSender(IHttpClientFactory clients, TimeProvider clock) : IWebhookSender
{
    public const string ClientName = "webhooks";

    public static string Signature(string secret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    public async Task<(int? StatusCode, string? Error)> SendAsync(string url, string secret, long deliveryId, string eventType, string body, CancellationToken ct)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-HireVet-Event", eventType);
        request.Headers.Add("X-HireVet-Delivery", deliveryId.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-HireVet-Timestamp", timestamp);
        request.Headers.Add("X-HireVet-Signature", Signature(secret, timestamp, body));
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, ct);
            return ((int)response.StatusCode, response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (null, e.Message);
        }
    }
}
