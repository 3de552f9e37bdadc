using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace HireVet.Application.ReferenceData.Network;

/// <summary>Conversions between <see cref="IPAddress"/>, text and the integer form the range tables search:
/// IPv4 as a big-endian <see cref="uint"/>, IPv6 as a big-endian <see cref="UInt128"/>.</summary>
internal static class IpNumbers
{
    /// <summary>The IPv4 value of an IPv4 address or of an IPv4-mapped IPv6 address (<c>::ffff:a.b.c.d</c>).</summary>
    public static bool TryGetIPv4(IPAddress ip, out uint value)
    {
        if (ip.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> bytes = stackalloc byte[4];
            ip.TryWriteBytes(bytes, out _);
            value = BinaryPrimitives.ReadUInt32BigEndian(bytes);
            return true;
        }

        if (ip.AddressFamily == AddressFamily.InterNetworkV6 && ip.IsIPv4MappedToIPv6)
        {
            Span<byte> bytes = stackalloc byte[16];
            ip.TryWriteBytes(bytes, out _);
            value = BinaryPrimitives.ReadUInt32BigEndian(bytes[12..]);
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>The 128-bit value of an IPv6 address; false for IPv4.</summary>
    public static bool TryGetIPv6(IPAddress ip, out UInt128 value)
    {
        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
        {
            Span<byte> bytes = stackalloc byte[16];
            ip.TryWriteBytes(bytes, out _);
            value = BinaryPrimitives.ReadUInt128BigEndian(bytes);
            return true;
        }

        value = UInt128.Zero;
        return false;
    }

    /// <summary>ASCII decimal digits only (no sign, no spaces) into a <see cref="uint"/>; false on overflow.</summary>
    public static bool TryParseUInt32(ReadOnlySpan<byte> digits, out uint value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 10)
        {
            return false;
        }

        ulong result = 0;
        foreach (var b in digits)
        {
            var d = (uint)(b - '0');
            if (d > 9)
            {
                return false;
            }

            result = (result * 10) + d;
        }

        if (result > uint.MaxValue)
        {
            return false;
        }

        value = (uint)result;
        return true;
    }

    /// <summary>ASCII decimal digits only into a <see cref="UInt128"/> (up to 39 digits); false on overflow.</summary>
    public static bool TryParseUInt128(ReadOnlySpan<byte> digits, out UInt128 value)
    {
        value = UInt128.Zero;
        if (digits.IsEmpty || digits.Length > 39)
        {
            return false;
        }

        // Up to 19 digits fit a ulong; combine at most three chunks with UInt128 arithmetic.
        UInt128 result = UInt128.Zero;
        while (!digits.IsEmpty)
        {
            var take = Math.Min(19, digits.Length);
            ulong chunk = 0;
            ulong scale = 1;
            for (var i = 0; i < take; i++)
            {
                var d = (uint)(digits[i] - '0');
                if (d > 9)
                {
                    return false;
                }

                chunk = (chunk * 10) + d;
                scale *= 10;
            }

            if (result != UInt128.Zero)
            {
                var limit = (UInt128.MaxValue - chunk) / scale;
                if (result > limit)
                {
                    return false;
                }

                result = (result * scale) + chunk;
            }
            else
            {
                result = chunk;
            }

            digits = digits[take..];
        }

        value = result;
        return true;
    }

    /// <summary>
    /// Parses <c>a.b.c.d/len</c>, <c>ipv6/len</c> or a bare address (a host route) into the inclusive range it
    /// covers. Host bits below the prefix length are ignored (<c>10.0.0.1/8</c> covers 10.0.0.0-10.255.255.255).
    /// IPv4-mapped IPv6 blocks (<c>::ffff:a.b.c.d/len</c>, len &gt;= 96) are returned as IPv4.
    /// IPv4 must be a canonical dotted quad (decimal octets without leading zeros; no hex or shortened forms).
    /// </summary>
    public static bool TryParseCidr(ReadOnlySpan<char> text, out bool isIPv6, out UInt128 first, out UInt128 last)
    {
        isIPv6 = false;
        first = last = UInt128.Zero;
        text = text.Trim();
        var slash = text.IndexOf('/');
        var addressText = slash >= 0 ? text[..slash] : text;
        int? prefixLength = null;
        if (slash >= 0)
        {
            var lengthText = text[(slash + 1)..];
            if (lengthText.IsEmpty || lengthText.Length > 3 || !int.TryParse(lengthText, System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out var parsedLength))
            {
                return false;
            }

            prefixLength = parsedLength;
        }

        if (addressText.IndexOf(':') < 0)
        {
            if (!TryParseDottedQuad(addressText, out var v4))
            {
                return false;
            }

            var length = prefixLength ?? 32;
            if (length > 32)
            {
                return false;
            }

            var mask = length == 0 ? 0u : uint.MaxValue << (32 - length);
            first = v4 & mask;
            last = (v4 & mask) | ~mask;
            return true;
        }

        if (addressText.IndexOf('%') >= 0 || !IPAddress.TryParse(addressText, out var ip)
            || ip.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        var v6Length = prefixLength ?? 128;
        if (v6Length > 128)
        {
            return false;
        }

        if (ip.IsIPv4MappedToIPv6 && v6Length >= 96)
        {
            TryGetIPv4(ip, out var mapped);
            var v4Length = v6Length - 96;
            var mask = v4Length == 0 ? 0u : uint.MaxValue << (32 - v4Length);
            first = mapped & mask;
            last = (mapped & mask) | ~mask;
            return true;
        }

        TryGetIPv6(ip, out var v6);
        var v6Mask = v6Length == 0 ? UInt128.Zero : UInt128.MaxValue << (128 - v6Length);
        isIPv6 = true;
        first = v6 & v6Mask;
        last = (v6 & v6Mask) | ~v6Mask;
        return true;
    }

    private static bool TryParseDottedQuad(ReadOnlySpan<char> text, out uint value)
    {
        value = 0;
        var octets = 0;
        while (true)
        {
            var dot = text.IndexOf('.');
            var part = dot >= 0 ? text[..dot] : text;
            if (part.IsEmpty || part.Length > 3 || (part.Length > 1 && part[0] == '0'))
            {
                return false;
            }

            var octet = 0;
            foreach (var c in part)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return false;
                }

                octet = (octet * 10) + (c - '0');
            }

            if (octet > 255)
            {
                return false;
            }

            value = (value << 8) | (uint)octet;
            octets++;
            if (dot < 0)
            {
                return octets == 4;
            }

            if (octets == 4)
            {
                return false;
            }

            text = text[(dot + 1)..];
        }
    }
}
