using System.Security.Cryptography;
using HireVet.Application.Common.Auditing;

namespace HireVet.UnitTests.Common.Auditing;

/// <summary>The tree against the RFC 6962 test vectors that Certificate Transparency implementations share
/// (transparency-dev/merkle's testonly and proof tests: the eight leaf inputs, every root, and their known proofs), then
/// generation and verification against each other for every index and size up to 64, and every kind of tampering.</summary>
public sealed class MerkleTreeTests
{
    private static readonly byte[][] Inputs =
        [.. new[] { "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f" }.Select(Convert.FromHexString)];

    private static readonly string[] Roots =
    [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    private static List<byte[]> Leaves(int n) => [.. Inputs.Take(n).Select(i => MerkleTree.LeafHash(i))];

    private static string Hex(byte[] b) => Convert.ToHexStringLower(b);

    [Fact]
    public void Roots_of_the_test_vectors_match_for_every_size_and_the_empty_tree()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Hex(MerkleTree.Root([])));
        for (var n = 1; n <= 8; n++) Assert.Equal(Roots[n - 1], Hex(MerkleTree.Root(Leaves(n))));
        Assert.Equal("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", Hex(MerkleTree.LeafHash([])));
    }

    [Theory]
    // (1-based leaf, tree size, proof): the vectors of the CT implementations.
    [InlineData(1, 8, new[] { "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4" })]
    [InlineData(6, 8, new[] { "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b", "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7" })]
    [InlineData(3, 3, new[] { "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125" })]
    [InlineData(2, 5, new[] { "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b" })]
    [InlineData(1, 1, new string[0])]
    public void Inclusion_proofs_match_the_test_vectors_and_verify(int leaf, int size, string[] expected)
    {
        var leaves = Leaves(size);
        var proof = MerkleTree.InclusionProof(leaves, leaf - 1);
        Assert.Equal(expected, proof.Select(Hex));
        var root = Convert.FromHexString(Roots[size - 1]);
        Assert.True(MerkleTree.VerifyInclusion(leaf - 1, size, leaves[leaf - 1], proof, root));
        // The tree size is part of what is verified (the checkpoint signs it).
        Assert.False(MerkleTree.VerifyInclusion(leaf - 1, size * 2, leaves[leaf - 1], proof, root));
        if (size / 2 >= leaf) Assert.False(MerkleTree.VerifyInclusion(leaf - 1, size / 2, leaves[leaf - 1], proof, root));
    }

    [Theory]
    [InlineData(1, 8, new[] { "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4" })]
    [InlineData(6, 8, new[] { "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a", "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7" })]
    [InlineData(2, 5, new[] { "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b" })]
    [InlineData(6, 7, new[] { "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a", "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7" })]
    [InlineData(1, 1, new string[0])]
    public void Consistency_proofs_match_the_test_vectors_and_verify(int first, int second, string[] expected)
    {
        var proof = MerkleTree.ConsistencyProof(Leaves(second), first);
        Assert.Equal(expected, proof.Select(Hex));
        var (root1, root2) = (Convert.FromHexString(Roots[first - 1]), Convert.FromHexString(Roots[second - 1]));
        Assert.True(MerkleTree.VerifyConsistency(first, second, root1, root2, proof));
        if (first == second) return;
        Assert.False(MerkleTree.VerifyConsistency(first - 1, second, root1, root2, proof));
        Assert.False(MerkleTree.VerifyConsistency(first + 1, second, root1, root2, proof));
        Assert.False(MerkleTree.VerifyConsistency(first, second * 2, root1, root2, proof));
    }

    [Fact]
    public void Consistency_edge_cases_follow_the_rfc()
    {
        var a = Convert.FromHexString(Roots[0]);
        var b = Convert.FromHexString(Roots[1]);
        Assert.True(MerkleTree.VerifyConsistency(0, 5, a, b, []));        // the empty tree is a prefix of every tree
        Assert.True(MerkleTree.VerifyConsistency(3, 3, a, a, []));
        Assert.False(MerkleTree.VerifyConsistency(3, 3, a, b, []));       // same size, other root
        Assert.False(MerkleTree.VerifyConsistency(3, 3, a, a, [a]));      // same size, a proof that should be empty
        Assert.False(MerkleTree.VerifyConsistency(2, 1, b, a, []));       // back in time
        Assert.False(MerkleTree.VerifyConsistency(1, 2, a, b, []));       // an empty proof between different sizes
        Assert.False(MerkleTree.VerifyInclusion(0, 0, a, [], a));
        Assert.False(MerkleTree.VerifyInclusion(1, 1, a, [], a));
    }

    [Fact]
    public void Every_inclusion_proof_up_to_64_leaves_verifies_and_any_change_is_rejected()
    {
        var leaves = Enumerable.Range(0, 64).Select(i => MerkleTree.LeafHash(SHA256.HashData(BitConverter.GetBytes(i)))).ToList();
        var other = MerkleTree.LeafHash("other"u8);
        for (var size = 1; size <= 64; size++)
        {
            var tree = leaves.Take(size).ToList();
            var root = MerkleTree.Root(tree);
            for (var index = 0; index < size; index++)
            {
                var proof = MerkleTree.InclusionProof(tree, index);
                Assert.True(MerkleTree.VerifyInclusion(index, size, tree[index], proof, root), $"leaf {index} of {size}");
                Assert.False(MerkleTree.VerifyInclusion(index, size, other, proof, root));
                if (size > 1)
                {
                    Assert.False(MerkleTree.VerifyInclusion(index, size, tree[(index + 1) % size], proof, root));
                    Assert.False(MerkleTree.VerifyInclusion((index + 1) % size, size, tree[index], proof, root));
                }
                for (var i = 0; i < proof.Length; i++)
                {
                    var changed = proof.Select(p => (byte[])p.Clone()).ToArray();
                    changed[i][0] ^= 1;
                    Assert.False(MerkleTree.VerifyInclusion(index, size, tree[index], changed, root));
                    Assert.False(MerkleTree.VerifyInclusion(index, size, tree[index], proof.Where((_, j) => j != i).ToArray(), root));
                }
                Assert.False(MerkleTree.VerifyInclusion(index, size, tree[index], [.. proof, other], root));
                Assert.False(MerkleTree.VerifyInclusion(index, size, tree[index], proof, other));
            }
        }
    }

    [Fact]
    public void Every_consistency_proof_up_to_64_leaves_verifies_and_any_change_is_rejected()
    {
        var leaves = Enumerable.Range(0, 64).Select(i => MerkleTree.LeafHash(SHA256.HashData(BitConverter.GetBytes(i)))).ToList();
        var roots = Enumerable.Range(0, 65).Select(n => MerkleTree.Root(leaves.Take(n).ToList())).ToArray();
        var other = MerkleTree.LeafHash("other"u8);
        for (var second = 1; second <= 64; second++)
            for (var first = 1; first <= second; first++)
            {
                var proof = MerkleTree.ConsistencyProof(leaves.Take(second).ToList(), first);
                Assert.True(MerkleTree.VerifyConsistency(first, second, roots[first], roots[second], proof), $"{first} to {second}");
                if (first == second) continue;
                Assert.False(MerkleTree.VerifyConsistency(first, second, other, roots[second], proof));
                Assert.False(MerkleTree.VerifyConsistency(first, second, roots[first], other, proof));
                Assert.False(MerkleTree.VerifyConsistency(first, second, roots[second], roots[first], proof));
                for (var i = 0; i < proof.Length; i++)
                {
                    var changed = proof.Select(p => (byte[])p.Clone()).ToArray();
                    changed[i][0] ^= 1;
                    Assert.False(MerkleTree.VerifyConsistency(first, second, roots[first], roots[second], changed));
                }
                Assert.False(MerkleTree.VerifyConsistency(first, second, roots[first], roots[second], [.. proof, other]));
                // A tree whose prefix differs (one earlier leaf changed) is not consistent with the first root.
                var forked = leaves.Take(second).ToList();
                forked[first - 1] = other;
                var forkedProof = MerkleTree.ConsistencyProof(forked, first);
                Assert.False(MerkleTree.VerifyConsistency(first, second, roots[first], MerkleTree.Root(forked), forkedProof));
            }
    }

    [Fact]
    public void The_accumulator_gives_the_root_of_every_prefix()
    {
        var leaves = Enumerable.Range(0, 100).Select(i => MerkleTree.LeafHash(BitConverter.GetBytes(i))).ToList();
        var accumulator = new MerkleTree.Accumulator();
        Assert.Equal(MerkleTree.EmptyRoot, accumulator.Root());
        for (var n = 1; n <= leaves.Count; n++)
        {
            accumulator.Append(leaves[n - 1]);
            Assert.Equal(Hex(MerkleTree.Root(leaves.Take(n).ToList())), Hex(accumulator.Root()));
        }
        var vectors = new MerkleTree.Accumulator();
        foreach (var leaf in Leaves(8)) vectors.Append(leaf);
        Assert.Equal(Roots[7], Hex(vectors.Root()));
    }
}
