using System.Net;
using HireVet.Application.ReferenceData.Network;
using HireVet.Infrastructure.ReferenceData;

namespace HireVet.UnitTests.ReferenceData.Network;

public class CidrRangesTests
{
    private static bool Has(CidrRanges ranges, string ip) => ranges.Contains(IPAddress.Parse(ip));

    private static uint V4(string ip) => (uint)IPAddress.NetworkToHostOrder(BitConverter.ToInt32(IPAddress.Parse(ip).GetAddressBytes()));

    [Fact]
    public void Adjacent_blocks_merge_into_one_range()
    {
        var ranges = CidrRanges.Parse(["10.0.0.0/25", "10.0.0.128/25", "10.0.1.0/24"]);

        Assert.Equal(3, ranges.Count);
        Assert.Equal(1, ranges.RangeCount);
        Assert.Equal([(V4("10.0.0.0"), V4("10.0.1.255"))], ranges.IPv4Ranges);
        Assert.True(Has(ranges, "10.0.0.127"));
        Assert.True(Has(ranges, "10.0.0.128"));
        Assert.False(Has(ranges, "10.0.2.0"));
        Assert.False(Has(ranges, "9.255.255.255"));
    }

    [Fact]
    public void Overlapping_and_nested_blocks_merge_regardless_of_input_order()
    {
        var ranges = CidrRanges.Parse(["192.168.1.0/24", "192.168.0.0/16", "192.168.255.0/24", "192.170.0.0/16", "192.169.128.0/17"]);

        Assert.Equal(5, ranges.Count);
        Assert.Equal(
            [(V4("192.168.0.0"), V4("192.168.255.255")), (V4("192.169.128.0"), V4("192.170.255.255"))],
            ranges.IPv4Ranges);
        Assert.False(Has(ranges, "192.169.0.1"));
        Assert.True(Has(ranges, "192.169.200.1"));
    }

    [Fact]
    public void Blocks_with_a_gap_of_one_address_stay_separate()
    {
        var ranges = CidrRanges.Parse(["10.0.0.0/32", "10.0.0.2/32"]);

        Assert.Equal(2, ranges.RangeCount);
        Assert.True(Has(ranges, "10.0.0.0"));
        Assert.False(Has(ranges, "10.0.0.1"));
        Assert.True(Has(ranges, "10.0.0.2"));
    }

    [Fact]
    public void A_slash_32_covers_exactly_one_address()
    {
        var ranges = CidrRanges.Parse(["203.0.113.7/32"]);

        Assert.True(Has(ranges, "203.0.113.7"));
        Assert.False(Has(ranges, "203.0.113.6"));
        Assert.False(Has(ranges, "203.0.113.8"));
    }

    [Fact]
    public void A_bare_address_is_a_host_route()
    {
        var ranges = CidrRanges.Parse(["203.0.113.7", "2001:db8::1"]);

        Assert.True(Has(ranges, "203.0.113.7"));
        Assert.False(Has(ranges, "203.0.113.8"));
        Assert.True(Has(ranges, "2001:db8::1"));
        Assert.False(Has(ranges, "2001:db8::2"));
    }

    [Fact]
    public void Slash_0_covers_the_whole_IPv4_space_but_no_IPv6()
    {
        var ranges = CidrRanges.Parse(["0.0.0.0/0", "10.0.0.0/8"]);

        Assert.Equal(1, ranges.RangeCount);
        Assert.Equal([(0u, uint.MaxValue)], ranges.IPv4Ranges);
        Assert.True(Has(ranges, "0.0.0.0"));
        Assert.True(Has(ranges, "255.255.255.255"));
        Assert.True(Has(ranges, "::ffff:1.2.3.4"));
        Assert.False(Has(ranges, "2001:db8::1"));
    }

