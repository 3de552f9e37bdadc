using HireVet.Application.Dossiers.Addresses;

namespace HireVet.UnitTests.Dossiers.Addresses;

public class AddressNormalizerTests
{
    private static AddressParts Line(string? line1, string? line2 = null, string? postalCode = null, string? country = null, string? city = null) =>
        new(line1, line2, city, null, postalCode, country);

    [Fact]
    public void Normalize_produces_a_canonical_single_string()
    {
        var normalized = AddressNormalizer.Normalize("123 Main Street, Apt. 4", null, "Springfield", "IL", "62 701", " us ");

        Assert.Equal("123 main st apt 4, springfield, il, 62701, US", normalized);
    }

    [Fact]
    public void Normalize_of_address_parts_equals_normalize_of_its_fields()
    {
        var parts = new AddressParts("10 Downing Street", null, "London", null, "sw1a 2aa", "gb");

        Assert.Equal(AddressNormalizer.Normalize("10 Downing Street", null, "London", null, "sw1a 2aa", "gb"), AddressNormalizer.Normalize(parts));
        Assert.Equal("10 downing st, london, SW1A2AA, GB", AddressNormalizer.Normalize(parts));
    }

    [Fact]
    public void Normalize_of_an_empty_address_is_empty()
    {
        Assert.Equal(string.Empty, AddressNormalizer.Normalize(null, " ", "", null, "  ", null));
    }

    [Theory]
    [InlineData("1 Long Street", "1 long st")]
    [InlineData("1 Park Avenue", "1 park ave")]
    [InlineData("1 Mill Road", "1 mill rd")]
    [InlineData("1 Sunset Boulevard", "1 sunset blvd")]
    [InlineData("1 Ocean Drive", "1 ocean dr")]
    [InlineData("1 Penny Lane", "1 penny ln")]
    [InlineData("1 Oak Court", "1 oak ct")]
    [InlineData("1 Elm Place", "1 elm pl")]
    [InlineData("Apartment 7", "apt 7")]
    [InlineData("Apt. 7", "apt 7")]
    [InlineData("#7", "apt 7")]
    [InlineData("Apt #7", "apt 7")]
    [InlineData("Suite 200", "ste 200")]
    [InlineData("Suite #200", "ste 200")]
    [InlineData("Floor 3", "fl 3")]
    [InlineData("North Main St", "n main st")]
    [InlineData("South Main St", "s main st")]
    [InlineData("East Main St", "e main st")]
    [InlineData("West Main St", "w main st")]
    public void Normalize_abbreviates_common_address_words(string line1, string expected)
    {
        Assert.Equal(expected, AddressNormalizer.Normalize(line1, null, null, null, null, null));
    }

    [Theory]
    [InlineData("Calle Álvaro Núñez 5", "calle alvaro nunez 5")]
    [InlineData("Königstraße 12", "konigstrasse 12")]
    [InlineData("12 O'Connor Street", "12 oconnor st")]
    [InlineData("P.O. Box 17", "po box 17")]
    [InlineData("100 N.E. 5th Ave", "100 ne 5th ave")]
    [InlineData("100 North East 5th Avenue", "100 ne 5th ave")]
    [InlineData("  12,  High   Street ; ", "12 high st")]
    public void Normalize_removes_diacritics_punctuation_and_extra_whitespace(string line1, string expected)
    {
        Assert.Equal(expected, AddressNormalizer.Normalize(line1, null, null, null, null, null));
    }

    [Fact]
    public void Same_place_when_only_spelling_differs()
    {
        Assert.True(AddressNormalizer.SamePlace(Line("123 Main Street, Apt 4"), Line("123 main st. apartment 4")));
    }

    [Fact]
    public void Same_place_when_unit_written_with_hash_sign()
    {
        Assert.True(AddressNormalizer.SamePlace(Line("123 Main St #4"), Line("123 Main Street Apartment 4")));
    }

