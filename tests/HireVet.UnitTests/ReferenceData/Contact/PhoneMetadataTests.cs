using System.Text.Json;
using HireVet.Application.ReferenceData.Contact;
using HireVet.Infrastructure.ReferenceData;

namespace HireVet.UnitTests.ReferenceData.Contact;

/// <summary>Against the real libphonenumber-js 1.13.16 metadata; expected values were checked with libphonenumber-js's
/// own <c>parsePhoneNumber(...).country / getType() / isValid() / nationalNumber</c>. (While writing this class,
/// 98,040 generated numbers - random digits under every calling code, and the example mobile numbers of every region
/// with digits changed and national prefixes inserted - were described identically by both.)</summary>
public class PhoneMetadataTests
{
    private static PhoneMetadata Metadata => ContactData.PhoneMetadata;

    [Fact]
    public void Loads_every_region_and_calling_code()
    {
        Assert.Equal(245, Metadata.Count);
        Assert.Equal(206 + 9, Metadata.CallingCodes);
        Assert.Equal(["KP"], Metadata.RegionsOf("850"));
        Assert.Equal(["GB", "GG", "IM", "JE"], Metadata.RegionsOf("44"));
    }

    [Theory]
    [InlineData("+16502530000", "1", "US", PhoneNumberTypes.FixedLineOrMobile)] // Google, Mountain View
    [InlineData("+14155550100", "1", "US", PhoneNumberTypes.FixedLineOrMobile)]
    [InlineData("+12015550123", "1", "US", PhoneNumberTypes.FixedLineOrMobile)]
    [InlineData("+14163361000", "1", "CA", PhoneNumberTypes.FixedLineOrMobile)] // Toronto
    [InlineData("+12042345678", "1", "CA", PhoneNumberTypes.FixedLineOrMobile)] // Winnipeg
    [InlineData("+16005551234", "1", "CA", PhoneNumberTypes.Voip)]               // Canadian 600 non-geographic
    [InlineData("+17875551234", "1", "PR", PhoneNumberTypes.FixedLineOrMobile)] // leading digits 787
    [InlineData("+442079460958", "44", "GB", PhoneNumberTypes.FixedLine)]       // London
    [InlineData("+447400123456", "44", "GB", PhoneNumberTypes.Mobile)]
    [InlineData("+445612345678", "44", "GB", PhoneNumberTypes.Voip)]            // UK 056 VoIP range
    [InlineData("+441534123456", "44", "JE", PhoneNumberTypes.FixedLine)]       // Jersey, not GB
    [InlineData("+821012345678", "82", "KR", PhoneNumberTypes.Mobile)]
    [InlineData("+8613800138000", "86", "CN", PhoneNumberTypes.Mobile)]
    [InlineData("+8501912345678", "850", "KP", PhoneNumberTypes.Mobile)]
    [InlineData("+85021234567", "850", "KP", PhoneNumberTypes.FixedLine)]       // Pyongyang
    [InlineData("+33912345678", "33", "FR", PhoneNumberTypes.Voip)]
    [InlineData("+61255501234", "61", "AU", PhoneNumberTypes.FixedLine)]
    [InlineData("+79123456789", "7", "RU", PhoneNumberTypes.Mobile)]
    [InlineData("+77012345678", "7", "KZ", PhoneNumberTypes.Mobile)]
    [InlineData("+818012345678", "81", "JP", PhoneNumberTypes.Mobile)]
    public void Describes_real_numbers_as_libphonenumber_does(string e164, string callingCode, string country, string type)
    {
        var info = Metadata.Describe(e164);

        Assert.NotNull(info);
        Assert.Equal((callingCode, country, type, true), (info.CallingCode, info.Country, info.Type, info.ValidPattern));
        Assert.Equal(e164[(1 + callingCode.Length)..], info.NationalNumber);
    }

    [Theory]
    [InlineData("+4402079460958", "GB", PhoneNumberTypes.FixedLine, "2079460958")]   // written "+44 (0)20 7946 0958"
    [InlineData("+4903012345678", "DE", PhoneNumberTypes.FixedLine, "3012345678")]   // "+49 (0)30 ..."
    [InlineData("+54111523456789", "AR", PhoneNumberTypes.Mobile, "91123456789")]    // Argentina: "11 15 ..." becomes "9 11 ..."
    [InlineData("+5491123456789", "AR", PhoneNumberTypes.Mobile, "91123456789")]
    public void A_national_prefix_after_the_calling_code_is_removed_as_libphonenumber_does(string e164, string country, string type, string national)
    {
        var info = Metadata.Describe(e164)!;

        Assert.Equal((country, type, true, national), (info.Country, info.Type, info.ValidPattern, info.NationalNumber));
    }

    [Fact]
    public void A_shared_calling_code_lists_its_regions_main_region_first()
    {
        var info = Metadata.Describe("+14163361000")!;

        Assert.Equal(25, info.PossibleCountries.Length);
        Assert.Equal("US", info.PossibleCountries[0]);
        Assert.Contains("CA", info.PossibleCountries);
        Assert.Equal("CA", info.Country);
    }

    [Fact]
    public void North_Korea_owns_calling_code_850()
    {
        var info = Metadata.Describe("+850 85 123456".Replace(" ", ""))!;

        Assert.Equal(["KP"], info.PossibleCountries);
        Assert.Equal("KP", info.Country);
    }

    [Fact]
    public void Leading_digits_place_a_number_in_its_region_even_when_it_is_not_valid()
    {
        // +1 242 is the Bahamas by leading digits; 555-1234 is not a Bahamian number.
        var info = Metadata.Describe("+12425551234")!;

        Assert.Equal(("BS", PhoneNumberTypes.Unknown, false), (info.Country, info.Type, info.ValidPattern));
    }

