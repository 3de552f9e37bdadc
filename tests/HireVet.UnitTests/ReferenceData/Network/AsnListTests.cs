using HireVet.Application.ReferenceData.Network;

namespace HireVet.UnitTests.ReferenceData.Network;

public class AsnListTests
{
    [Fact]
    public void Reads_ASNs_with_their_comments_separated_by_spaces_or_tabs()
    {
        var list = AsnList.Parse(["AS9009 # M247, GB (NordVPN)", "AS55286\t# SERVER-MANIA, CA", "AS8560  # IONOS SE"]);

        Assert.Equal(3, list.Count);
        Assert.Equal("M247, GB (NordVPN)", list.NameOf(9009));
        Assert.Equal("SERVER-MANIA, CA", list.NameOf(55286));
        Assert.Equal("IONOS SE", list.NameOf(8560));
    }

    [Fact]
    public void A_repeated_ASN_is_counted_once_and_keeps_its_first_comment()
    {
        var list = AsnList.Parse(["AS30633 # LEASEWEB-USA-WDC-01 - Leaseweb USA, Inc., US", "AS30633 # Leaseweb", "AS60781"]);

        Assert.Equal(2, list.Count);
        Assert.Equal(3, list.SourceLines);
        Assert.Equal("LEASEWEB-USA-WDC-01 - Leaseweb USA, Inc., US", list.NameOf(30633));
    }

    [Fact]
    public void A_repeat_supplies_the_comment_when_the_first_line_had_none()
    {
        var list = AsnList.Parse(["AS60781", "AS60781 # Leaseweb NL"]);

        Assert.Equal("Leaseweb NL", list.NameOf(60781));
    }

    [Fact]
    public void An_ASN_without_a_comment_is_listed_without_a_name()
    {
        var list = AsnList.Parse(["AS64500", "as64501 #", "64502"]);

        Assert.True(list.Contains(64500));
        Assert.True(list.Contains(64501));
        Assert.True(list.Contains(64502));
        Assert.Null(list.NameOf(64500));
        Assert.Null(list.NameOf(64501));
    }

    [Fact]
    public void Unlisted_ASNs_are_not_contained_and_have_no_name()
    {
        var list = AsnList.Parse(["AS9009 # M247"]);

        Assert.False(list.Contains(7922));
        Assert.Null(list.NameOf(7922));
    }

    [Fact]
    public void Blank_and_comment_only_lines_are_skipped()
    {
        var list = AsnList.Parse(["# hosting providers", "", "  ", "AS3223 # VOXILITY, RO"]);

        Assert.Equal(1, list.Count);
        Assert.Equal(1, list.SourceLines);
    }

    [Theory]
    [InlineData("ASX # nope")]
    [InlineData("AS-1")]
    [InlineData("AS 9009 9010")]
    [InlineData("AS99999999999")]
    public void An_unparseable_line_is_rejected_with_its_line_number(string line)
    {
        var error = Assert.Throws<FormatException>(() => AsnList.Parse(["AS1 # fine", line]));

        Assert.Contains("line 2", error.Message);
    }
}
