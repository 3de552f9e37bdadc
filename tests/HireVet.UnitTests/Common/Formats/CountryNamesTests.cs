using HireVet.Application.Common.Formats;

namespace HireVet.UnitTests.Common.Formats;

/// <summary>Country names as the last line of an address writes them.</summary>
public sealed class CountryNamesTests
{
    [Theory]
    [InlineData("United States", "US")]
    [InlineData("U.S.A.", "US")]
    [InlineData("  united   kingdom ", "GB")]
    [InlineData("England", "GB")]
    [InlineData("The Netherlands", "NL")]
    [InlineData("Türkiye", "TR")]
    [InlineData("Turkiye", "TR")]
    [InlineData("South Korea", "KR")]
    [InlineData("North Korea", "KP")]
    [InlineData("Viet Nam", "VN")]
    [InlineData("Vietnam", "VN")]
    [InlineData("CA", null)] // two-letter codes are not read: state or country?
    [InlineData("Korea", null)] // which one?
    [InlineData("Atlantis", null)]
    [InlineData(null, null)]
    public void Country_names_give_their_code(string? name, string? code) => Assert.Equal(code, CountryNames.ToAlpha2(name));
}
