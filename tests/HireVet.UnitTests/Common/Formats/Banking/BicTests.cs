using HireVet.Application.Common.Formats.Banking;

namespace HireVet.UnitTests.Common.Formats.Banking;

public sealed class BicTests
{
    [Theory]
    [InlineData("DEUTDEFF", "DEUT", "DE", "FF", null)]
    [InlineData("DEUTDEFF500", "DEUT", "DE", "FF", "500")]
    [InlineData("bkch cn bj", "BKCH", "CN", "BJ", null)]
    [InlineData("NWBKGB2L", "NWBK", "GB", "2L", null)]
    [InlineData("TRWIBEB1XXX", "TRWI", "BE", "B1", "XXX")]
    public void A_BIC_splits_into_bank_country_location_and_branch(string bic, string bank, string country, string location, string? branch)
    {
        Assert.True(Bic.TryParse(bic, out var parts, out var problem), problem);
        Assert.Equal(new BicParts(bank, country, location, branch), parts);
        Assert.Equal(country, Bic.CountryOf(bic));
        Assert.False(parts.IsTest);
    }

    [Fact]
    public void A_location_code_ending_in_0_marks_a_test_BIC()
    {
        Assert.True(Bic.TryParse("DEUTDEF0", out var parts, out _));
        Assert.True(parts.IsTest);
        Assert.Equal("DEUTDEF0", parts.Bic8);
    }

    [Fact]
    public void Kosovo_BICs_use_XK_which_ISO_has_not_assigned()
    {
        Assert.Equal("XK", Bic.CountryOf("RBKOXKPR"));
    }

    [Theory]
    [InlineData("DEUTZZFF", "ZZ")]
    [InlineData("DEUTEUFF", "EU")]
    [InlineData("DEUTDEF", "7 characters")]
    [InlineData("DEUTDEFF50", "10 characters")]
    [InlineData("DEU1DEFF", "6 letters")]
    [InlineData("", "empty")]
    public void Malformed_BICs_and_unknown_countries_are_refused(string bic, string expected)
    {
        Assert.False(Bic.TryParse(bic, out _, out var problem));
        Assert.Contains(expected, problem);
        Assert.Null(Bic.CountryOf(bic));
    }
}
