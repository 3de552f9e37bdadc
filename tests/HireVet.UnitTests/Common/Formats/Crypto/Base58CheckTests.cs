using HireVet.Application.Common.Formats.Crypto;

namespace HireVet.UnitTests.Common.Formats.Crypto;

public sealed class Base58CheckTests
{
    // Bitcoin Core's src/test/data/base58_encode_decode.json.
    [Theory]
    [InlineData("", "")]
    [InlineData("61", "2g")]
    [InlineData("626262", "a3gV")]
    [InlineData("636363", "aPEr")]
    [InlineData("73696d706c792061206c6f6e6720737472696e67", "2cFupjhnEsSn59qHXstmK2ffpLv2")]
    [InlineData("00eb15231dfceb60925886b67d065299925915aeb172c06647", "1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L")]
    [InlineData("516b6fcd0f", "ABnLTmg")]
    [InlineData("bf4f89001e670274dd", "3SEo3LWLoPntC")]
    [InlineData("572e4794", "3EFU7m")]
    [InlineData("ecac89cad93923c02321", "EJDM8drfXA6uyA")]
    [InlineData("10c8511e", "Rt5zm")]
    [InlineData("00000000000000000000", "1111111111")]
    public void Base58_encodes_and_decodes_the_Bitcoin_Core_vectors(string hex, string base58)
    {
        Assert.Equal(base58, Base58.Encode(Convert.FromHexString(hex)));
        Assert.True(Base58.TryDecode(base58, out var bytes));
        Assert.Equal(hex, Convert.ToHexStringLower(bytes));
    }

    [Theory]
    [InlineData("0OIl")]
    [InlineData("3SEo3LWLoPntC0")]
    [InlineData("abc def")]
    public void Base58_refuses_characters_outside_its_alphabet(string text)
    {
        Assert.False(Base58.TryDecode(text, out _));
    }

    [Fact]
    public void A_version_0_hash160_encodes_to_the_well_known_P2PKH_address()
    {
        var payload = Convert.FromHexString("00010966776006953d5567439e5e39f86a0d273bee");
        Assert.Equal("16UwLL9Risc3QfPqBUvKofHmBQ7wMtjvM", Base58Check.Encode(payload));
    }

    [Theory]
    [InlineData("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", 0x00)]
    [InlineData("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", 0x05)]
    [InlineData("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", 0x41)]
    public void Decoding_a_real_address_gives_its_version_byte_and_20_byte_hash(string address, byte version)
    {
        Assert.True(Base58Check.TryDecode(address, out var payload, out var problem), problem);
        Assert.Equal(21, payload.Length);
        Assert.Equal(version, payload[0]);
        Assert.Equal(address, Base58Check.Encode(payload));
    }

    [Fact]
    public void A_single_wrong_character_breaks_the_checksum()
    {
        Assert.False(Base58Check.TryDecode("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3", out _, out var problem));
        Assert.Contains("checksum", problem);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN0", "'0'")]
    [InlineData("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVNl", "'l'")]
    [InlineData("2g", "too short")]
    public void Each_kind_of_bad_input_says_what_is_wrong(string text, string expected)
    {
        Assert.False(Base58Check.TryDecode(text, out _, out var problem));
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void Absurdly_long_input_is_refused_without_decoding()
    {
        Assert.False(Base58Check.TryDecode(new string('z', 10_000), out _, out var problem));
        Assert.Contains("longer than any", problem);
    }
}