    [Fact]
    public void IPv6_slash_0_covers_the_whole_IPv6_space()
    {
        var ranges = CidrRanges.Parse(["::/0", "2001:db8::/32"]);

        Assert.Equal(1, ranges.IPv6RangeCount);
        Assert.Equal([(UInt128.Zero, UInt128.MaxValue)], ranges.IPv6Ranges);
        Assert.True(Has(ranges, "::"));
        Assert.True(Has(ranges, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"));
        Assert.False(Has(ranges, "1.2.3.4"));
    }

    [Fact]
    public void Blocks_at_the_top_of_the_address_space_merge_without_overflow()
    {
        var ranges = CidrRanges.Parse(["255.255.255.254/32", "255.255.255.255/32", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/127"]);

        Assert.Equal([(uint.MaxValue - 1, uint.MaxValue)], ranges.IPv4Ranges);
        Assert.True(Has(ranges, "255.255.255.255"));
        Assert.True(Has(ranges, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"));
        Assert.False(Has(ranges, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffd"));
    }

    [Fact]
    public void Host_bits_below_the_prefix_length_are_ignored()
    {
        var ranges = CidrRanges.Parse(["10.1.2.3/8", "2001:db8::1/32"]);

        Assert.True(Has(ranges, "10.0.0.0"));
        Assert.True(Has(ranges, "10.255.255.255"));
        Assert.True(Has(ranges, "2001:db8:ffff::1"));
        Assert.False(Has(ranges, "2001:db9::"));
    }

    [Fact]
    public void IPv6_blocks_merge_like_IPv4_blocks()
    {
        var ranges = CidrRanges.Parse(["2001:db8::/33", "2001:db8:8000::/33", "2001:db8:1::/48"]);

        Assert.Equal(3, ranges.Count);
        Assert.Equal(1, ranges.IPv6RangeCount);
        Assert.True(Has(ranges, "2001:db8:ffff:ffff::1"));
        Assert.False(Has(ranges, "2001:db9::"));
    }

    [Fact]
    public void IPv4_mapped_IPv6_addresses_are_tested_as_IPv4()
    {
        var ranges = CidrRanges.Parse(["198.51.100.0/24", "::ffff:203.0.113.0/120"]);

        Assert.True(Has(ranges, "::ffff:198.51.100.9"));
        Assert.True(Has(ranges, "203.0.113.9"));
        Assert.Equal(0, ranges.IPv6RangeCount);
    }

    [Fact]
    public void Blank_lines_and_comments_are_skipped()
    {
        var ranges = CidrRanges.Parse(["# header", "", "   ", "10.0.0.0/24 # office", "\t10.0.1.0/24\t"]);

        Assert.Equal(2, ranges.Count);
        Assert.True(Has(ranges, "10.0.1.5"));
    }

    [Fact]
    public void An_empty_list_contains_nothing()
    {
        var ranges = CidrRanges.Parse([]);

        Assert.Equal(0, ranges.Count);
        Assert.False(Has(ranges, "0.0.0.0"));
        Assert.False(Has(ranges, "::"));
    }

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("2001:db8::/129")]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.4.5")]
    [InlineData("010.0.0.1/8")]
    [InlineData("256.0.0.0/8")]
    [InlineData("10.0.0.0/")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("fe80::1%eth0")]
    [InlineData("example.com")]
    public void An_unparseable_line_is_rejected_with_its_line_number(string line)
    {
        var error = Assert.Throws<FormatException>(() => CidrRanges.Parse(["10.0.0.0/8", line]));

        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public void Load_merges_several_files_and_counts_their_blocks()
    {
        var dir = Directory.CreateTempSubdirectory("hirevet-cidr-");
        try
        {
            var v4 = Path.Combine(dir.FullName, "ipv4.txt");
            var v6 = Path.Combine(dir.FullName, "ipv6.txt");
            File.WriteAllLines(v4, ["10.0.0.0/24", "10.0.1.0/24"]);
            File.WriteAllLines(v6, ["2001:db8::/48"]);

            var ranges = ReferenceDataFiles.Cidrs(v4, v6);

            Assert.Equal(3, ranges.Count);
            Assert.Equal(1, ranges.IPv4RangeCount);
            Assert.Equal(1, ranges.IPv6RangeCount);
            Assert.True(Has(ranges, "2001:db8::ff"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
