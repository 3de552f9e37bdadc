using System.Diagnostics.CodeAnalysis;

namespace HireVet.Application.Common.Formats.Crypto;

/// <summary>Monero's block Base58: the bytes are cut into 8-byte blocks, each written as exactly 11 Base58 characters
/// (a shorter last block uses a fixed shorter width), so unlike Bitcoin's Base58 the length is fixed by the data.</summary>
public static class MoneroBase58
{
    private const int FullBlockBytes = 8;
    private const int FullBlockChars = 11;

    // Characters needed for a block of 0..8 bytes.
    private static readonly int[] BlockChars = [0, 2, 3, 5, 6, 7, 9, 10, 11];

    public static bool TryDecode(string text, [NotNullWhen(true)] out byte[]? bytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        bytes = null;
        if (text.Length > Base58.MaxLength) return false;
        var lastChars = text.Length % FullBlockChars;
        var lastBytes = Array.IndexOf(BlockChars, lastChars);
        if (lastBytes < 0) return false;

        var fullBlocks = text.Length / FullBlockChars;
        var result = new byte[(fullBlocks * FullBlockBytes) + lastBytes];
        for (var block = 0; block * FullBlockChars < text.Length; block++)
        {
            var chars = text.AsSpan(block * FullBlockChars, Math.Min(FullBlockChars, text.Length - (block * FullBlockChars)));
            var size = Array.IndexOf(BlockChars, chars.Length);
            UInt128 value = 0;
            foreach (var c in chars)
            {
                var digit = Base58.DigitOf(c);
                if (digit < 0) return false;
                value = (value * 58) + (uint)digit;
            }
            // The value must fit the block: 11 characters can spell numbers above 2^64.
            if (value >> (8 * size) != 0) return false;
            for (var i = size - 1; i >= 0; i--)
            {
                result[(block * FullBlockBytes) + i] = (byte)(value & 0xff);
                value >>= 8;
            }
        }

        bytes = result;
        return true;
    }

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var chars = new List<char>();
        for (var offset = 0; offset < data.Length; offset += FullBlockBytes)
        {
            var block = data.Slice(offset, Math.Min(FullBlockBytes, data.Length - offset));
            UInt128 value = 0;
            foreach (var b in block) value = (value << 8) | b;
            var width = BlockChars[block.Length];
            var digits = new char[width];
            for (var i = width - 1; i >= 0; i--)
            {
                digits[i] = Base58.Alphabet[(int)(value % 58)];
                value /= 58;
            }
            chars.AddRange(digits);
        }
        return new string([.. chars]);
    }
}
