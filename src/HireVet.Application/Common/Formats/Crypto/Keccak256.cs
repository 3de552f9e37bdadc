using System.Buffers.Binary;
using System.Numerics;

namespace HireVet.Application.Common.Formats.Crypto;

/// <summary>Keccak-256 as Ethereum uses it (EIP-55 checksums, Monero checksums). This is the original Keccak
/// submission, padded with domain byte 0x01; FIPS 202 SHA3-256 (.NET's <c>SHA3_256</c>) pads with 0x06 and gives
/// different hashes, so it cannot be used here.</summary>
public static class Keccak256
{
    public const int HashLength = 32;

    // 1600-bit state, 256-bit capacity: 1088 bits (136 bytes) absorbed per permutation.
    private const int Rate = 136;
    private const byte KeccakDomain = 0x01;

    private static readonly ulong[] RoundConstants =
    [
        0x0000000000000001, 0x0000000000008082, 0x800000000000808a, 0x8000000080008000,
        0x000000000000808b, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
        0x000000000000008a, 0x0000000000000088, 0x0000000080008009, 0x000000008000000a,
        0x000000008000808b, 0x800000000000008b, 0x8000000000008089, 0x8000000000008003,
        0x8000000000008002, 0x8000000000000080, 0x000000000000800a, 0x800000008000000a,
        0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
    ];

    // Rho rotation amounts and pi lane order, walking the lanes from (1, 0).
    private static readonly int[] Rotations = [1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44];
    private static readonly int[] PiLanes = [10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1];

    public static byte[] Hash(ReadOnlySpan<byte> data) => Sponge(data, KeccakDomain);

    /// <summary>The sponge with a chosen domain byte: 0x01 is Keccak-256, 0x06 is SHA3-256 (used only by the tests to
    /// check the permutation against the platform's SHA3-256).</summary>
    internal static byte[] Sponge(ReadOnlySpan<byte> data, byte domain)
    {
        Span<ulong> state = stackalloc ulong[25];
        state.Clear();

        while (data.Length >= Rate)
        {
            Absorb(state, data[..Rate]);
            Permute(state);
            data = data[Rate..];
        }

        Span<byte> last = stackalloc byte[Rate];
        last.Clear();
        data.CopyTo(last);
        last[data.Length] ^= domain;
        last[Rate - 1] ^= 0x80;
        Absorb(state, last);
        Permute(state);

        var hash = new byte[HashLength];
        for (var i = 0; i < HashLength / 8; i++) BinaryPrimitives.WriteUInt64LittleEndian(hash.AsSpan(i * 8), state[i]);
        return hash;
    }

    private static void Absorb(Span<ulong> state, ReadOnlySpan<byte> block)
    {
        for (var i = 0; i < Rate / 8; i++) state[i] ^= BinaryPrimitives.ReadUInt64LittleEndian(block[(i * 8)..]);
    }

    /// <summary>Keccak-f[1600]: 24 rounds of theta, rho, pi, chi and iota.</summary>
    private static void Permute(Span<ulong> state)
    {
        Span<ulong> c = stackalloc ulong[5];
        foreach (var roundConstant in RoundConstants)
        {
            for (var x = 0; x < 5; x++) c[x] = state[x] ^ state[x + 5] ^ state[x + 10] ^ state[x + 15] ^ state[x + 20];
            for (var x = 0; x < 5; x++)
            {
                var d = c[(x + 4) % 5] ^ BitOperations.RotateLeft(c[(x + 1) % 5], 1);
                for (var y = 0; y < 25; y += 5) state[y + x] ^= d;
            }

            var carried = state[1];
            for (var i = 0; i < 24; i++)
            {
                var lane = PiLanes[i];
                var next = state[lane];
                state[lane] = BitOperations.RotateLeft(carried, Rotations[i]);
                carried = next;
            }

            for (var y = 0; y < 25; y += 5)
            {
                for (var x = 0; x < 5; x++) c[x] = state[y + x];
                for (var x = 0; x < 5; x++) state[y + x] ^= ~c[(x + 1) % 5] & c[(x + 2) % 5];
            }

            state[0] ^= roundConstant;
        }
    }
}
