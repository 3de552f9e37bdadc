using System.Numerics;
using System.Security.Cryptography;

namespace HireVet.Application.Common.Auditing;

/// <summary>The Merkle tree of RFC 9162 (Certificate Transparency 2.0, the same tree as RFC 6962) over the audit chain:
/// leaf i is the 32 bytes of link i+1's chain hash, the leaf hash is SHA-256(0x00 || leaf) and an inner node
/// SHA-256(0x01 || left || right), the left subtree of n leaves holding the largest power of two below n. Inclusion
/// proofs (section 2.1.3) let an auditor check one record against a signed root with log2(n) hashes; consistency proofs
/// (2.1.4) show that a later signed tree extends an earlier one. Everything here works on leaf hashes.</summary>
public static class MerkleTree
{
    public const int HashSize = 32;

    /// <summary>The root of the empty tree: SHA-256 of nothing.</summary>
    public static readonly byte[] EmptyRoot = SHA256.HashData([]);

    public static byte[] LeafHash(ReadOnlySpan<byte> leaf)
    {
        Span<byte> input = leaf.Length <= 256 ? stackalloc byte[1 + leaf.Length] : new byte[1 + leaf.Length];
        input[0] = 0x00;
        leaf.CopyTo(input[1..]);
        return SHA256.HashData(input);
    }

    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> input = stackalloc byte[1 + 2 * HashSize];
        input[0] = 0x01;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + HashSize)..]);
        return SHA256.HashData(input);
    }

    /// <summary>MTH(D[n]) over all the given leaf hashes.</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leafHashes) => leafHashes.Count == 0 ? EmptyRoot : Subtree(leafHashes, 0, leafHashes.Count);

    /// <summary>PATH(index, D[n]) with n the number of leaf hashes given (RFC 9162 2.1.3.1), nearest the leaf first.</summary>
    public static byte[][] InclusionProof(IReadOnlyList<byte[]> leafHashes, long index)
    {
        if (index < 0 || index >= leafHashes.Count)
            throw new ArgumentOutOfRangeException(nameof(index), $"Leaf {index} is not in a tree of {leafHashes.Count}.");
        var path = new List<byte[]>();
        Path((int)index, 0, leafHashes.Count);
        return [.. path];

        // Collected root-first by the recursion, so inserted at the front: the path lists the leaf's sibling first.
        void Path(int m, int start, int n)
        {
            if (n == 1) return;
            var k = SplitPoint(n);
            if (m < k)
            {
                path.Insert(0, Subtree(leafHashes, start + k, n - k));
                Path(m, start, k);
            }
            else
            {
                path.Insert(0, Subtree(leafHashes, start, k));
                Path(m - k, start + k, n - k);
            }
        }
    }

    /// <summary>PROOF(m, D[n]) with n the number of leaf hashes given (RFC 9162 2.1.4.1): empty for m = 0 or m = n.</summary>
    public static byte[][] ConsistencyProof(IReadOnlyList<byte[]> leafHashes, long m)
    {
        if (m < 0 || m > leafHashes.Count)
            throw new ArgumentOutOfRangeException(nameof(m), $"A tree of {m} is not a prefix of a tree of {leafHashes.Count}.");
        if (m == 0 || m == leafHashes.Count) return [];
        var proof = new List<byte[]>();
        SubProof((int)m, 0, leafHashes.Count, true);
        return [.. proof];

        void SubProof(int mm, int start, int n, bool complete)
        {
            if (mm == n)
            {
                if (!complete) proof.Insert(0, Subtree(leafHashes, start, n));
                return;
            }
            var k = SplitPoint(n);
            if (mm <= k)
            {
                proof.Insert(0, Subtree(leafHashes, start + k, n - k));
                SubProof(mm, start, k, complete);
            }
            else
            {
                proof.Insert(0, Subtree(leafHashes, start, k));
                SubProof(mm - k, start + k, n - k, false);
            }
        }
    }

    /// <summary>RFC 9162 2.1.3.2: whether <paramref name="proof"/> places <paramref name="leafHash"/> at
    /// <paramref name="index"/> in the tree of <paramref name="size"/> leaves whose root is <paramref name="root"/>.</summary>
    public static bool VerifyInclusion(long index, long size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root)
    {
        if (index < 0 || index >= size || leafHash.Length != HashSize || root.Length != HashSize) return false;
        if (proof.Any(p => p is not { Length: HashSize })) return false;
        long fn = index, sn = size - 1;
        var r = leafHash.ToArray();
        foreach (var p in proof)
        {
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                r = NodeHash(p, r);
                if ((fn & 1) == 0)
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
            }
            else r = NodeHash(r, p);
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && CryptographicOperations.FixedTimeEquals(r, root);
    }

    /// <summary>RFC 9162 2.1.4.2: whether <paramref name="proof"/> shows the tree of <paramref name="second"/> leaves with
    /// root <paramref name="secondRoot"/> to begin with the tree of <paramref name="first"/> leaves with root
    /// <paramref name="firstRoot"/>. Equal sizes need equal roots and an empty proof; the empty tree is a prefix of all.</summary>
    public static bool VerifyConsistency(long first, long second, ReadOnlySpan<byte> firstRoot, ReadOnlySpan<byte> secondRoot,
        IReadOnlyList<byte[]> proof)
    {
        if (first < 0 || second < first) return false;
        if (proof.Any(p => p is not { Length: HashSize })) return false;
        if (first == second) return proof.Count == 0 && firstRoot.SequenceEqual(secondRoot);
        if (first == 0) return proof.Count == 0;
        if (proof.Count == 0 || firstRoot.Length != HashSize || secondRoot.Length != HashSize) return false;

        var path = BitOperations.IsPow2(first) ? [firstRoot.ToArray(), .. proof] : proof.ToList();
        long fn = first - 1, sn = second - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path[0], sr = path[0];
        foreach (var c in path.Skip(1))
        {
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                fr = NodeHash(c, fr);
                sr = NodeHash(c, sr);
                if ((fn & 1) == 0)
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
            }
            else sr = NodeHash(sr, c);
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && CryptographicOperations.FixedTimeEquals(fr, firstRoot) && CryptographicOperations.FixedTimeEquals(sr, secondRoot);
    }

    /// <summary>The largest power of two smaller than n (n &gt; 1): the size of the left subtree.</summary>
    private static int SplitPoint(int n) => 1 << (BitOperations.Log2((uint)(n - 1)));

    private static byte[] Subtree(IReadOnlyList<byte[]> leafHashes, int start, int n)
    {
        if (n == 1) return leafHashes[start];
        var k = SplitPoint(n);
        return NodeHash(Subtree(leafHashes, start, k), Subtree(leafHashes, start + k, n - k));
    }

    /// <summary>Roots of every prefix of a growing tree in one pass: keeps the roots of the perfect subtrees the leaves so
    /// far decompose into (one per set bit of the size), so appending a leaf costs one hash amortised and the current
    /// root log2(n) more. Folding those subtrees right to left gives the same root as MTH.</summary>
    public sealed class Accumulator
    {
        private readonly List<(int Height, byte[] Hash)> _stack = [];

        public long Size { get; private set; }

        public void Append(byte[] leafHash)
        {
            var (height, hash) = (0, leafHash);
            while (_stack.Count > 0 && _stack[^1].Height == height)
            {
                hash = NodeHash(_stack[^1].Hash, hash);
                height++;
                _stack.RemoveAt(_stack.Count - 1);
            }
            _stack.Add((height, hash));
            Size++;
        }

        public byte[] Root()
        {
            if (_stack.Count == 0) return EmptyRoot;
            var root = _stack[^1].Hash;
            for (var i = _stack.Count - 2; i >= 0; i--) root = NodeHash(_stack[i].Hash, root);
            return root;
        }
    }
}
