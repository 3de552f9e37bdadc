namespace HireVet.Application.Webhooks;

/// <summary>Posts one webhook body to a subscriber, signed; the answer's status code, or the error.</summary>
public interface IWebhookSender
{
    Task<(int? StatusCode, string? Error)> SendAsync(string url, string secret, long deliveryId, string eventType, string body, CancellationToken ct);
}
