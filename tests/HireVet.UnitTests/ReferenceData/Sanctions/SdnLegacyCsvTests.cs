using HireVet.Application.ReferenceData.Sanctions;
using HireVet.Infrastructure.ReferenceData;
using HireVet.Infrastructure.ReferenceData.Sanctions;

namespace HireVet.UnitTests.ReferenceData.Sanctions;

/// <summary>The legacy CSV reader on files written at test time from real entries of the 2025-11-19 advanced XML in
/// ../shared/data (<see cref="LegacyCsvFixture"/>).</summary>
public sealed class SdnLegacyCsvTests
{
    private static string Fixture => LegacyCsvFixture.Folder;

    private static readonly Lazy<SdnList> Loaded = new(() => SdnLegacyCsv.ReadFile(Path.Combine(Fixture, "sdn.csv"), "2025-11-19"));

    private static SdnList List => Loaded.Value;

    private static SdnEntry Entry(int id) => List.Entries.Single(e => e.ProfileId == id);

    [Fact]
    public void Reads_every_entry_with_its_aliases_programmes_and_countries()
    {
        Assert.Equal([27307, 43377, 43379], List.Entries.Select(e => e.ProfileId));
        Assert.Equal("2025-11-19", List.DateOfIssue);

        var kim = Entry(43377);
        var kimInXml = SdnDataFixture.Shared.List.Entries.Single(e => e.ProfileId == 43377);
        Assert.Equal(("individual", kimInXml.PrimaryName), (kim.Type, kim.PrimaryName));
        Assert.Equal(LegacyCsvFixture.LatinAliases(kimInXml), kim.Aliases);
        Assert.NotEmpty(kim.Aliases);
        Assert.Equal(["DPRK4"], kim.Programs);
        Assert.Equal(["1965-04-25"], kim.DatesOfBirth);
        Assert.Equal(["Korea, North", "Russia"], kim.Countries);
        Assert.Equal(["KP", "RU"], kim.CountryCodes);
        Assert.True(kim.IsDprkProgram);

        var chinyong = Entry(43379);
        Assert.Equal("entity", chinyong.Type);
        Assert.Equal(LegacyCsvFixture.LatinAliases(SdnDataFixture.Shared.List.Entries.Single(e => e.ProfileId == 43379)), chinyong.Aliases);
        Assert.Equal(["KP"], chinyong.CountryCodes);
    }

    [Fact]
    public void Reads_digital_currency_addresses_from_the_remarks_and_their_spillover()
    {
        Assert.Equal(6, Entry(43377).Addresses.Length);
        Assert.Contains(new DigitalCurrencyAddress("XBT", "1D6gG9iKEhPitTcWRJiniuj1jYM2hNeAfJ"), Entry(43377).Addresses);

        // Lazarus Group's remarks are long enough to continue in sdn_comments.csv, in the middle of an address.
        Assert.NotEmpty(File.ReadAllText(Path.Combine(Fixture, "sdn_comments.csv")));
        var lazarus = Entry(27307).Addresses;
        Assert.Equal(8, lazarus.Length);
        Assert.Contains(new DigitalCurrencyAddress("ETH", "0x35fB6f6DB4fb05e6A4cE86f2C93691425626d4b1"), lazarus);
        Assert.All(lazarus, a => Assert.Equal(42, a.Address.Length));
    }

    [Fact]
    public void Screens_a_name_and_a_wallet_like_the_XML()
    {
        var index = SanctionsIndex.Build(List);

        var hit = Assert.Single(index.Screen("Sang-Man Kim", dateOfBirth: "1965-04-25"));
        Assert.Equal((43377, SanctionsHit.Match), (hit.Entry.ProfileId, hit.DateOfBirthAgreement));
        Assert.Equal(27307, Assert.Single(index.Screen("Hidden Cobra")).Entry.ProfileId);
        Assert.Empty(index.Screen("Kim Sang Min"));

        // No address lists in the fixture folder: the addresses come from the SDN remarks alone.
        var wallet = ReferenceDataFiles.SanctionedAddresses(Fixture, List).Find("0x08723392ed15743cc38513c4925f5e6be5c17243");
        Assert.NotNull(wallet);
        Assert.Equal((27307, true), (wallet.SdnEntryId!.Value, wallet.IsDprk));
        Assert.Equal(["DPRK3"], wallet.Programs);
    }

    [Fact]
    public void Reads_the_legacy_conventions_for_empty_values_programmes_dates_and_weak_aliases()
    {
        const string sdn = "28264,\"LI, Jiadong\",\"individual\",\"CYBER2] [DPRK3\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ," +
                           "\"DOB 1969 to 1971; alt. DOB Apr 1970; nationality China; Email Address li@example.com; Website www.example.com; a.k.a. 'LI, J.'\"\r\n" +
                           "1,\"A \"\"QUOTED\"\" NAME\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\u001a";

        var list = SdnLegacyCsv.Read(new StringReader(sdn), null, null, null, "2024-07-02");

        var li = list.Entries[0];
        Assert.Equal(["CYBER2", "DPRK3"], li.Programs);
        Assert.Equal(["1969..1971", "1970-04"], li.DatesOfBirth);
        Assert.Equal(["li@example.com"], li.Emails);
        Assert.Equal(["www.example.com"], li.Websites);
        Assert.Equal(["LI, J."], li.Aliases);
        Assert.Equal(["LI, J."], li.WeakAliases);
        Assert.Equal(["CN"], li.CountryCodes);
        Assert.Equal(("A \"QUOTED\" NAME", "entity", 0), (list.Entries[1].PrimaryName, list.Entries[1].Type, list.Entries[1].Programs.Length));
    }

    [Fact]
    public void A_record_that_is_not_an_SDN_row_is_refused()
    {
        Assert.Throws<FormatException>(() => SdnLegacyCsv.Read(new StringReader("x,\"NAME\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"), null, null, null, "d"));
        Assert.Throws<FormatException>(() => SdnLegacyCsv.Read(new StringReader("1,\"NAME\",-0- \r\n"), null, null, null, "d"));
        Assert.Throws<FormatException>(() => SdnLegacyCsv.Read(new StringReader("1,\"NAME"), null, null, null, "d").Entries.Count);
    }
}
