using HireVet.Application.Common.Formats.Crypto;

namespace HireVet.UnitTests.Common.Formats.Crypto;

/// <summary>The test vectors of BIP-173 and BIP-350 (bitcoin/bips, bip-0173.mediawiki and bip-0350.mediawiki).</summary>
public sealed class Bech32Tests
{
    [Theory]
    [InlineData("A12UEL5L")]
    [InlineData("a12uel5l")]
    [InlineData("an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs")]
    [InlineData("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw")]
    [InlineData("11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j")]
    [InlineData("split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w")]
    [InlineData("?1ezyfcl")]
    public void The_BIP_173_valid_strings_decode_as_Bech32(string text)
    {
        Assert.True(Bech32.TryDecode(text, out var decoded, out var problem), problem);
        Assert.Equal(Bech32Variant.Bech32, decoded.Variant);
        Assert.Equal(text.ToLowerInvariant(), Bech32.Encode(decoded.Hrp, decoded.Data, Bech32Variant.Bech32));
    }

    [Theory]
    [InlineData("A1LQFN3A")]
    [InlineData("a1lqfn3a")]
    [InlineData("an83characterlonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11sg7hg6")]
    [InlineData("abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx")]
    [InlineData("11llllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllludsr8")]
    [InlineData("split1checkupstagehandshakeupstreamerranterredcaperredlc445v")]
    [InlineData("?1v759aa")]
    public void The_BIP_350_valid_strings_decode_as_Bech32m(string text)
    {
        Assert.True(Bech32.TryDecode(text, out var decoded, out var problem), problem);
        Assert.Equal(Bech32Variant.Bech32m, decoded.Variant);
        Assert.Equal(text.ToLowerInvariant(), Bech32.Encode(decoded.Hrp, decoded.Data, Bech32Variant.Bech32m));
    }

    public static TheoryData<string> InvalidStrings => new()
    {
        // BIP-173
        "\u0020" + "1nwldj5", "\u007f" + "1axkwrx", "\u0080" + "1eym55h",
        "an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx",
        "pzry9x0s0muk", "1pzry9x0s0muk", "x1b4n0q5v", "li1dgmt3", "de1lg7wt" + "\u00ff", "A1G7SGD8", "10a06t8", "1qzzfhee",
        // BIP-350
        "\u0020" + "1xj0phk", "\u007f" + "1g6xzxy", "\u0080" + "1vctc34",
        "an84characterslonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11d6pts4",
        "qyrz8wqd2c9m", "1qyrz8wqd2c9m", "y1b0jsk6g", "lt1igcx5c0", "in1muywd", "mm1crxm3i", "au1s5cgom", "M1VUXWEZ",
        "16plkw9", "1p2gdwpf",
    };

    [Theory]
    [MemberData(nameof(InvalidStrings))]
    public void The_BIP_173_and_BIP_350_invalid_strings_are_refused_with_a_reason(string text)
    {
        Assert.False(Bech32.TryDecode(text, out _, out var problem));
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    [Theory]
    [InlineData("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "bc", "0014751e76e8199196d454941c45d1b3a323f1433bd6")]
    [InlineData("tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7", "tb", "00201863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262")]
    [InlineData("bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y", "bc", "5128751e76e8199196d454941c45d1b3a323f1433bd6751e76e8199196d454941c45d1b3a323f1433bd6")]
    [InlineData("BC1SW50QGDZ25J", "bc", "6002751e")]
    [InlineData("bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs", "bc", "5210751e76e8199196d454941c45d1b3a323")]
    [InlineData("tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy", "tb", "0020000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433")]
    [InlineData("tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c", "tb", "5120000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433")]
    [InlineData("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", "bc", "512079be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798")]
    public void The_BIP_350_valid_segwit_addresses_decode_to_their_scriptPubKey(string address, string hrp, string scriptPubKey)
    {
        Assert.True(Bech32.TryDecodeSegwit(hrp, address, out var segwit, out var problem), problem);
        // scriptPubKey: OP_0 or OP_1..OP_16 (0x51..0x60), the push length, the program.
        var version = segwit.WitnessVersion == 0 ? 0 : 0x50 + segwit.WitnessVersion;
        Assert.Equal(scriptPubKey, Convert.ToHexStringLower([(byte)version, (byte)segwit.Program.Length, .. segwit.Program]));
        Assert.Equal(address.ToLowerInvariant(), Bech32.EncodeSegwit(hrp, segwit.WitnessVersion, segwit.Program));
    }

    public static TheoryData<string, string, string> InvalidAddresses => new()
    {
        // BIP-350 invalid segwit addresses, with the reason the BIP gives.
        { "tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut", "bc", "prefix" },
        { "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd", "bc", "Bech32m checksum" },
        { "tb1z0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqglt7rf", "tb", "Bech32m checksum" },
        { "BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL", "bc", "Bech32m checksum" },
        { "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh", "bc", "must use the Bech32 checksum" },
        { "tb1q0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq24jc47", "tb", "must use the Bech32 checksum" },
        { "bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4", "bc", "'o', which is not in the Bech32 alphabet" },
        { "BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R", "bc", "witness version 17" },
        { "bc1pw5dgrnzv", "bc", "is 1 byte;" },
        { "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav", "bc", "41 bytes" },
        { "BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P", "bc", "version 0 witness program is 20 or 32 bytes" },
        { "tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq", "tb", "mixes upper- and lower-case" },
        { "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf", "bc", "padding" },
        { "tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vpggkg4j", "tb", "padding" },
        { "bc1gmk9yu", "bc", "no witness version" },
        // BIP-173 invalid addresses still invalid under BIP-350.
        { "tc1qw508d6qejxtdg4y5r3zarvary0c5xw7kg3g4ty", "bc", "prefix" },
        { "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", "bc", "checksum does not match" },
        { "BC13W508D6QEJXTDG4Y5R3ZARVARY0C5XW7KN40WF2", "bc", "witness version 17" },
        { "bc1rw5uspcuh", "bc", "is 1 byte;" },
        { "bc10w508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kw5rljs90", "bc", "41 bytes" },
        { "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sL5k7", "tb", "mixes upper- and lower-case" },
        { "bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du", "bc", "padding" },
        { "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3pjxtptv", "tb", "padding" },
    };

    [Theory]
    [MemberData(nameof(InvalidAddresses))]
    public void The_BIP_173_and_BIP_350_invalid_segwit_addresses_are_refused_for_the_stated_reason(string address, string hrp, string reason)
    {
        Assert.False(Bech32.TryDecodeSegwit(hrp, address, out _, out var problem));
        Assert.Contains(reason, problem);
    }

    [Fact]
    public void Every_single_character_substitution_in_a_segwit_address_is_detected()
    {
        const string address = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4";
        for (var i = 3; i < address.Length; i++)
        {
            var corrupted = SanctionedAddressFiles.Substitute(address, i, Bech32.Charset);
            Assert.False(Bech32.TryDecodeSegwit("bc", corrupted, out _, out _), corrupted);
        }
    }
}
