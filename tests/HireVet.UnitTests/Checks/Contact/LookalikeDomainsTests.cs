using HireVet.Application.Checks.Contact;
using K = HireVet.Application.Checks.Contact.LookalikeDomains.Kinds;

namespace HireVet.UnitTests.Checks.Contact;

public class LookalikeDomainsTests
{
    [Theory]
    [InlineData("acme-corp.co", "acme.com", "Acme Corp", K.AddedWord)]
    [InlineData("acme-hr.com", "acme.com", null, K.AddedWord)]
    [InlineData("acmecorp.com", "acme.com", "Acme Corp", K.AddedWord)]
    [InlineData("acrne.com", "acme.com", null, K.Homoglyph)]
    [InlineData("ac-me.com", "acme.com", null, K.Homoglyph)]
    [InlineData("micr0soft.com", "microsoft.com", null, K.Homoglyph)]
    [InlineData("paypa1.com", "paypal.com", null, K.Homoglyph)]
    [InlineData("vvidget.io", "widget.io", null, K.Homoglyph)]
    [InlineData("acmee.com", "acme.com", null, K.Typo)]
    [InlineData("gooogle.com", "google.com", null, K.Typo)]
    [InlineData("goolge.com", "google.com", null, K.Typo)]     // transposition counts one edit
    [InlineData("initeck.net", "initech.com", null, K.Typo)]
    [InlineData("stripee-pay.com", "stripe.com", null, K.AddedWord)]
    [InlineData("acme.co", "acme.com", null, K.OtherSuffix)]
    [InlineData("acme.de", "acme.com", null, K.OtherSuffix)]
    [InlineData("acme.co.uk", "https://www.acme.com/", null, K.OtherSuffix)]
    public void Finds_imitations(string domain, string employerDomain, string? employerName, string kind) =>
        Assert.Equal(kind, LookalikeDomains.Compare(domain, employerDomain, employerName)?.Kind);

    [Theory]
    [InlineData("acme.com", "acme.com")]
    [InlineData("mail.acme.com", "acme.com")]
    [InlineData("acme.com", "www.acme.com")]
    [InlineData("hq.com", "hp.com")]             // too short for edit distance
    [InlineData("home.com", "acme.com")]         // 2 edits on a 4-letter name is another word
    [InlineData("globex.com", "acme.com")]
    [InlineData("acmegroup.com", "acme.com")]
    [InlineData("metabase.com", "meta.com")]
    [InlineData("not a domain", "acme.com")]
    public void Leaves_other_domains_alone(string domain, string employerDomain) =>
        Assert.Null(LookalikeDomains.Compare(domain, employerDomain, "Acme Corp"));

    [Theory]
    [InlineData("acme.de", true)]
    [InlineData("acme.co.uk", true)]
    [InlineData("acme.co", false)]
    [InlineData("acme.io", false)]
    [InlineData("acme.net", false)]
    public void Only_a_real_country_suffix_may_be_a_regional_domain(string domain, bool regional) =>
        Assert.Equal(regional, LookalikeDomains.Compare(domain, "acme.com")!.MayBeRegionalDomain);

    [Theory]
    [InlineData("", "abc", 3)]
    [InlineData("ca", "ac", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("google", "goolge", 1)]
    [InlineData("acme", "acme", 0)]
    public void Damerau_Levenshtein_distance(string a, string b, int expected) => Assert.Equal(expected, LookalikeDomains.Distance(a, b));

    [Theory]
    [InlineData("Acme Corp", "acme")]
    [InlineData("ACME Corporation", "acme")]
    [InlineData("Acme, Inc.", "acme")]
    [InlineData("The Acme Company", "acme")]
    [InlineData("Samsung Electronics Co., Ltd.", "samsung electronics")]
    [InlineData("Société Générale S.A.", "societe generale")]
    [InlineData("AT&T Inc.", "at and t")]
    [InlineData("Corp", "corp")]
    [InlineData("  ", null)]
    public void Employer_name_keys(string name, string? key) => Assert.Equal(key, EmployerNames.Key(name));

    [Fact]
    public void Employer_name_label_forms() => Assert.Equal(["acme", "acmecorp"], EmployerNames.LabelForms("Acme Corp"));
}
