using System.Net;
using HireVet.Application.ReferenceData.Network;

namespace HireVet.UnitTests.ReferenceData.Network;

public class DprkNetworkTests
{
    private const string Sample =
        """"
        kind,value,detail,status,source
        ipv4_prefix,175.45.176.0/22,"The only IPv4 block delegated to KP (1,024 addresses).",current,"APNIC, via ""ipverse"""
        asn,AS131279,"Star Joint Venture Co. Ltd.
        spans two lines",current,npm
        ipv4_route_observed,175.45.176.0/24;175.45.178.0/23,informational only,informational,ipverse
        calling_code,+850,not a network fact,current,libphonenumber
        ipv4_prefix_historical,210.52.109.0/24,leased via China Unicom,historical_not_current,report
        ipv4_prefix,77.94.35.0/24,an old route,historical_not_current,report
        asn,AS9929,China Unicom,historical_not_current,report
        """";

    [Fact]
    public void Only_current_prefix_and_ASN_rows_are_used()
    {
        var dprk = DprkNetwork.Parse(new StringReader(Sample));

        Assert.Equal(["175.45.176.0/22"], dprk.PrefixTexts);
        Assert.Equal([131279], dprk.Asns);
        Assert.True(dprk.ContainsAddress(IPAddress.Parse("175.45.179.255")));
        Assert.False(dprk.ContainsAddress(IPAddress.Parse("210.52.109.1")));
        Assert.False(dprk.ContainsAddress(IPAddress.Parse("77.94.35.1")));
        Assert.True(dprk.ContainsAsn(131279));
        Assert.False(dprk.ContainsAsn(9929));
    }

    [Fact]
    public void Several_prefixes_in_one_value_are_separated_by_semicolons()
    {
        var dprk = DprkNetwork.Parse(new StringReader(
            "kind,value,detail,status,source\r\nipv4_prefix,192.0.2.0/24; 198.51.100.0/24,test,current,test\r\nipv6_prefix,2001:db8::/32,test,current,test\r\n"));

        Assert.Equal(3, dprk.Prefixes.Count);
        Assert.True(dprk.ContainsAddress(IPAddress.Parse("198.51.100.7")));
        Assert.True(dprk.ContainsAddress(IPAddress.Parse("2001:db8::7")));
    }

    [Fact]
    public void Columns_are_found_by_their_header_names()
    {
        var dprk = DprkNetwork.Parse(new StringReader("status,kind,value\ncurrent,asn,AS131279\nretired,asn,AS1\n"));

        Assert.Equal([131279], dprk.Asns);
    }

    [Fact]
    public void A_file_without_the_expected_header_is_rejected()
    {
        Assert.Throws<FormatException>(() => DprkNetwork.Parse(new StringReader("a,b,c\n1,2,3\n")));
        Assert.Throws<FormatException>(() => DprkNetwork.Parse(new StringReader("")));
    }

    [Fact]
    public void A_current_prefix_that_is_not_a_CIDR_block_is_rejected()
    {
        Assert.Throws<FormatException>(() => DprkNetwork.Parse(new StringReader(
            "kind,value,detail,status,source\nipv4_prefix,175.45.176/22,x,current,x\n")));
    }
}
