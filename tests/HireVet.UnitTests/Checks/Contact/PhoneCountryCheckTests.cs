using HireVet.Application.Checks;
using HireVet.Application.Checks.Contact;
using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Contact;
using HireVet.UnitTests.ReferenceData.Contact;
using static HireVet.UnitTests.Checks.Contact.ContactCheckData;

namespace HireVet.UnitTests.Checks.Contact;

public class PhoneCountryCheckTests
{
    private static CheckResult Run(string? phone, string? country) =>
        new PhoneCountryCheck().Run(Context(Candidate with { Phone = phone, ClaimedResidence = country is null ? null : Home(country) }));

    [Theory]
    [InlineData("+16502530000", "US")]
    [InlineData("+14163361000", "CA")]
    [InlineData("+442079460958", "GB")]
    [InlineData("+821012345678", "KR")]
    [InlineData("+8613800138000", "CN")]
    public void A_number_of_the_claimed_country_raises_nothing(string phone, string country)
    {
        var result = Run(phone, country);

        Assert.Null(result.NotEvaluatedReason);
        Assert.Empty(result.Signals);
    }

    [Fact]
    public void A_number_from_another_country_is_low_context()
    {
        var signal = Assert.Single(Run("+447400123456", "US").Signals);

        Assert.Equal(("ID-01", Severity.Low), (signal.IndicatorId, signal.Severity));
        Assert.Contains("mobile number issued in GB", signal.Explanation);
        Assert.Contains("claims to live in US", signal.Explanation);
        Assert.Equal("+447400123456", (string?)signal.Evidence["phone"]);
        Assert.Equal("GB", (string?)signal.Evidence["numberCountry"]);
        Assert.Equal("mobile", (string?)signal.Evidence["numberType"]);
        Assert.Equal("US", (string?)signal.Evidence["claimedCountry"]);
    }

    [Fact]
    public void Toronto_is_Canada_not_the_United_States()
    {
        var signal = Assert.Single(Run("+14163361000", "US").Signals);

        Assert.Equal("CA", (string?)signal.Evidence["numberCountry"]);
        Assert.Contains("CA", signal.Evidence["regionsSharingCallingCode"]!.AsArray().Select(n => (string?)n));
    }

    [Theory]
    [InlineData("+445612345678", "GB")] // UK 056 VoIP
    [InlineData("+445612345678", "US")]
    [InlineData("+16005551234", "CA")]  // Canadian 600 VoIP
    [InlineData("+80012345678", "US")]  // universal freephone, non-geographic
    public void A_location_independent_number_is_low_context(string phone, string country)
    {
        var signal = Assert.Single(Run(phone, country).Signals);

        Assert.Equal(("ID-01", Severity.Low), (signal.IndicatorId, signal.Severity));
        Assert.Contains("can be used from anywhere", signal.Explanation);
    }

    [Fact]
    public void A_voip_number_says_so()
    {
        var signal = Assert.Single(Run("+445612345678", "GB").Signals);

        Assert.Equal(PhoneNumberTypes.Voip, (string?)signal.Evidence["numberType"]);
        Assert.Contains("VoIP number issued in GB", signal.Explanation);
    }

    [Theory]
    [InlineData("+8501912345678", "US")]
    [InlineData("+85021234567", "CN")]
    [InlineData("+85021234567", null)]
    public void A_North_Korean_number_is_high(string phone, string? country)
    {
        var signal = Assert.Single(Run(phone, country).Signals);

        Assert.Equal(("ID-01", Severity.High), (signal.IndicatorId, signal.Severity));
        Assert.Contains("North Korean (+850)", signal.Explanation);
        Assert.Equal("KP", (string?)signal.Evidence["numberCountry"]);
    }

    [Fact]
    public void Not_evaluated_without_a_phone() =>
        Assert.Equal("The dossier has no phone number.", Run(null, "US").NotEvaluatedReason);

    [Fact]
    public void Not_evaluated_without_a_claimed_country() =>
        Assert.Equal("The dossier has no claimed country of residence.", Run("+447400123456", null).NotEvaluatedReason);

    [Fact]
    public void Not_evaluated_when_no_region_of_a_shared_code_matches() =>
        Assert.Contains("matches none of the regions sharing calling code +1", Run("+15555550100", "US").NotEvaluatedReason);

    [Fact]
    public void Not_evaluated_without_the_metadata()
    {
        var result = new PhoneCountryCheck().Run(Context(Candidate, ContactData.Snapshot(Datasets.PhoneMetadata)));

        Assert.Equal("Reference dataset 'phone-metadata' is missing: Not found: test.", result.NotEvaluatedReason);
    }

    [Theory]
    [InlineData("+821012345678", "US", "+353851234567", "US")] // a Korean and an Irish mobile, both claiming the US
    [InlineData("+16502530000", "GB", "+447400123456", "US")]  // a US number in the UK, a UK number in the US
    public void Numbers_from_different_countries_are_treated_alike(string phoneA, string countryA, string phoneB, string countryB)
    {
        var a = Run(phoneA, countryA);
        var b = Run(phoneB, countryB);

        Assert.Equal(a.Signals.Select(s => (s.IndicatorId, s.Severity)), b.Signals.Select(s => (s.IndicatorId, s.Severity)));
        Assert.Equal(Severity.Low, Assert.Single(a.Signals).Severity);
    }

    [Fact]
    public void Declares_its_indicator()
    {
        var check = new PhoneCountryCheck();
        Assert.Equal("phone-country", check.Name);
        Assert.Equal(["ID-01"], check.Indicators);
    }
}
