using HireVet.Application.Common.Formats.Crypto;
using static HireVet.UnitTests.Common.Formats.Crypto.SanctionedAddressFiles;

namespace HireVet.UnitTests.Common.Formats.Crypto;

public sealed class CryptoAddressTests
{
    // OFAC lists this TRON address under XBT (SDN data as published); it is a valid TRON address and no Bitcoin one.
    private const string TronAddressListedAsXbt = "TUCsTq7TofTCJRRoHk6RvhMoS2mJLm5Yzq";

    [Theory]
    [InlineData("XBT", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "base58check p2pkh")]
    [InlineData("BTC", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "base58check p2sh")]
    [InlineData("XBT", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "bech32 p2wpkh")]
    [InlineData("XBT", "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "bech32 p2wpkh")]
    [InlineData("XBT", "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3", "bech32 p2wsh")]
    [InlineData("XBT", "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", "bech32m p2tr")]
    [InlineData("LTC", "LaizKtS5DUhPuP1nTQcc83MS7HwK6vk85z", "base58check p2pkh")]
    [InlineData("LTC", "M8yFL6SFC6TreATegTyuSYkDfDRbisdpT3", "base58check p2sh")]
    [InlineData("LTC", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "base58check p2sh")]
    [InlineData("LTC", "ltc1qw508d6qejxtdg4y5r3zarvary0c5xw7kgmn4n9", "bech32 p2wpkh")]
    [InlineData("TRX", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "tron base58check")]
    [InlineData("USDT", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "tron base58check")]
    [InlineData("USDT", "0xdAC17F958D2ee523a2206206994597C13D831ec7", "eip-55")]
    [InlineData("USDT", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "omni on bitcoin: base58check p2pkh")]
    [InlineData("USDC", "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", "eip-55")]
    [InlineData("XMR", "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A", "monero standard")]
    public void Real_addresses_validate_with_the_format_they_use(string ticker, string address, string format)
    {
        var result = CryptoAddress.Validate(ticker, address);
        Assert.True(result.Valid, result.Problem);
        Assert.Equal(format, result.Format);
        Assert.Null(result.Problem);
    }

    // EIP-55's own examples: all-caps and all-lower carry no checksum, the "normal" ones do.
    [Theory]
    [InlineData("0x52908400098527886E0F7030069857D2E4169EE7", "hex, no eip-55 checksum")]
    [InlineData("0x8617E340B3D01FA5F11F306F4090FD50E238070D", "hex, no eip-55 checksum")]
    [InlineData("0xde709f2102306220921060314715629080e2fb77", "hex, no eip-55 checksum")]
    [InlineData("0x27b1fdb04752bbc536007a920d24acb045561c26", "hex, no eip-55 checksum")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "eip-55")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", "eip-55")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "eip-55")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb", "eip-55")]
    public void The_EIP_55_specification_examples_validate(string address, string format)
    {
        foreach (var ticker in new[] { "ETH", "ETC", "ARB", "BSC", "USDC", "USDT" })
        {
            var result = CryptoAddress.Validate(ticker, address);
            Assert.True(result.Valid, $"{ticker}: {result.Problem}");
            Assert.Equal(format, result.Format);
        }
    }

    [Theory]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")] // last letter's case flipped
    [InlineData("0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")] // second letter's case flipped
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAee")] // last letter changed
    public void A_mistyped_EIP_55_address_fails_its_checksum(string address)
    {
        var result = CryptoAddress.Validate("ETH", address);
        Assert.False(result.Valid);
        Assert.Equal("eip-55", result.Format);
        Assert.Contains("EIP-55 checksum does not match", result.Problem);
    }

