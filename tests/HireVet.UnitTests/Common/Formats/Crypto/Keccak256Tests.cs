using System.Security.Cryptography;
using System.Text;
using HireVet.Application.Common.Formats.Crypto;

namespace HireVet.UnitTests.Common.Formats.Crypto;

public sealed class Keccak256Tests
{
    [Theory]
    [InlineData("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    [InlineData("The quick brown fox jumps over the lazy dog", "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15")]
    public void Keccak256_matches_the_published_Ethereum_values(string text, string expected)
    {
        Assert.Equal(expected, Convert.ToHexStringLower(Keccak256.Hash(Encoding.ASCII.GetBytes(text))));
    }

    [Fact]
    public void Keccak256_is_not_FIPS_SHA3_256()
    {
        // SHA3-256("") from FIPS 202; Keccak pads with 0x01 where SHA3 pads with 0x06.
        Assert.NotEqual("a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a",
            Convert.ToHexStringLower(Keccak256.Hash([])));
    }

    // SHA3-256 of bytes i % 251 (values from Python's hashlib.sha3_256): with SHA3's domain byte the same sponge must
    // give FIPS 202 results, across the 136-byte block boundary and over several blocks.
    [Theory]
    [InlineData(0, "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a")]
    [InlineData(1, "5d53469f20fef4f8eab52b88044ede69c77a6a68a60728609fc4a65ff531e7d0")]
    [InlineData(135, "fded8fd9d6551c601eeb3b7c6bc5e5cfd8aad1d015b7e9aaa9c9b9475231d5e2")]
    [InlineData(136, "cf3ccff92480a29160c2d38317c430e14749bfee1788106957dfe73f8c4930e5")]
    [InlineData(137, "ce9d7dc90913ee5d92745019479a5352c6d6279bef18ed07dc0a83ee8084daca")]
    [InlineData(272, "b7ccd55b6c2c3fa144c9e0624059294975a348b02f321abe289701d3012f7794")]
    [InlineData(1000, "48e66a01861d0eadaacdb7a6ae7db6b9ac79242ecced4154a9fbb33c4e3cc571")]
    public void The_permutation_matches_SHA3_256_when_given_its_domain_byte(int length, string expected)
    {
        var data = Enumerable.Range(0, length).Select(i => (byte)(i % 251)).ToArray();
        Assert.Equal(expected, Convert.ToHexStringLower(Keccak256.Sponge(data, 0x06)));
        if (SHA3_256.IsSupported) Assert.Equal(expected, Convert.ToHexStringLower(SHA3_256.HashData(data)));
    }
}
