using HireVet.Application.Common.Formats;

namespace HireVet.UnitTests.Common.Formats;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("+1 (415) 555-2671", "+14155552671")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    [InlineData("0044 20 7946 0958", "+442079460958")]
    [InlineData("+49.30.1234567", "+49301234567")]
    [InlineData("(+82) 10-1234-5678", "+821012345678")]
    [InlineData("  +81 3 1234 5678  ", "+81312345678")]
    public void Normalizes_international_numbers_to_e164(string input, string expected)
    {
        Assert.Equal(expected, PhoneNumber.NormalizeE164(input));
    }

    [Fact]
    public void Accepts_the_shortest_and_longest_allowed_lengths()
    {
        Assert.Equal("+12345678", PhoneNumber.NormalizeE164("+12345678"));
        Assert.Equal("+123456789012345", PhoneNumber.NormalizeE164("+123456789012345"));
    }

    [Theory]
    [InlineData("+1234567")]
    [InlineData("+1234567890123456")]
    public void Rejects_numbers_with_too_few_or_too_many_digits(string input)
    {
        Assert.Null(PhoneNumber.NormalizeE164(input));
    }

    [Theory]
    [InlineData("(415) 555-2671")]
    [InlineData("020 7946 0958")]
    [InlineData("4155552671")]
    public void Rejects_numbers_without_an_international_prefix(string input)
    {
        Assert.Null(PhoneNumber.NormalizeE164(input));
    }

    [Theory]
    [InlineData("+0 415 555 2671")]
    [InlineData("000 44 20 7946 0958")]
    [InlineData("+00442079460958")]
    public void Rejects_a_country_code_starting_with_zero(string input)
    {
        Assert.Null(PhoneNumber.NormalizeE164(input));
    }

    [Theory]
    [InlineData("+1 415 555 2671 ext 12")]
    [InlineData("+1 415 555 2671 x12")]
    [InlineData("+1/415/555/2671")]
    [InlineData("++14155552671")]
    [InlineData("+1 415 +555 2671")]
    [InlineData("+1 ４１５ 555 2671")]
    public void Rejects_numbers_with_other_characters(string input)
    {
        Assert.Null(PhoneNumber.NormalizeE164(input));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("+")]
    [InlineData("00")]
    public void Rejects_empty_input(string? input)
    {
        Assert.Null(PhoneNumber.NormalizeE164(input));
    }
}
