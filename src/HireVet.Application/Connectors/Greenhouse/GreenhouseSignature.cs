using System.Security.Cryptography;
using System.Text;

namespace HireVet.Application.Connectors.Greenhouse;

/// <summary>Checks Greenhouse's <c>Signature</c> header, <c>sha256 &lt;hex&gt;</c>: the HMAC-SHA256 of the raw request
/// body keyed by the webhook's secret key. It must be computed over the bytes as received (Greenhouse signs its
/// escaped JSON, <c>\u003cp\u003e</c> and all), never over re-serialised JSON.</summary>
public static class GreenhouseSignature
{
    private const string Algorithm = "sha256";

    /// <summary>True when the header carries the body's signature under this secret. A missing or malformed header,
    /// another algorithm or an empty secret is false; the comparison takes the same time wherever the bytes differ.</summary>
    public static bool IsValid(ReadOnlySpan<byte> rawBody, string? signatureHeader, string secret)
    {
        if (string.IsNullOrEmpty(secret) || string.IsNullOrWhiteSpace(signatureHeader)) return false;
        var header = signatureHeader.Trim();
        var space = header.IndexOf(' ');
        if (space < 0 || !header[..space].Equals(Algorithm, StringComparison.OrdinalIgnoreCase)) return false;
        var hex = header[(space + 1)..].Trim();
        if (hex.Length != 2 * HMACSHA256.HashSizeInBytes || !hex.All(char.IsAsciiHexDigit)) return false;
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), rawBody);
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(hex));
    }

    /// <summary>The header Greenhouse would send for this body and secret (for tests and for replaying a delivery).</summary>
    public static string Header(ReadOnlySpan<byte> rawBody, string secret) =>
        $"{Algorithm} {Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), rawBody))}";
}
