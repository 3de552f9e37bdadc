using System.Security.Cryptography;
using System.Text;

namespace HireVet.Application.Connectors.Lever;

/// <summary>Checks a Lever webhook's signature: the hex HMAC-SHA256 of <c>token + triggeredAt</c> (both as sent in the
/// body), keyed by the webhook's signature token from Lever's settings. Lever signs these two fields, not the body,
/// so a replay of an old delivery verifies; whoever acts on it should refuse a <c>triggeredAt</c> far from now.</summary>
public static class LeverSignature
{
    /// <summary>True when <paramref name="signature"/> is the HMAC of token and triggeredAt under the signature token.
    /// A missing field, a signature that is not 64 hex digits or an empty signature token is false; the comparison
    /// takes the same time wherever the bytes differ.</summary>
    public static bool IsValid(string? token, string? triggeredAt, string? signature, string signatureToken)
    {
        if (string.IsNullOrEmpty(token) || string.IsNullOrEmpty(triggeredAt) || string.IsNullOrEmpty(signatureToken)
            || signature is null || signature.Length != 2 * HMACSHA256.HashSizeInBytes || !signature.All(char.IsAsciiHexDigit))
            return false;
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signatureToken), Encoding.UTF8.GetBytes(token + triggeredAt));
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(signature));
    }

    /// <summary>A parsed delivery's signature under the signature token.</summary>
    public static bool IsValid(LeverWebhook.Event delivery, string signatureToken) =>
        IsValid(delivery.Token, delivery.TriggeredAtText, delivery.Signature, signatureToken);
}