    [Theory]
    [InlineData("ETH", "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "does not start with 0x")]
    [InlineData("ETH", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA", "38 hex digits")]
    [InlineData("ETH", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg", "not hexadecimal")]
    [InlineData("ETH", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "TRON address")]
    [InlineData("XBT", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "Ethereum-style 0x address")]
    [InlineData("XBT", "LaizKtS5DUhPuP1nTQcc83MS7HwK6vk85z", "version byte 0x30")]
    [InlineData("XBT", "ltc1qw508d6qejxtdg4y5r3zarvary0c5xw7kgmn4n9", "prefix \"ltc\"")]
    [InlineData("LTC", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "version byte 0x00")]
    [InlineData("LTC", "ltc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "checksum does not match")]
    [InlineData("XBT", "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", "prefix \"tb\"")]
    [InlineData("XBT", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN0", "Base58 alphabet")]
    [InlineData("XBT", "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y", "has 40 bytes")]
    [InlineData("TRX", "TXq7Lh2bGm8NnVJ4qk1wq3cYdW8ZrP5uFe", "checksum does not match")]
    [InlineData("TRX", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "version byte is 0x00")]
    [InlineData("TRX", "0xdAC17F958D2ee523a2206206994597C13D831ec7", "0x address")]
    [InlineData("XMR", "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3B", "checksum does not match")]
    [InlineData("XMR", "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3", "94 characters")]
    [InlineData("XMR", "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP30", "'0'")]
    [InlineData("XBT", "   ", "empty")]
    public void An_invalid_address_says_why_in_words(string ticker, string address, string expected)
    {
        var result = CryptoAddress.Validate(ticker, address);
        Assert.False(result.Valid);
        Assert.True(result.Checked);
        Assert.Contains(expected, result.Problem);
    }

    [Theory]
    [InlineData("SOL", "42RLPACwZPx3vYYmxSueqsogfynBDqXK298EDsNoyoHi")]
    [InlineData("XRP", "anything at all")]
    [InlineData("USDC", "42RLPACwZPx3vYYmxSueqsogfynBDqXK298EDsNoyoHi")]
    [InlineData("USDT", "qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhq")]
    public void A_currency_without_a_rule_is_passed_and_says_so(string ticker, string address)
    {
        var result = CryptoAddress.Validate(ticker, address);
        Assert.True(result.Valid);
        Assert.False(result.Checked);
        Assert.Equal(CryptoAddress.NotValidated, result.Format);
    }

    [Theory]
    [InlineData("XBT")]
    [InlineData("ETH")]
    [InlineData("TRX")]
    [InlineData("LTC")]
    [InlineData("USDT")]
    [InlineData("USDC")]
    [InlineData("ARB")]
    [InlineData("BSC")]
    [InlineData("ETC")]
    public void Every_real_OFAC_listed_address_validates_for_its_ticker(string ticker)
    {
        var addresses = Addresses(ticker).Where(a => a != TronAddressListedAsXbt).ToArray();
        Assert.NotEmpty(addresses);
        var failures = addresses
            .Select(a => (Address: a, Result: CryptoAddress.Validate(ticker, a)))
            .Where(r => !r.Result.Valid || !r.Result.Checked)
            .Select(r => $"{r.Address}: {r.Result.Problem ?? r.Result.Format}");
        Assert.Empty(failures);
    }

    [Fact]
    public void The_OFAC_XBT_list_covers_every_Bitcoin_address_kind_it_uses()
    {
        var formats = Addresses("XBT").Where(a => a != TronAddressListedAsXbt)
            .Select(a => CryptoAddress.Validate("XBT", a).Format).ToHashSet();
        Assert.Equal(["base58check p2pkh", "base58check p2sh", "bech32 p2wpkh", "bech32 p2wsh"], formats.Order());
    }

    [Fact]
    public void The_TRON_address_OFAC_lists_under_XBT_is_refused_as_Bitcoin_and_accepted_as_TRON()
    {
        Assert.Contains(TronAddressListedAsXbt, Addresses("XBT"));
        var asBitcoin = CryptoAddress.Validate("XBT", TronAddressListedAsXbt);
        Assert.False(asBitcoin.Valid);
        Assert.Contains("TRON address", asBitcoin.Problem);
        Assert.True(CryptoAddress.Validate("TRX", TronAddressListedAsXbt).Valid);
    }

    [Fact]
    public void The_OFAC_Monero_addresses_validate_and_the_64_hex_digit_entry_does_not()
    {
        var lines = Addresses("XMR");
        var addresses = lines.Where(a => a.Length == 95).ToArray();
        Assert.Equal(7, addresses.Length);
        Assert.All(addresses, a => Assert.True(CryptoAddress.Validate("XMR", a).Valid, a));

        // One XMR entry is 64 hex digits (a key or a transaction id, not an address).
        var odd = Assert.Single(lines, a => a.Length != 95);
        var result = CryptoAddress.Validate("XMR", odd);
        Assert.False(result.Valid);
        Assert.Contains("95", result.Problem);
    }

    [Theory]
    [InlineData("XBT")]
    [InlineData("TRX")]
    [InlineData("LTC")]
    [InlineData("USDT")]
    [InlineData("XMR")]
    public void One_changed_character_in_any_real_listed_address_fails(string ticker)
    {
        var addresses = Addresses(ticker).Where(a => !a.StartsWith("0x") && CryptoAddress.Validate(ticker, a).Valid).ToArray();
        Assert.NotEmpty(addresses);
        var missed = new List<string>();
        foreach (var address in addresses)
        {
            var segwit = address.StartsWith("bc1", StringComparison.OrdinalIgnoreCase) || address.StartsWith("ltc1", StringComparison.OrdinalIgnoreCase);
            var alphabet = segwit ? Bech32.Charset : Base58.Alphabet;
            var first = segwit ? address.IndexOf('1') + 1 : 1;
            foreach (var index in new[] { first, address.Length / 2, address.Length - 1 })
            {
                var corrupted = Substitute(address, index, alphabet);
                if (CryptoAddress.Validate(ticker, corrupted).Valid) missed.Add(corrupted);
            }
        }
        Assert.Empty(missed);
    }

    [Theory]
    [InlineData("ETH")]
    [InlineData("USDT")]
    [InlineData("USDC")]
    public void A_changed_character_in_a_real_checksummed_EVM_address_fails(string ticker)
    {
        var checksummed = Addresses(ticker)
            .Where(a => a.StartsWith("0x") && a[2..].Any(char.IsAsciiLetterLower) && a[2..].Any(char.IsAsciiLetterUpper))
            .ToArray();
        Assert.NotEmpty(checksummed);
        var missed = new List<string>();
        foreach (var address in checksummed)
        {
            // Flip the case of one letter: EIP-55 always catches that.
            var letter = address.IndexOfAny("abcdefABCDEF".ToCharArray(), 2);
            var flipped = string.Concat(address.AsSpan(0, letter),
                (char.IsUpper(address[letter]) ? char.ToLowerInvariant(address[letter]) : char.ToUpperInvariant(address[letter])).ToString(),
                address.AsSpan(letter + 1));
            if (CryptoAddress.Validate(ticker, flipped).Valid) missed.Add(flipped);
            // Change one digit: the checksum catches it unless all letters happen to keep their case.
            var digit = address.IndexOfAny("0123456789".ToCharArray(), 2);
            var changed = Substitute(address, digit, "0123456789");
            if (CryptoAddress.Validate(ticker, changed).Valid) missed.Add(changed);
        }
        Assert.Empty(missed);
    }

    [Fact]
    public void An_all_lowercase_EVM_address_has_no_checksum_so_a_typo_in_it_cannot_be_caught()
    {
        // A limit of the format, not of the check: 37 of the 77 OFAC-listed ETH addresses are written this way.
        var lower = Addresses("ETH").First(a => a[2..].All(c => !char.IsAsciiLetterUpper(c)));
        var typo = Substitute(lower, 10, "0123456789abcdef");
        var result = CryptoAddress.Validate("ETH", typo);
        Assert.True(result.Valid);
        Assert.Equal("hex, no eip-55 checksum", result.Format);
    }

    [Fact]
    public void Ticker_and_address_are_trimmed_and_the_ticker_is_case_insensitive()
    {
        Assert.True(CryptoAddress.Validate(" xbt ", " bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4 ").Valid);
    }
}
