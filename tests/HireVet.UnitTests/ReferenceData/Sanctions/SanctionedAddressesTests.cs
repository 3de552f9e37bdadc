using HireVet.Application.ReferenceData.Sanctions;

namespace HireVet.UnitTests.ReferenceData.Sanctions;

[Collection(SdnDataCollection.Name)]
public class SanctionedAddressesTests(SdnDataFixture data)
{
    private const string LazarusEth = "0x098B716B8Aaf21512996dC57EB0615e2383E2f96";

    [Fact]
    public void Loads_the_745_distinct_addresses_of_the_19_lists()
    {
        Assert.Equal(745, data.Addresses.Count);
        Assert.Equal(745, data.AddressesWithoutSdn.Count);
    }

    [Fact]
    public void Finds_a_DPRK_bitcoin_address_with_its_SDN_entry()
    {
        var found = data.Addresses.Find("1D6gG9iKEhPitTcWRJiniuj1jYM2hNeAfJ");

        Assert.NotNull(found);
        Assert.True(found.IsDprk);
        Assert.Equal(43377, found.SdnEntryId);
        Assert.Equal("Kim, Sang Man", found.SdnName);
        Assert.Equal(["DPRK4"], found.Programs);
        Assert.Equal(["XBT"], found.Tickers);
    }

    [Theory]
    [InlineData(LazarusEth)]
    [InlineData("0x098b716b8aaf21512996dc57eb0615e2383e2f96")]
    [InlineData("0X098B716B8AAF21512996DC57EB0615E2383E2F96")]
    [InlineData("  0x098B716B8Aaf21512996dC57EB0615e2383E2f96 ")]
    public void Finds_an_EVM_address_in_any_letter_case(string address)
    {
        foreach (var addresses in new[] { data.Addresses, data.AddressesWithoutSdn })
        {
            var found = addresses.Find(address);

            Assert.NotNull(found);
            Assert.True(found.IsDprk);
            Assert.Equal(27307, found.SdnEntryId);
            Assert.Equal("Lazarus Group", found.SdnName);
            Assert.Equal(LazarusEth, found.Address);
        }
    }

    [Theory]
    [InlineData("0x0000000000000000000000000000000000c0ffee")]
    [InlineData("1HireVetMadeUpAddressxxxxxxxxxxxxx")]
    [InlineData("1d6gg9ikehpittcwrjiniuj1jym2hneafj")]
    [InlineData("")]
    public void Does_not_find_made_up_or_recased_base58_addresses(string address)
    {
        Assert.Null(data.Addresses.Find(address));
    }

    [Fact]
    public void Joins_dprk_addresses_csv_to_the_profile_its_sdn_ent_num_names()
    {
        var rows = File.ReadLines(Path.Combine(data.CryptoDirectory, "dprk-addresses.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Select(fields => (Ticker: fields[0], Address: fields[1], EntNum: int.Parse(fields[2])))
            .ToList();

        Assert.Equal(118, rows.Count);
        Assert.All(rows, row =>
        {
            // sdn_ent_num is the XML's DistinctParty FixedRef / Profile ID, whose features list the address.
            Assert.Contains(new DigitalCurrencyAddress(row.Ticker, row.Address), data.Entry(row.EntNum).Addresses);
            Assert.Contains(row.EntNum, data.Addresses.Find(row.Address)!.SdnEntryIds);
            Assert.Equal(row.EntNum, data.AddressesWithoutSdn.Find(row.Address)!.SdnEntryId);
        });
    }

    [Fact]
    public void Tags_the_same_114_addresses_as_DPRK_with_or_without_the_SDN_list()
    {
        var addresses = Directory.GetFiles(data.CryptoDirectory, "sanctioned_addresses_*.txt")
            .SelectMany(File.ReadLines)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0)
            .Distinct()
            .ToList();

        var withSdn = addresses.Where(address => data.Addresses.Find(address)!.IsDprk).ToHashSet();
        var withoutSdn = addresses.Where(address => data.AddressesWithoutSdn.Find(address)!.IsDprk).ToHashSet();

        Assert.Equal(114, withSdn.Count);
        Assert.Equal(withSdn, withoutSdn);
        Assert.All(addresses, address => Assert.NotNull(data.Addresses.Find(address)!.SdnEntryId));
    }

    [Fact]
    public void Knows_the_owner_of_a_non_DPRK_address_only_from_the_SDN_list()
    {
        const string sokolovskiBnb = "bnb136ns6lfw4zs5hg4n85vdthaad7hq5m4gtkgf23";

        Assert.False(data.Addresses.Find(sokolovskiBnb)!.IsDprk);
        Assert.NotNull(data.Addresses.Find(sokolovskiBnb)!.SdnEntryId);
        Assert.Null(data.AddressesWithoutSdn.Find(sokolovskiBnb)!.SdnEntryId);
        Assert.Equal(["BNB"], data.AddressesWithoutSdn.Find(sokolovskiBnb)!.Tickers);
    }

    [Fact]
    public void Collects_every_ticker_of_an_EVM_address_and_tags_a_north_korean_national_as_DPRK()
    {
        var found = data.Addresses.Find("0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c")!;

        Assert.Equal(["ARB", "BSC", "ETH"], found.Tickers.Order());
        Assert.Equal("Sim, Hyon Sop", found.SdnName);
        Assert.Equal(["NPWMD"], found.Programs);
        Assert.True(found.IsDprk);
    }

    [Fact]
    public void Keeps_both_owners_of_an_address_two_SDN_entries_list()
    {
        var found = data.Addresses.Find("1H939dom7i4WDLCKyGbXUp3fs9CSTNRzgL")!;

        Assert.Equal([38419, 38420], found.SdnEntryIds);
        Assert.Equal(38419, found.SdnEntryId);
        Assert.False(found.IsDprk);
    }
}
