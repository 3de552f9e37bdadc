using System.Net;
using System.Net.Sockets;
using HireVet.Application.Common.Formats;

namespace HireVet.UnitTests.Common.Formats;

public class IpAddressesTests
{
    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("1.2.3.4")]
    [InlineData("192.168.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("10.0.100.9")]
    public void Accepts_canonical_dotted_quad_ipv4(string text)
    {
        Assert.True(IpAddresses.TryParseStrict(text, out var ip));
        Assert.NotNull(ip);
        Assert.Equal(AddressFamily.InterNetwork, ip.AddressFamily);
        Assert.Equal(text, ip.ToString());
    }

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.4.5")]
    [InlineData("1")]
    [InlineData("16909060")]
    [InlineData("01.2.3.4")]
    [InlineData("1.2.3.04")]
    [InlineData("1.2.3.00")]
    [InlineData("256.1.1.1")]
    [InlineData("1.2.3.1000")]
    [InlineData("0x7f.0.0.1")]
    [InlineData("1..3.4")]
    [InlineData("1.2.3.4.")]
    [InlineData(" 1.2.3.4")]
    [InlineData("1.2.3.4 ")]
    [InlineData("-1.2.3.4")]
    [InlineData("+1.2.3.4")]
    [InlineData("1.2.3.٤")]
    public void Rejects_ipv4_spellings_that_are_not_canonical(string text)
    {
        Assert.False(IpAddresses.TryParseStrict(text, out var ip));
        Assert.Null(ip);
    }

    [Fact]
    public void Ordinary_parsing_accepts_forms_that_strict_parsing_rejects()
    {
        // The reason this class exists.
        Assert.True(IPAddress.TryParse("1.2.3", out _));
        Assert.False(IpAddresses.TryParseStrict("1.2.3", out _));
    }

    [Theory]
    [InlineData("::1", "::1")]
    [InlineData("2001:db8::1", "2001:db8::1")]
    [InlineData("2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1")]
    [InlineData("fe80::1ff:fe23:4567:890a", "fe80::1ff:fe23:4567:890a")]
    [InlineData("::ffff:192.0.2.1", "::ffff:192.0.2.1")]
    public void Accepts_ipv6(string text, string expected)
    {
        Assert.True(IpAddresses.TryParseStrict(text, out var ip));
        Assert.NotNull(ip);
        Assert.Equal(AddressFamily.InterNetworkV6, ip.AddressFamily);
        Assert.Equal(IPAddress.Parse(expected), ip);
    }

    [Theory]
    [InlineData("[::1]")]
    [InlineData("[::1]:443")]
    [InlineData("fe80::1%eth0")]
    [InlineData("2001:db8::g")]
    [InlineData("2001:db8:::1")]
    [InlineData(":")]
    [InlineData("1.2.3.4:80")]
    [InlineData("::ffff:192.0.2")]
    [InlineData("::ffff:192.0.02.1")]
    [InlineData(" ::1")]
    public void Rejects_malformed_or_decorated_ipv6(string text)
    {
        Assert.False(IpAddresses.TryParseStrict(text, out var ip));
        Assert.Null(ip);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("localhost")]
    public void Rejects_empty_or_non_address_input(string? text)
    {
        Assert.False(IpAddresses.TryParseStrict(text, out var ip));
        Assert.Null(ip);
    }
}
