using HireVet.Application.Dossiers;
using HireVet.Application.Dossiers.Addresses;

namespace HireVet.UnitTests.Dossiers.Addresses;

/// <summary>Addresses typed as one block of text, as applicant-tracking systems keep them, read into the dossier's
/// fields only when their country can be told.</summary>
public sealed class FreeTextAddressTests
{
    [Theory]
    // Greenhouse's published samples.
    [InlineData("123 City Street\nNew York, Ny 10001", "123 City Street", "New York", "NY", "10001", "US")]
    [InlineData("455 Broadway New York, NY 10280", "455 Broadway New York", null, "NY", "10280", "US")]
    [InlineData("New York, New York, USA", null, "New York", "New York", null, "US")]
    [InlineData("New York, New York, United States", null, "New York", "New York", null, "US")]
    // Others.
    [InlineData("Apt 4\r\n18 Juniper Lane\r\nAustin, TX 78704-1234", "Apt 4, 18 Juniper Lane", "Austin", "TX", "78704-1234", "US")]
    [InlineData("Springfield IL 62701", null, "Springfield", "IL", "62701", "US")]
    [InlineData("1 Main St Springfield IL 62701", "1 Main St Springfield", null, "IL", "62701", "US")]
    [InlineData("18 Juniper Lane, Austin, TX 78704, USA", "18 Juniper Lane", "Austin", "TX", "78704", "US")]
    [InlineData("Friedrichstraße 1\n10117 Berlin\nGermany", "Friedrichstraße 1, 10117 Berlin", null, null, null, "DE")]
    [InlineData("Toronto, Ontario, Canada", null, "Toronto", "Ontario", null, "CA")]
    [InlineData("London, the United Kingdom", null, "London", null, null, "GB")]
    [InlineData("Abidjan, Cote d’Ivoire", null, "Abidjan", null, null, "CI")]
    [InlineData("Netherlands", null, null, null, null, "NL")]
    public void Reads_an_address_whose_country_can_be_told(string text, string? line1, string? city, string? region, string? postalCode, string country) =>
        Assert.Equal(new PostalAddress { Line1 = line1, City = city, Region = region, PostalCode = postalCode, Country = country }, FreeTextAddress.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n , ")]
    [InlineData("123 Fake Street")] // no country
    [InlineData("San Francisco")]
    [InlineData("Oakland, CA")] // California or Canada: not guessed
    [InlineData("99-99 5th Ave.\nNew York, NY 101-11")] // as published: no ZIP code
    [InlineData("Paris, TX 7546")] // a ZIP code a digit short
    [InlineData("Kingston, ON K7L 3N6")] // a Canadian province is not a US state; no country named
    public void Gives_nothing_when_the_country_cannot_be_told(string? text) => Assert.Null(FreeTextAddress.Parse(text));

    [Fact]
    public void Long_lines_are_clipped_to_what_intake_accepts()
    {
        var address = FreeTextAddress.Parse(new string('x', 300) + " 1, Germany")!;
        Assert.Equal(200, address.Line1!.Length);
    }
}
