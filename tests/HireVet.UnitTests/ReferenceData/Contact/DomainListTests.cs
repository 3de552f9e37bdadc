using HireVet.Application.ReferenceData.Contact;
using HireVet.Infrastructure.ReferenceData;

namespace HireVet.UnitTests.ReferenceData.Contact;

public class DomainListTests
{
    [Fact]
    public void The_disposable_list_has_the_8883_domains_of_disposable_email_domains_js()
    {
        var list = ContactData.DisposableDomains;

        Assert.Equal(8883, list.Count);
        Assert.Equal(8883, list.SourceEntries);
    }

    [Theory]
    [InlineData("mailinator.com", true)]
    [InlineData("MAILINATOR.COM", true)]
    [InlineData("a.b.mailinator.com", true)]
    [InlineData("guerrillamail.com", true)]
    [InlineData("10minutemail.com", true)]
    [InlineData("yopmail.com", true)]
    [InlineData("gmail.com", false)]
    [InlineData("proton.me", false)]
    [InlineData("protonmail.com", false)]
    [InlineData("outlook.com", false)]
    [InlineData("tutanota.com", false)]
    [InlineData("acme.com", false)]
    [InlineData("mailinator-fan.com", false)]
    [InlineData("com", false)]
    public void Disposable_domains(string domain, bool listed) => Assert.Equal(listed, ContactData.DisposableDomains.Contains(domain));

    [Theory]
    [InlineData("gmail.com", true)]
    [InlineData("googlemail.com", true)]
    [InlineData("outlook.com", true)]
    [InlineData("hotmail.co.uk", true)]
    [InlineData("proton.me", true)]
    [InlineData("protonmail.com", true)]
    [InlineData("qq.com", true)]
    [InlineData("163.com", true)]
    [InlineData("naver.com", true)]
    [InlineData("mail.ru", true)]
    [InlineData("yahoo.co.jp", true)]
    [InlineData("acme.com", false)]
    [InlineData("google.com", false)]
    [InlineData("microsoft.com", false)]
    public void Free_webmail_domains(string domain, bool listed) => Assert.Equal(listed, ContactData.FreeDomains.Contains(domain));

    [Fact]
    public void The_free_webmail_list_is_email_providers_all_json()
    {
        // 8,760 entries; one is an address (ywoe@mailed.ro), not a domain, and is skipped.
        Assert.Equal(8760, ContactData.FreeDomains.SourceEntries);
        Assert.Equal(8759, ContactData.FreeDomains.Count);
        Assert.True(ContactData.FreeDomains.Contains("müllmail.com"));
    }

    [Fact]
    public void Match_names_the_listed_parent()
    {
        Assert.Equal("mailinator.com", ContactData.DisposableDomains.Match("x.y.Mailinator.com."));
        Assert.Equal("mailinator.com", ContactData.DisposableDomains.Match("jane@mailinator.com"));
        Assert.Null(ContactData.DisposableDomains.Match("gmail.com"));
        Assert.Null(ContactData.DisposableDomains.Match(null));
        Assert.Null(ContactData.DisposableDomains.Match("not a domain"));
    }

    [Fact]
    public void Parses_strings_skipping_blanks_duplicates_and_invalid_entries()
    {
        var list = DomainList.Parse(["Example.org", "example.org.", " ", null, "bad domain", "mail.example.net", "bücher.de", "jane@example.com", "https://example.com"]);

        Assert.Equal(3, list.Count);
        Assert.Equal(7, list.SourceEntries);
        Assert.False(list.Contains("example.com"));
        Assert.True(list.Contains("EXAMPLE.ORG"));
        Assert.True(list.Contains("deep.mail.example.net"));
        Assert.False(list.Contains("example.net"));
        Assert.True(list.Contains("xn--bcher-kva.de"));
        Assert.True(list.Contains("shop.bücher.de"));
    }

    [Fact]
    public void Loads_plain_text_with_comments()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "# throw-away domains\nmailinator.com\r\nyopmail.com # French\n\n");
            var list = ReferenceDataFiles.Domains(path);

            Assert.Equal(2, list.Count);
            Assert.True(list.Contains("yopmail.com"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Rejects_a_JSON_file_that_is_not_an_array_of_strings()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "[1, 2]");
            Assert.Throws<FormatException>(() => ReferenceDataFiles.Domains(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
