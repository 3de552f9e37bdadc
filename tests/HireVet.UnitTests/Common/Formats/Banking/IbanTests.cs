using HireVet.Application.Common.Formats.Banking;

namespace HireVet.UnitTests.Common.Formats.Banking;

public class IbanTests
{
    [Theory]
    [InlineData("GB82WEST12345698765432")]
    [InlineData("DE89370400440532013000")]
    [InlineData("FR1420041010050500013M02606")]
    [InlineData("NO9386011117947")]
    [InlineData("MT84MALT011000012345MTLCAST001S")]
    public void Accepts_real_example_ibans(string iban)
    {
        Assert.True(Iban.IsValid(iban));
    }

    [Fact]
    public void Accepts_iban_written_in_groups_and_lowercase()
    {
        Assert.True(Iban.IsValid("gb82 west 1234 5698 7654 32"));
    }

    [Fact]
    public void Rejects_iban_with_wrong_last_digit()
    {
        Assert.False(Iban.IsValid("GB82WEST12345698765431"));
    }

    [Fact]
    public void Rejects_iban_with_two_swapped_digits()
    {
        Assert.False(Iban.IsValid("DE89370400440523013000"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("GB82")]
    [InlineData("1B82WEST12345698765432")]
    [InlineData("GBX2WEST12345698765432")]
    [InlineData("GB82-WEST-1234-5698-7654-32")]
    [InlineData("GB82WEST1234569876543Ä")]
    public void Rejects_malformed_input(string iban)
    {
        Assert.False(Iban.IsValid(iban));
    }

    [Fact]
    public void Rejects_null()
    {
        Assert.False(Iban.IsValid(null!));
    }

    [Fact]
    public void Enforces_length_between_11_and_34_characters()
    {
        // Each of these has a correct mod-97 checksum; only the length differs.
        Assert.False(Iban.IsValid("NO09123456"));
        Assert.True(Iban.IsValid("NO751234567"));
        Assert.True(Iban.IsValid("NO52" + new string('1', 30)));
        Assert.False(Iban.IsValid("NO85" + new string('1', 31)));
    }

    [Fact]
    public void Rejects_check_digits_99_even_when_they_alias_a_valid_checksum()
    {
        Assert.True(Iban.IsValid("GB02WEST00000000000029"));
        Assert.False(Iban.IsValid("GB99WEST00000000000029"));
    }

    [Fact]
    public void Normalize_removes_spaces_and_uppercases()
    {
        Assert.Equal("GB82WEST12345698765432", Iban.Normalize(" gb82 west\t1234 5698 7654 32 "));
    }

    [Fact]
    public void Country_of_returns_the_two_letter_prefix()
    {
        Assert.Equal("DE", Iban.CountryOf("de89 3704 0044 0532 0130 00"));
        Assert.Equal("GB", Iban.CountryOf("GB82WEST12345698765432"));
    }

    [Fact]
    public void Country_of_rejects_an_invalid_iban()
    {
        Assert.Throws<ArgumentException>(() => Iban.CountryOf("GB82WEST12345698765431"));
    }

    [Theory]
    [InlineData("GB82WEST12345698765431", "its check digits do not match the rest (ISO 7064 mod 97-10)")]
    [InlineData("GB99WEST00000000000029", "its check digits 99 are never issued (they are 02 to 98)")]
    [InlineData("GB82-WEST", "it is not in IBAN form: a country code, two check digits, then 7 to 30 letters or digits")]
    public void Says_why_an_IBAN_is_not_one(string iban, string problem)
    {
        Assert.Equal(problem, Iban.Problem(iban));
        Assert.Null(Iban.Problem("GB82WEST12345698765432"));
    }
}
