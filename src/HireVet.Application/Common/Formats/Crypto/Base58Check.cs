using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace HireVet.Application.Common.Formats.Crypto;

/// <summary>Bitcoin's Base58 alphabet (no 0, O, I or l) as a big-endian number; each leading '1' is a zero byte.</summary>
public static class Base58
{
    public const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    // Decoding is quadratic in the length; no address is longer than this, so longer input is refused outright.
    internal const int MaxLength = 128;

    private static readonly sbyte[] Digits = BuildDigits();

    private static sbyte[] BuildDigits()
    {
        var digits = new sbyte[128];
        Array.Fill(digits, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++) digits[Alphabet[i]] = (sbyte)i;
        return digits;
    }

    /// <summary>The value of one Base58 character, or -1 when it is not in the alphabet.</summary>
    internal static int DigitOf(char c) => c < 128 ? Digits[c] : -1;

    public static bool TryDecode(string text, [NotNullWhen(true)] out byte[]? bytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        bytes = null;
        if (text.Length > MaxLength) return false;

        var zeros = 0;
        while (zeros < text.Length && text[zeros] == '1') zeros++;

        // log(58) / log(256) is about 0.733: the number of bytes the digits need at most.
        var b256 = new byte[(text.Length * 733 / 1000) + 1];
        var length = 0;
        foreach (var c in text)
        {
            var carry = DigitOf(c);
            if (carry < 0) return false;
            var i = 0;
            for (var k = b256.Length - 1; (carry != 0 || i < length) && k >= 0; k--, i++)
            {
                carry += 58 * b256[k];
                b256[k] = (byte)(carry % 256);
                carry /= 256;
            }
            length = i;
        }

        var start = b256.Length - length;
        while (start < b256.Length && b256[start] == 0) start++;
        bytes = new byte[zeros + (b256.Length - start)];
        b256.AsSpan(start).CopyTo(bytes.AsSpan(zeros));
        return true;
    }

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var zeros = 0;
        while (zeros < data.Length && data[zeros] == 0) zeros++;

        // log(256) / log(58) is about 1.37.
        var b58 = new byte[((data.Length - zeros) * 138 / 100) + 1];
        var length = 0;
        for (var j = zeros; j < data.Length; j++)
        {
            int carry = data[j];
            var i = 0;
            for (var k = b58.Length - 1; (carry != 0 || i < length) && k >= 0; k--, i++)
            {
                carry += 256 * b58[k];
                b58[k] = (byte)(carry % 58);
                carry /= 58;
            }
            length = i;
        }

        var start = b58.Length - length;
        while (start < b58.Length && b58[start] == 0) start++;
        var chars = new char[zeros + (b58.Length - start)];
        chars.AsSpan(0, zeros).Fill('1');
        for (var i = start; i < b58.Length; i++) chars[zeros + i - start] = Alphabet[b58[i]];
        return new string(chars);
    }
}

/// <summary>Base58Check (Bitcoin, Litecoin, TRON addresses): Base58 of payload + the first 4 bytes of
/// SHA-256(SHA-256(payload)). The payload starts with the version byte that tells the address kind.</summary>
public static class Base58Check
{
    private const int ChecksumLength = 4;

    /// <summary>Decodes and verifies the checksum. <paramref name="payload"/> is version byte + data, without the
    /// checksum; <paramref name="problem"/> says in plain words why the text is not Base58Check.</summary>
    public static bool TryDecode(string text, [NotNullWhen(true)] out byte[]? payload, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        payload = null;
        if (text.Length == 0)
        {
            problem = "it is empty";
            return false;
        }
        if (text.Length > Base58.MaxLength)
        {
            problem = $"it is {text.Length} characters long, longer than any Base58Check address";
            return false;
        }
        var bad = text.AsSpan().IndexOfAnyExcept(Base58.Alphabet);
        if (bad >= 0 || !Base58.TryDecode(text, out var raw))
        {
            problem = $"it contains {Describe(text[Math.Max(bad, 0)])}, which is not in the Base58 alphabet";
            return false;
        }

        if (raw.Length <= ChecksumLength)
        {
            problem = "it is too short to carry a checksum";
            return false;
        }

        var body = raw.AsSpan(0, raw.Length - ChecksumLength);
        if (!Checksum(body).SequenceEqual(raw.AsSpan(raw.Length - ChecksumLength)))
        {
            problem = "its checksum does not match, so a character is wrong, missing or swapped";
            return false;
        }

        payload = body.ToArray();
        problem = null;
        return true;
    }

    /// <summary>Base58 of payload + checksum.</summary>
    public static string Encode(ReadOnlySpan<byte> payload)
    {
        var raw = new byte[payload.Length + ChecksumLength];
        payload.CopyTo(raw);
        Checksum(payload).CopyTo(raw.AsSpan(payload.Length));
        return Base58.Encode(raw);
    }

    // Quoted when printable, as a code point otherwise (a stray control character would vanish in a sentence).
    internal static string Describe(char c) =>
        c is >= '!' and <= '~' ? $"'{c}'" : $"the character U+{(int)c:X4}";

    private static ReadOnlySpan<byte> Checksum(ReadOnlySpan<byte> body) =>
        SHA256.HashData(SHA256.HashData(body)).AsSpan(0, ChecksumLength);
}
