using HireVet.Application.Common.Formats.Banking;

namespace HireVet.UnitTests.Common.Formats.Banking;

public sealed class AbaRoutingNumberTests
{
    [Theory]
    [InlineData("011000015")] // Federal Reserve Bank of Boston
    [InlineData("021000021")] // JPMorgan Chase, New York
    [InlineData("121000358")] // Bank of America, California
    [InlineData("325070760")] // thrift range 21–32
    [InlineData("044000037")]
    [InlineData("114000093")]
    public void Real_routing_numbers_are_valid(string routingNumber)
    {
        Assert.True(AbaRoutingNumber.IsValid(routingNumber));
        Assert.Null(AbaRoutingNumber.Problem(routingNumber));
    }

    [Fact]
    public void The_classic_placeholder_123456789_fails_its_check_digit()
    {
        // 3·(1+4+7) + 7·(2+5+8) + (3+6+9) = 159, not a multiple of 10.
        Assert.False(AbaRoutingNumber.IsValid("123456789"));
        Assert.Contains("check digit", AbaRoutingNumber.Problem("123456789"));
    }

    [Fact]
    public void Changing_any_one_digit_of_a_valid_number_breaks_the_check_digit()
    {
        const string valid = "011000015";
        for (var i = 0; i < 9; i++)
        {
            var changed = string.Concat(valid.AsSpan(0, i), ((valid[i] - '0' + 1) % 10).ToString(), valid.AsSpan(i + 1));
            Assert.False(AbaRoutingNumber.IsValid(changed), changed);
        }
    }

    [Theory]
    [InlineData("131000018", "starts with 13")] // the check digit is right, but prefix 13 is unassigned
    [InlineData("500000005", "starts with 50")] // likewise
    [InlineData("01100001", "8 characters")]
    [InlineData("0110000155", "10 characters")]
    [InlineData("01100001A", "9 digits")]
    [InlineData("", "empty")]
    [InlineData(null, "empty")]
    public void Malformed_numbers_say_what_is_wrong(string? routingNumber, string expected)
    {
        Assert.Contains(expected, AbaRoutingNumber.Problem(routingNumber));
    }
}
