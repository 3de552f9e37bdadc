using System.Net;
using System.Text;
using HireVet.Application.ReferenceData.Network;

namespace HireVet.UnitTests.ReferenceData.Network;

public class IpRangeTableTests
{
    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    private static MemoryStream None => Csv("");

    private static IpRangeTable Asn(string v4, string v6 = "") => IpRangeTable.LoadAsn(Csv(v4), Csv(v6));

    private static (int Value, string? Label)? Find(IpRangeTable table, string ip) =>
        table.TryFind(IPAddress.Parse(ip), out var value, out var label) ? (value, label) : null;

    [Fact]
    public void Quoted_organisation_names_keep_their_commas_and_doubled_quotes()
    {
        var table = Asn(
            """"
            16777216,16777471,13335,"Cloudflare, Inc."
            35309568,35313663,201907,"LLC ""SPUTNIK"""
            37267968,37268223,213300,"accompio SmarTec GmbH"""
            37323776,37324799,201893,"Pawel Walczuk trading as ""BLUE-DOT"" S.C."
            37368832,37369343,200462,Plain Name Ltd
            37369344,37369599,200463,Zürich Ümlaut AG
            """");

        Assert.Equal((13335, "Cloudflare, Inc."), Find(table, "1.0.0.1"));
        Assert.Equal((201907, "LLC \"SPUTNIK\""), Find(table, "2.26.200.1"));
        Assert.Equal((213300, "accompio SmarTec GmbH\""), Find(table, "2.56.170.1"));
        Assert.Equal((201893, "Pawel Walczuk trading as \"BLUE-DOT\" S.C."), Find(table, "2.57.132.1"));
        Assert.Equal((200462, "Plain Name Ltd"), Find(table, "2.58.52.1"));
        Assert.Equal((200463, "Zürich Ümlaut AG"), Find(table, "2.58.54.1"));
    }

    [Fact]
    public void Range_bounds_are_inclusive_and_gaps_are_not_found()
    {
        // 1.0.0.0-1.0.0.255 and 1.0.4.0-1.0.7.255
        var table = Asn("16777216,16777471,13335,A\n16778240,16779263,38803,B\n");

        Assert.Equal(13335, Find(table, "1.0.0.0")?.Value);
        Assert.Equal(13335, Find(table, "1.0.0.255")?.Value);
        Assert.Null(Find(table, "1.0.1.0"));
        Assert.Null(Find(table, "1.0.3.255"));
        Assert.Equal(38803, Find(table, "1.0.4.0")?.Value);
        Assert.Equal(38803, Find(table, "1.0.7.255")?.Value);
        Assert.Null(Find(table, "1.0.8.0"));
        Assert.Null(Find(table, "0.255.255.255"));
        Assert.Equal(2, table.Count);
    }

    [Fact]
    public void The_first_and_last_addresses_of_both_families_can_be_looked_up()
    {
        var table = Asn(
            "0,255,1,First\n4294967040,4294967295,2,Last\n",
            "0,1,3,First6\n340282366920938463463374607431768211454,340282366920938463463374607431768211455,4,Last6\n");

        Assert.True(table.TryFind(0u, out var first, out _));
        Assert.True(table.TryFind(uint.MaxValue, out var last, out _));
        Assert.True(table.TryFind(UInt128.Zero, out var first6, out _));
        Assert.True(table.TryFind(UInt128.MaxValue, out var last6, out _));
        Assert.False(table.TryFind(UInt128.MaxValue - 2, out _, out _));

        Assert.Equal((1, 2, 3, 4), (first, last, first6, last6));
    }

    [Fact]
    public void Nested_rows_are_flattened_so_the_most_specific_row_wins()
    {
        // 10.0.0.0/8 = AS1, with 10.1.0.0/16 = AS2 nested, and 10.1.1.0/24 = AS3 nested in that.
        var table = Asn("167772160,184549375,1,Outer\n167837696,167903231,2,Middle\n167837952,167838207,3,Inner\n");

        Assert.Equal(1, Find(table, "10.0.0.1")?.Value);
        Assert.Equal(2, Find(table, "10.1.0.1")?.Value);
        Assert.Equal(3, Find(table, "10.1.1.1")?.Value);
        Assert.Equal(2, Find(table, "10.1.2.1")?.Value);
        Assert.Equal(1, Find(table, "10.2.0.1")?.Value);
        Assert.Equal(1, Find(table, "10.255.255.255")?.Value);
        Assert.Equal(5, table.IPv4Count);
    }

    [Fact]
    public void On_a_partial_overlap_the_later_starting_row_wins_the_overlap()
    {
        // As in asn-ipv4-num.csv: 214.95.0.0-215.0.255.255 AS749, then 215.0.0.0-215.1.3.255 AS721.
        var table = Asn("3596550144,3607166975,749,DoD\n3607101440,3607167999,721,DoD NIC\n");

        Assert.Equal(749, Find(table, "214.255.255.255")?.Value);
        Assert.Equal(721, Find(table, "215.0.0.0")?.Value);
        Assert.Equal(721, Find(table, "215.1.3.255")?.Value);
        Assert.Null(Find(table, "215.1.4.0"));
    }

    [Fact]
    public void Unsorted_rows_and_rows_with_equal_starts_still_give_the_narrowest_match()
    {
        var table = Asn("167772416,167772671,2,Narrow\n167772160,184549375,1,Wide\n167772160,167772415,3,Same start\n");

        Assert.Equal(3, Find(table, "10.0.0.0")?.Value);
        Assert.Equal(2, Find(table, "10.0.1.0")?.Value);
        Assert.Equal(1, Find(table, "10.0.2.0")?.Value);
    }

    [Fact]
    public void ASNs_that_do_not_fit_an_int_are_skipped_and_counted()
    {
        var table = Asn("1737150976,1737151231,4294967294,AS4294967294\n16777216,16777471,13335,Cloudflare\n");

        Assert.Equal(1, table.SkippedRows);
        Assert.Null(Find(table, "103.138.210.1"));
        Assert.Equal(13335, Find(table, "1.0.0.1")?.Value);
    }

    [Fact]
    public void IPv6_rows_are_parsed_from_128_bit_decimals()
    {
        // 2001:: - 2001::ffff:ffff:ffff:ffff:ffff:ffff, Hurricane Electric
        var table = Asn("", "42540488161975842760550356425300246528,42540488241204005274814694018844196863,6939,Hurricane Electric LLC\n");

        Assert.Equal((6939, "Hurricane Electric LLC"), Find(table, "2001::1"));
        Assert.Equal(6939, Find(table, "2001:0:ffff:ffff:ffff:ffff:ffff:ffff")?.Value);
        Assert.Null(Find(table, "2001:1::"));
        Assert.Null(Find(table, "1.2.3.4"));
    }

    [Fact]
    public void An_IPv4_mapped_IPv6_address_is_looked_up_in_the_IPv4_ranges()
    {
        var table = Asn("16777216,16777471,13335,Cloudflare\n");

        Assert.Equal(13335, Find(table, "::ffff:1.0.0.1")?.Value);
    }

    [Fact]
    public void Repeated_organisations_are_stored_once()
    {
        var table = Asn("1,10,5,Org\n20,30,5,Org\n40,50,6,Org\n60,70,5,Other\n");

        Assert.Equal(4, table.Count);
        Assert.Equal(3, table.EntryCount);
        Assert.True(table.TryFind(25u, out _, out var a));
        Assert.True(table.TryFind(45u, out _, out var b));
        Assert.Same(a, b);
    }

    [Fact]
    public void CRLF_line_ends_a_byte_order_mark_and_a_missing_final_newline_are_accepted()
    {
        var table = Asn("\uFEFF16777216,16777471,13335,\"Cloudflare, Inc.\"\r\n16778240,16779263,38803,Gtelecom\r\n\r\n16781312,16781567,2519,ARTERIA");

        Assert.Equal(3, table.IPv4Count);
        Assert.Equal("Cloudflare, Inc.", Find(table, "1.0.0.1")?.Label);
        Assert.Equal("Gtelecom", Find(table, "1.0.4.1")?.Label);
        Assert.Equal("ARTERIA", Find(table, "1.0.16.1")?.Label);
    }

    [Theory]
    [InlineData("16777471,16777216,1,Inverted")]
    [InlineData("x,16777471,1,Bad start")]
    [InlineData("16777216,4294967296,1,Too big")]
    [InlineData("16777216,16777471,AS1,Bad ASN")]
    public void A_malformed_row_is_rejected_with_its_line_number(string row)
    {
        var error = Assert.Throws<FormatException>(() => Asn("1,2,3,Fine\n" + row + "\n"));

        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public void Country_rows_map_to_their_code_with_the_letters_packed_as_the_value()
    {
        var table = IpRangeTable.LoadCountry(
            Csv("16777216,16777471,AU\n16777472,16778239,CN\n2939006976,2939007999,KP\n"),
            Csv("42540528726795050063891204319802818560,42540528806023212578155541913346768895,JP\n"));

        Assert.Equal((('A' << 8) | 'U', "AU"), Find(table, "1.0.0.1"));
        Assert.Equal("CN", Find(table, "1.0.1.1")?.Label);
        Assert.Equal("KP", Find(table, "175.45.177.1")?.Label);
        Assert.Equal("JP", Find(table, "2001:200::1")?.Label);
    }

    [Theory]
    [InlineData("1,2,us")]
    [InlineData("1,2,USA")]
    [InlineData("1,2,")]
    public void A_country_row_without_a_two_letter_upper_case_code_is_rejected(string row)
    {
        Assert.Throws<FormatException>(() => IpRangeTable.LoadCountry(Csv(row), None));
    }
}
