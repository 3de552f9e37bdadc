using System.Net;
using HireVet.Application.ReferenceData.Network;

namespace HireVet.UnitTests.ReferenceData.Network;

/// <summary>Lookups against the real, pinned reference data (@ip-location-db 2.3.2026061719, X4BNet lists_vpn
/// 2026-08-22, dprk-network.csv).</summary>
public class NetworkIntelligenceTests(NetworkDataFixture data) : IClassFixture<NetworkDataFixture>
{
    private readonly NetworkIntelligence _network = data.Network;

    private IpInfo Enrich(string ip) => _network.Enrich(IPAddress.Parse(ip));

    [Fact]
    public void Cloudflare_public_DNS_is_announced_by_AS13335()
    {
        var info = Enrich("1.1.1.1");

        Assert.Equal(13335, info.Asn);
        Assert.Equal("Cloudflare, Inc.", info.Organisation);
        Assert.False(info.IsDprk);
        Assert.False(info.IsVpn);
        Assert.False(info.IsICloudPrivateRelay);
    }

    [Fact]
    public void Cloudflare_public_DNS_over_IPv6_is_announced_by_AS13335()
    {
        var info = Enrich("2606:4700:4700::1111");

        Assert.Equal("2606:4700:4700::1111", info.Ip);
        Assert.Equal(13335, info.Asn);
        Assert.Equal("Cloudflare, Inc.", info.Organisation);
        Assert.Equal("US", info.Country);
    }

    [Fact]
    public void An_address_in_the_North_Korean_block_is_AS131279_registered_in_KP_and_flagged_as_DPRK()
    {
        var info = Enrich("175.45.176.10");

        Assert.Equal(131279, info.Asn);
        Assert.Equal("Star Joint Venture Co. Ltd.", info.Organisation);
        Assert.Equal("KP", info.Country);
        Assert.True(info.IsDprk);
        Assert.False(info.IsHosting);
        Assert.False(info.IsVpn);
    }

    [Theory]
    [InlineData("175.45.176.0")]
    [InlineData("175.45.179.255")]
    public void Both_ends_of_the_North_Korean_22_are_DPRK(string ip)
    {
        Assert.True(Enrich(ip).IsDprk);
    }

    [Theory]
    [InlineData("175.45.175.255")]
    [InlineData("175.45.180.0")]
    [InlineData("210.52.109.1")] // historical_not_current in dprk-network.csv; China Unicom today
    [InlineData("77.94.35.1")] // historical_not_current; a Lithuanian ASN today
    public void Addresses_outside_the_current_North_Korean_prefix_are_not_DPRK(string ip)
    {
        var info = Enrich(ip);

        Assert.False(info.IsDprk);
        Assert.NotEqual(131279, info.Asn);
    }

    [Fact]
    public void Only_the_current_rows_of_the_DPRK_file_are_used()
    {
        Assert.Equal(["175.45.176.0/22"], _network.Dprk.PrefixTexts);
        Assert.Equal([131279], _network.Dprk.Asns);
    }

    [Fact]
    public void An_IPv4_mapped_IPv6_address_is_looked_up_as_IPv4()
    {
        var info = Enrich("::ffff:175.45.176.10");

        Assert.Equal("175.45.176.10", info.Ip);
        Assert.Equal(131279, info.Asn);
        Assert.Equal("KP", info.Country);
        Assert.True(info.IsDprk);
    }

    [Fact]
    public void Google_public_DNS_is_hosting_because_Google_is_in_the_datacenter_ASN_list()
    {
        var info = Enrich("8.8.8.8");

        Assert.Equal(15169, info.Asn);
        Assert.Equal("Google LLC", info.Organisation);
        Assert.Equal("US", info.Country);
        Assert.True(_network.DatacenterAsns.Contains(15169));
        Assert.True(info.IsHosting);
        Assert.False(info.IsVpn);
        Assert.Null(info.VpnProvider);
    }

    [Fact]
    public void An_address_of_the_NordVPN_M247_ASN_is_a_VPN_named_after_its_provider()
    {
        var info = Enrich("38.180.0.1");

        Assert.Equal(9009, info.Asn);
        Assert.Equal("M247 Europe SRL", info.Organisation);
        Assert.True(info.IsVpn);
        Assert.Equal("M247, GB (NordVPN)", info.VpnProvider);
        Assert.True(info.IsHosting); // AS9009 is in both X4BNet lists
        Assert.False(info.IsICloudPrivateRelay);
    }

