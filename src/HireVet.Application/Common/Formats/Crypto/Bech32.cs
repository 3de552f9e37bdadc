using System.Diagnostics.CodeAnalysis;

namespace HireVet.Application.Common.Formats.Crypto;

/// <summary>Which checksum constant a Bech32 string uses: BIP-173 (segwit version 0) or BIP-350 (version 1 and up).</summary>
public enum Bech32Variant
{
    Bech32,
    Bech32m,
}

/// <summary>A decoded Bech32 string: the human-readable part (lower-case) and the 5-bit data values, checksum removed.</summary>
public sealed record Bech32String(string Hrp, byte[] Data, Bech32Variant Variant);

/// <summary>A decoded segwit address: witness version 0–16 and the witness program.</summary>
public sealed record SegwitAddress(string Hrp, int WitnessVersion, byte[] Program, Bech32Variant Variant);

/// <summary>Bech32 and Bech32m (BIP-173, BIP-350) and segwit addresses built on them.</summary>
public static class Bech32
{
    public const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

    private const int MaxLength = 90;
    private const int ChecksumLength = 6;
    private const uint Bech32Constant = 1;
    private const uint Bech32mConstant = 0x2bc830a3;

    private static readonly uint[] Generator = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

    /// <summary>Decodes a Bech32 or Bech32m string (either checksum is accepted; the variant says which matched).</summary>
    public static bool TryDecode(string text, [NotNullWhen(true)] out Bech32String? decoded, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        decoded = null;
        if (text.Length > MaxLength) return Fail($"it is {text.Length} characters long; Bech32 allows at most {MaxLength}", out problem);
        foreach (var c in text)
        {
            if (c is < '!' or > '~') return Fail($"it contains {Base58Check.Describe(c)}, which Bech32 does not allow", out problem);
        }
        if (text.Any(char.IsAsciiLetterLower) && text.Any(char.IsAsciiLetterUpper))
            return Fail("it mixes upper- and lower-case letters", out problem);

        var lower = text.ToLowerInvariant();
        var separator = lower.LastIndexOf('1');
        if (separator < 0) return Fail("it has no '1' separating the prefix from the data", out problem);
        if (separator == 0) return Fail("it has no prefix before the '1' separator", out problem);
        if (lower.Length - separator - 1 < ChecksumLength) return Fail("its data part is too short to carry a checksum", out problem);

        var hrp = lower[..separator];
        var data = new byte[lower.Length - separator - 1];
        for (var i = 0; i < data.Length; i++)
        {
            var value = Charset.IndexOf(lower[separator + 1 + i]);
            if (value < 0)
                return Fail($"it contains '{text[separator + 1 + i]}', which is not in the Bech32 alphabet", out problem);
            data[i] = (byte)value;
        }

        Bech32Variant variant;
        switch (Polymod(hrp, data))
        {
            case Bech32Constant: variant = Bech32Variant.Bech32; break;
            case Bech32mConstant: variant = Bech32Variant.Bech32m; break;
            default: return Fail("its checksum does not match, so a character is wrong, missing or swapped", out problem);
        }

        decoded = new Bech32String(hrp, data[..^ChecksumLength], variant);
        problem = null;
        return true;
    }

    /// <summary>Encodes 5-bit values under a human-readable part (lower-case output).</summary>
    public static string Encode(string hrp, ReadOnlySpan<byte> data, Bech32Variant variant)
    {
        ArgumentNullException.ThrowIfNull(hrp);
        hrp = hrp.ToLowerInvariant();
        var values = new byte[data.Length + ChecksumLength];
        data.CopyTo(values);
        var mod = Polymod(hrp, values) ^ (variant == Bech32Variant.Bech32 ? Bech32Constant : Bech32mConstant);
        for (var i = 0; i < ChecksumLength; i++) values[data.Length + i] = (byte)((mod >> (5 * (5 - i))) & 31);
        return hrp + "1" + string.Concat(values.Select(v => Charset[v]));
    }

