using HireVet.Application.Common.Formats;

namespace HireVet.UnitTests.Common.Formats;

public class CountryCodesTests
{
    [Theory]
    [InlineData("US")]
    [InlineData("GB")]
    [InlineData("DE")]
    [InlineData("KR")]
    [InlineData("KP")]
    [InlineData("AX")]
    [InlineData("SS")]
    [InlineData("ZW")]
    [InlineData("AD")]
    public void Accepts_assigned_alpha2_codes(string code)
    {
        Assert.True(CountryCodes.IsIsoAlpha2(code));
    }

    [Theory]
    [InlineData("UK")]
    [InlineData("EU")]
    [InlineData("XK")]
    [InlineData("ZZ")]
    [InlineData("AA")]
    public void Rejects_codes_that_are_not_officially_assigned(string code)
    {
        Assert.False(CountryCodes.IsIsoAlpha2(code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("us")]
    [InlineData("Us")]
    [InlineData(" US")]
    [InlineData("USA")]
    [InlineData("U")]
    [InlineData("US ")]
    [InlineData("AD AE")]
    public void Rejects_lowercase_padded_or_wrong_length_codes(string? code)
    {
        Assert.False(CountryCodes.IsIsoAlpha2(code));
    }

    [Fact]
    public void Knows_exactly_249_codes()
    {
        var count = 0;
        for (var first = 'A'; first <= 'Z'; first++)
        {
            for (var second = 'A'; second <= 'Z'; second++)
            {
                if (CountryCodes.IsIsoAlpha2($"{first}{second}"))
                {
                    count++;
                }
            }
        }

        Assert.Equal(249, count);
    }

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    [InlineData("Asia/Seoul")]
    [InlineData("America/Argentina/Buenos_Aires")]
    [InlineData("UTC")]
    [InlineData("Etc/UTC")]
    public void Accepts_iana_time_zone_ids(string id)
    {
        Assert.True(CountryCodes.IsIanaTimeZone(id));
    }

    [Theory]
    [InlineData("Eastern Standard Time")]
    [InlineData("W. Europe Standard Time")]
    [InlineData("Korea Standard Time")]
    public void Rejects_windows_time_zone_ids(string id)
    {
        Assert.False(CountryCodes.IsIanaTimeZone(id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Europe/Berlinn")]
    [InlineData("utc")]
    public void Rejects_unknown_or_empty_time_zone_ids(string? id)
    {
        Assert.False(CountryCodes.IsIanaTimeZone(id));
    }
}