    [Fact]
    public void A_NordVPN_address_in_its_own_ASN_names_the_provider_from_the_list_comment()
    {
        var range = _network.Asns;
        Assert.True(range.TryFind(IPAddress.Parse("86.38.0.1"), out var asn, out _));
        Assert.Equal(136787, asn);

        var info = Enrich("86.38.0.1");

        Assert.True(info.IsVpn);
        Assert.Equal("NordVPN (TEFINCOM S.A.)", info.VpnProvider);
    }

    [Theory]
    [InlineData("104.28.30.1", 13335)] // Cloudflare egress
    [InlineData("172.225.5.10", 20940)] // Akamai egress
    [InlineData("172.224.226.40", 36183)] // Akamai's Private Relay ASN
    [InlineData("146.75.128.10", 54113)] // Fastly egress
    public void An_iCloud_Private_Relay_egress_address_is_labelled_as_the_relay(string ip, int operatorAsn)
    {
        var info = Enrich(ip);

        Assert.Equal(operatorAsn, info.Asn);
        Assert.True(_network.VpnRanges.Contains(IPAddress.Parse(ip)));
        Assert.True(info.IsICloudPrivateRelay);
        Assert.True(info.IsVpn);
        Assert.Equal(NetworkIntelligence.ICloudPrivateRelayProvider, info.VpnProvider);
        Assert.False(info.IsDprk);
    }

    [Theory]
    [InlineData("1.1.1.1")] // Cloudflare, but not a relay egress address
    [InlineData("104.16.0.1")] // Cloudflare CDN
    [InlineData("38.180.0.1")] // NordVPN on M247
    public void Other_addresses_of_relay_operators_and_VPNs_are_not_the_relay(string ip)
    {
        Assert.False(Enrich(ip).IsICloudPrivateRelay);
    }

    [Theory]
    [InlineData("73.15.20.30")]
    [InlineData("24.0.0.1")]
    public void A_Comcast_residential_address_is_neither_hosting_nor_VPN_and_registered_in_the_US(string ip)
    {
        var info = Enrich(ip);

        Assert.Equal(7922, info.Asn);
        Assert.Equal("Comcast Cable Communications, LLC", info.Organisation);
        Assert.Equal("US", info.Country);
        Assert.False(info.IsHosting);
        Assert.False(info.IsVpn);
        Assert.Null(info.VpnProvider);
        Assert.False(info.IsICloudPrivateRelay);
        Assert.False(info.IsDprk);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.0.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    public void Loopback_and_private_addresses_have_no_ASN_or_country(string ip)
    {
        var info = Enrich(ip);

        Assert.Null(info.Asn);
        Assert.Null(info.Organisation);
        Assert.Null(info.Country);
        Assert.False(info.IsHosting);
        Assert.False(info.IsVpn);
        Assert.False(info.IsDprk);
    }

    [Fact]
    public void The_one_overlap_in_the_IPv4_ASN_file_is_flattened_so_the_later_row_wins_its_overlap()
    {
        // asn-ipv4-num.csv has 214.95.0.0-215.0.255.255 AS749 and 215.0.0.0-215.1.3.255 AS721 (both DoD).
        Assert.True(_network.Asns.TryFind(IPAddress.Parse("214.95.0.1"), out var first, out _));
        Assert.True(_network.Asns.TryFind(IPAddress.Parse("215.0.0.1"), out var overlap, out _));
        Assert.True(_network.Asns.TryFind(IPAddress.Parse("215.1.0.1"), out var second, out _));

        Assert.Equal(749, first);
        Assert.Equal(721, overlap);
        Assert.Equal(721, second);
    }

    [Fact]
    public void The_loaded_tables_have_the_documented_sizes()
    {
        Assert.InRange(_network.Asns.IPv4Count, 400_000, 450_000);
        Assert.InRange(_network.Asns.IPv6Count, 100_000, 120_000);
        Assert.InRange(_network.Countries.IPv4Count, 130_000, 160_000);
        Assert.True(_network.DatacenterAsns.Count < _network.DatacenterAsns.SourceLines, "the datacenter list repeats some ASNs");
        Assert.InRange(_network.DatacenterAsns.Count, 800, 1_000);
        Assert.InRange(_network.VpnAsns.Count, 10, 30);
        Assert.True(_network.DatacenterRanges.RangeCount < _network.DatacenterRanges.Count, "adjacent CIDRs merge");
        Assert.True(_network.VpnRanges.IPv6RangeCount > 0);
    }
}