    /// <summary>Decodes a segwit address for the given human-readable part ("bc", "tb", "ltc") under the rules of
    /// BIP-173 and BIP-350: version 0–16, program 2–40 bytes, version 0 only 20 or 32 bytes, version 0 with the
    /// Bech32 checksum and versions 1+ with Bech32m, padding of at most 4 zero bits.</summary>
    public static bool TryDecodeSegwit(string expectedHrp, string address, [NotNullWhen(true)] out SegwitAddress? segwit, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(expectedHrp);
        segwit = null;
        if (!TryDecode(address, out var decoded, out problem)) return false;
        if (decoded.Hrp != expectedHrp.ToLowerInvariant())
            return Fail($"its prefix is \"{decoded.Hrp}\", not \"{expectedHrp.ToLowerInvariant()}\"", out problem);
        if (decoded.Data.Length == 0) return Fail("it carries no witness version or program", out problem);

        int version = decoded.Data[0];
        if (version > 16) return Fail($"witness version {version} does not exist (0 to 16)", out problem);
        if (ConvertBits(decoded.Data.AsSpan(1), 5, 8, pad: false) is not { } program)
            return Fail("its data does not end on a whole byte (bad padding)", out problem);
        if (program.Length is < 2 or > 40)
            return Fail($"its witness program is {program.Length} byte{(program.Length == 1 ? "" : "s")}; segwit allows 2 to 40", out problem);
        if (version == 0 && program.Length is not (20 or 32))
            return Fail($"a version 0 witness program is 20 or 32 bytes, not {program.Length}", out problem);
        if (version == 0 && decoded.Variant != Bech32Variant.Bech32)
            return Fail("a version 0 address must use the Bech32 checksum, and this one uses Bech32m", out problem);
        if (version != 0 && decoded.Variant != Bech32Variant.Bech32m)
            return Fail($"a version {version} address must use the Bech32m checksum (BIP-350), and this one uses Bech32", out problem);

        segwit = new SegwitAddress(decoded.Hrp, version, program, decoded.Variant);
        problem = null;
        return true;
    }

    /// <summary>Encodes a segwit address (Bech32 for version 0, Bech32m otherwise).</summary>
    public static string EncodeSegwit(string hrp, int witnessVersion, ReadOnlySpan<byte> program)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(witnessVersion);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(witnessVersion, 16);
        var data = new List<byte> { (byte)witnessVersion };
        data.AddRange(ConvertBits(program, 8, 5, pad: true)!);
        return Encode(hrp, data.ToArray(), witnessVersion == 0 ? Bech32Variant.Bech32 : Bech32Variant.Bech32m);
    }

    /// <summary>Regroups bits (8→5 with padding to encode, 5→8 without to decode). Null when a value does not fit
    /// <paramref name="fromBits"/>, or when decoding leaves more than 4 padding bits or non-zero padding.</summary>
    internal static byte[]? ConvertBits(ReadOnlySpan<byte> data, int fromBits, int toBits, bool pad)
    {
        var accumulator = 0;
        var bits = 0;
        var maxValue = (1 << toBits) - 1;
        var maxAccumulator = (1 << (fromBits + toBits - 1)) - 1;
        var result = new List<byte>((data.Length * fromBits / toBits) + 1);
        foreach (var value in data)
        {
            if (value >> fromBits != 0) return null;
            accumulator = ((accumulator << fromBits) | value) & maxAccumulator;
            bits += fromBits;
            while (bits >= toBits)
            {
                bits -= toBits;
                result.Add((byte)((accumulator >> bits) & maxValue));
            }
        }

        if (pad)
        {
            if (bits > 0) result.Add((byte)((accumulator << (toBits - bits)) & maxValue));
        }
        else if (bits >= fromBits || ((accumulator << (toBits - bits)) & maxValue) != 0)
        {
            return null;
        }

        return [.. result];
    }

    private static uint Polymod(string hrp, ReadOnlySpan<byte> data)
    {
        uint chk = 1;
        foreach (var c in hrp) chk = Step(chk, (uint)(c >> 5));
        chk = Step(chk, 0);
        foreach (var c in hrp) chk = Step(chk, (uint)(c & 31));
        foreach (var v in data) chk = Step(chk, v);
        return chk;
    }

    private static uint Step(uint chk, uint value)
    {
        var top = chk >> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ value;
        for (var i = 0; i < 5; i++)
        {
            if (((top >> i) & 1) != 0) chk ^= Generator[i];
        }
        return chk;
    }

    private static bool Fail(string why, out string problem)
    {
        problem = why;
        return false;
    }
}
