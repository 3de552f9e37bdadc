using HireVet.Application.ReferenceData.Contact;

namespace HireVet.UnitTests.ReferenceData.Contact;

public class DomainNamesTests
{
    [Theory]
    [InlineData("acme.com", "acme.com")]
    [InlineData(" ACME.com. ", "acme.com")]
    [InlineData("https://www.acme.com/about?x=1", "www.acme.com")]
    [InlineData("acme.com:443", "acme.com")]
    [InlineData("jane@acme.com", "acme.com")]
    [InlineData("bücher.de", "xn--bcher-kva.de")]
    [InlineData("localhost", null)]
    [InlineData("acme..com", null)]
    [InlineData("-acme.com", null)]
    [InlineData("acme_corp.com", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Normalizes_hosts(string? input, string? expected) => Assert.Equal(expected, DomainNames.Normalize(input));

    [Theory]
    [InlineData("jane@Acme.COM", "acme.com")]
    [InlineData("jane.doe+refs@mail.acme.co.uk", "mail.acme.co.uk")]
    [InlineData("jane", null)]
    [InlineData("@acme.com", null)]
    [InlineData("jane@", null)]
    public void Takes_the_domain_of_an_email(string email, string? expected) => Assert.Equal(expected, DomainNames.OfEmail(email));

    [Theory]
    [InlineData("acme.com", "acme", "com")]
    [InlineData("mail.acme.com", "acme", "com")]
    [InlineData("acme.co.uk", "acme", "co.uk")]
    [InlineData("mail.acme.co.uk", "acme", "co.uk")]
    [InlineData("acme.com.au", "acme", "com.au")]
    [InlineData("acme.co.jp", "acme", "co.jp")]
    [InlineData("acme-corp.co", "acme-corp", "co")]
    [InlineData("acme.de", "acme", "de")]
    [InlineData("co.uk", "co", "uk")]
    public void Splits_label_and_suffix(string domain, string label, string suffix) => Assert.Equal((label, suffix), DomainNames.Split(domain));

    [Fact]
    public void Registrable_domain_and_parents()
    {
        Assert.Equal("acme.co.uk", DomainNames.Registrable("hr.mail.acme.co.uk"));
        Assert.Equal(["a.b.mailinator.com", "b.mailinator.com", "mailinator.com"], DomainNames.SelfAndParents("a.b.mailinator.com"));
        Assert.True(DomainNames.IsSameOrSubdomain("mail.acme.com", "acme.com"));
        Assert.False(DomainNames.IsSameOrSubdomain("notacme.com", "acme.com"));
    }
}
