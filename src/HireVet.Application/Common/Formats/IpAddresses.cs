using System.Net;
using System.Net.Sockets;

namespace HireVet.Application.Common.Formats;

public static class IpAddresses
{
    /// <summary>
    /// Parses an IPv4 address only in canonical dotted-quad form, or a plain IPv6 address.
    /// IPAddress.TryParse alone also accepts "1.2.3", "010.1.1.1" (octal) and "0x7f.1", which
    /// would let the same host hide behind several spellings.
    /// </summary>
    public static bool TryParseStrict(string? text, out IPAddress? ip)
    {
        ip = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        return text.Contains(':') ? TryParseV6(text, out ip) : TryParseV4(text, out ip);
    }

    private static bool TryParseV4(string text, out IPAddress? ip)
    {
        ip = null;
        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        var bytes = new byte[4];
        for (var i = 0; i < 4; i++)
        {
            var part = parts[i];
            if (part.Length is 0 or > 3 || !part.All(char.IsAsciiDigit) || (part.Length > 1 && part[0] == '0'))
            {
                return false;
            }

            var value = int.Parse(part, System.Globalization.CultureInfo.InvariantCulture);
            if (value > 255)
            {
                return false;
            }

            bytes[i] = (byte)value;
        }

        ip = new IPAddress(bytes);
        return true;
    }

    // Only hex digits, colons and dots (for "::ffff:192.0.2.1"); no brackets, ports, zone ids or whitespace.
    private static bool TryParseV6(string text, out IPAddress? ip)
    {
        ip = null;
        if (!text.All(c => char.IsAsciiHexDigit(c) || c is ':' or '.'))
        {
            return false;
        }

        // An embedded IPv4 tail obeys the same dotted-quad rules as a bare IPv4 address.
        var lastColon = text.LastIndexOf(':');
        if (text.Contains('.') && !TryParseV4(text[(lastColon + 1)..], out _))
        {
            return false;
        }

        if (!IPAddress.TryParse(text, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        ip = parsed;
        return true;
    }
}