    [Fact]
    public void Different_house_numbers_are_different_places()
    {
        Assert.False(AddressNormalizer.SamePlace(Line("123 Main Street"), Line("125 Main Street")));
    }

    [Fact]
    public void Different_apartments_in_line2_are_different_places()
    {
        Assert.False(AddressNormalizer.SamePlace(Line("123 Main St", "Apt 4"), Line("123 Main St", "Apt 5")));
    }

    [Fact]
    public void Missing_line2_on_one_side_still_matches()
    {
        Assert.True(AddressNormalizer.SamePlace(Line("123 Main St", "Apt 4"), Line("123 Main Street", " ")));
    }

    [Fact]
    public void Unit_on_line1_matches_same_unit_on_line2()
    {
        Assert.True(AddressNormalizer.SamePlace(Line("123 Main St Apt 4"), Line("123 Main Street", "Apartment 4")));
    }

    [Fact]
    public void Different_countries_are_different_places()
    {
        Assert.False(AddressNormalizer.SamePlace(Line("1 High Street", country: "GB"), Line("1 High Street", country: "IE")));
    }

    [Fact]
    public void Country_compares_case_insensitively_and_is_ignored_when_missing_on_one_side()
    {
        Assert.True(AddressNormalizer.SamePlace(Line("1 High Street", country: "gb"), Line("1 High St", country: "GB")));
        Assert.True(AddressNormalizer.SamePlace(Line("1 High Street", country: "GB"), Line("1 High St")));
    }

    [Fact]
    public void Different_postal_codes_are_different_places()
    {
        Assert.False(AddressNormalizer.SamePlace(Line("1 Main St", postalCode: "10001"), Line("1 Main St", postalCode: "10002")));
    }

    [Fact]
    public void Postal_codes_compare_without_spaces_or_case()
    {
        Assert.True(AddressNormalizer.SamePlace(Line("10 Downing St", postalCode: "sw1a 2aa"), Line("10 Downing Street", postalCode: "SW1A2AA")));
    }

    [Fact]
    public void Zip_plus_four_matches_its_five_digit_zip()
    {
        Assert.True(AddressNormalizer.SamePlace(Line("1 Main St", postalCode: "12345-6789"), Line("1 Main St", postalCode: "12345")));
        Assert.False(AddressNormalizer.SamePlace(Line("1 Main St", postalCode: "12345-6789"), Line("1 Main St", postalCode: "12346")));
    }

    [Fact]
    public void Cities_decide_when_postal_codes_are_not_both_given()
    {
        Assert.False(AddressNormalizer.SamePlace(Line("1 Main St", city: "Springfield", postalCode: "62701"), Line("1 Main St", city: "Shelbyville")));
        Assert.True(AddressNormalizer.SamePlace(Line("1 Main St", city: "São Paulo"), Line("1 Main St", city: "SAO PAULO")));
    }

    [Fact]
    public void Postal_codes_decide_over_city_spelling_when_both_given()
    {
        Assert.True(AddressNormalizer.SamePlace(
            Line("1 Main St", city: "New York", postalCode: "10001"),
            Line("1 Main St", city: "Manhattan", postalCode: "10001")));
    }

    [Fact]
    public void Missing_line1_is_never_the_same_place()
    {
        Assert.False(AddressNormalizer.SamePlace(Line(null, postalCode: "10001"), Line(null, postalCode: "10001")));
        Assert.False(AddressNormalizer.SamePlace(Line("1 Main St"), Line("  ")));
    }

    [Fact]
    public void Same_place_is_symmetric()
    {
        var a = Line("123 Main St", "Apt 4", "12345", "US");
        var b = Line("123 Main Street Apt 4", null, "12345-0001", "us");

        Assert.True(AddressNormalizer.SamePlace(a, b));
        Assert.True(AddressNormalizer.SamePlace(b, a));
    }
}