    [Fact]
    public void A_shared_code_number_no_region_matches_has_no_country()
    {
        // 555 is not a NANP area code.
        var info = Metadata.Describe("+15555550100")!;

        Assert.Equal(("1", null, PhoneNumberTypes.Unknown, false), (info.CallingCode, info.Country, info.Type, info.ValidPattern));
    }

    [Fact]
    public void A_single_region_code_places_even_an_invalid_number_in_that_region()
    {
        var info = Metadata.Describe("+8501")!;

        Assert.Equal(("KP", PhoneNumberTypes.Unknown, false), (info.Country, info.Type, info.ValidPattern));
    }

    [Fact]
    public void Non_geographic_codes_have_no_country_but_a_type()
    {
        var info = Metadata.Describe("+80012345678")!;

        Assert.Equal(("800", null, PhoneNumberTypes.TollFree, true), (info.CallingCode, info.Country, info.Type, info.ValidPattern));
        Assert.Empty(info.PossibleCountries);
        Assert.True(info.IsLocationIndependent);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("+")]
    [InlineData("+44 20 7946 0958")]
    [InlineData("tel:+442079460958")]
    [InlineData("+9991234567")] // 9, 99 and 999 are not calling codes
    [InlineData("+12345678901234567890")]
    public void Rejects_what_is_not_an_E164_number_with_a_known_code(string? input) => Assert.Null(Metadata.Describe(input));

    [Fact]
    public void Accepts_digits_without_the_plus() => Assert.Equal("GB", Metadata.Describe("442079460958")?.Country);

    [Fact]
    public void Every_example_mobile_number_of_libphonenumber_is_a_mobile_of_its_region()
    {
        // libphonenumber-js ships one example mobile number per region. Where a calling code is shared and the main
        // region's patterns also cover the example, libphonenumber-js itself attributes it to the main region.
        var attributedToMainRegion = new Dictionary<string, string>
        {
            ["AX"] = "FI", ["BL"] = "GP", ["CC"] = "AU", ["CX"] = "AU", ["EH"] = "MA", ["IM"] = "GB", ["MF"] = "GP", ["SJ"] = "NO", ["VA"] = "IT",
        };
        var examples = JsonSerializer.Deserialize<Dictionary<string, string>>(
            File.ReadAllText(Path.Combine(Path.GetDirectoryName(ContactData.PhoneMetadataPath)!, "examples.mobile.json")))!;
        using var raw = JsonDocument.Parse(File.ReadAllText(ContactData.PhoneMetadataPath));

        Assert.Equal(245, examples.Count);
        foreach (var (region, national) in examples)
        {
            var code = raw.RootElement.GetProperty("countries").GetProperty(region)[0].GetString();
            var info = Metadata.Describe($"+{code}{national}");
            Assert.True(info is not null, region);
            Assert.Equal((region, attributedToMainRegion.GetValueOrDefault(region, region)), (region, info.Country));
            Assert.Contains(info.Type, new[] { PhoneNumberTypes.Mobile, PhoneNumberTypes.FixedLineOrMobile });
            Assert.True(info.ValidPattern, region);
        }
    }

    [Fact]
    public void Regular_expressions_are_built_once_and_reused()
    {
        var metadata = ReferenceDataFiles.Phones(ContactData.PhoneMetadataPath);
        Assert.Equal(0, metadata.CachedRegexes);

        metadata.Describe("+14163361000");
        var built = metadata.CachedRegexes;
        metadata.Describe("+14163361000");
        metadata.Describe("+14165550123");

        Assert.True(built > 0);
        Assert.Equal(built, metadata.CachedRegexes);
    }

    [Fact]
    public void Reads_the_positional_format()
    {
        // Two regions share code 9: ZZ claims 7xxx by leading digits, XX gets the rest by its patterns.
        const string json = """
            {"version":4,
             "country_calling_codes":{"9":["XX","ZZ"]},
             "countries":{
               "XX":["9","00","\\d{4}",[4],0,0,0,0,0,0,0,[["[1-5]\\d{3}"],["6\\d{3}"],0,0,0,0,0,0,["8\\d{3}"]]],
               "ZZ":["9","00","\\d{4}",[4],0,0,0,0,0,0,"7",[["7\\d{3}"],[""]]]
             }}
            """;
        var metadata = PhoneMetadata.Parse(json);

        Assert.Equal(2, metadata.Count);
        Assert.Equal(("XX", PhoneNumberTypes.FixedLine), (metadata.Describe("+91234")!.Country, metadata.Describe("+91234")!.Type));
        Assert.Equal(PhoneNumberTypes.Mobile, metadata.Describe("+96234")!.Type);
        Assert.Equal(PhoneNumberTypes.Voip, metadata.Describe("+98234")!.Type);
        Assert.Equal(("ZZ", PhoneNumberTypes.FixedLineOrMobile), (metadata.Describe("+97234")!.Country, metadata.Describe("+97234")!.Type));
        Assert.Equal((null, false), (metadata.Describe("+99234")!.Country, metadata.Describe("+99234")!.ValidPattern));
        Assert.False(metadata.Describe("+912345")!.ValidPattern); // wrong length
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""{"countries":{}}""")]
    [InlineData("""{"country_calling_codes":{"9":["XX"]},"countries":{}}""")]
    [InlineData("""{"country_calling_codes":{},"countries":{"XX":["9","00"]}}""")]
    [InlineData("""{"country_calling_codes":{},"countries":{"XX":["9","00","\\d+",[4],0,0,0,0,0,0,0,[["\\d+"],"mobile"]]}}""")]
    public void Rejects_what_is_not_the_metadata_format(string json) => Assert.Throws<FormatException>(() => PhoneMetadata.Parse(json));
}
