using HireVet.Application.Checks;
using HireVet.Application.Checks.Contact;
using HireVet.Application.Dossiers;
using HireVet.Application.ReferenceData;
using HireVet.UnitTests.ReferenceData.Contact;
using static HireVet.UnitTests.Checks.Contact.ContactCheckData;

namespace HireVet.UnitTests.Checks.Contact;

public class ReferenceEmailCheckTests
{
    private static CheckResult Run(params Reference[] references) => new ReferenceEmailCheck().Run(Context(Candidate with { References = references }));

    [Theory]
    [InlineData("jane@acme.com", "Acme Corp")]
    [InlineData("jane@hr.acme.com", "Acme Corp")]
    [InlineData("jane@acme.com", "ACME, Inc.")]
    [InlineData("jane@globex.com", "Globex")]      // the work history gives https://www.globex.com/
    [InlineData("jane@initech.com", "Acme Corp")]  // a domain unlike Acme's: perhaps the referee's new employer
    [InlineData("jane@acme-corp.co", "Initech")]   // Initech is not in the work history: nothing to compare with
    [InlineData("jane@gmail.com", null)]           // no employer named
    public void Raises_nothing(string email, string? employer)
    {
        var result = Run(Jane(email, employer));

        Assert.Null(result.NotEvaluatedReason);
        Assert.Empty(result.Signals);
    }

    [Fact]
    public void A_look_alike_of_the_employers_domain_is_ID_08_high()
    {
        var signal = Assert.Single(Run(Jane("jane@acme-corp.co")).Signals);

        Assert.Equal(("ID-08", Severity.High), (signal.IndicatorId, signal.Severity));
        Assert.Contains("jane@acme-corp.co for Acme Corp (acme.com)", signal.Explanation);
        var reference = signal.Evidence["references"]!.AsArray().Single()!;
        Assert.Equal("Jane Doe", (string?)reference["name"]);
        Assert.Equal("acme-corp.co", (string?)reference["emailDomain"]);
        Assert.Equal("acme.com", (string?)reference["employerDomain"]);
        Assert.Equal(LookalikeDomains.Kinds.AddedWord, (string?)reference["likeness"]);
    }

    [Theory]
    [InlineData("jane@acrne.com", LookalikeDomains.Kinds.Homoglyph)]
    [InlineData("jane@acmee.com", LookalikeDomains.Kinds.Typo)]
    [InlineData("jane@acme.co", LookalikeDomains.Kinds.OtherSuffix)]
    [InlineData("jane@acme-hr.com", LookalikeDomains.Kinds.AddedWord)]
    [InlineData("jane@acmecorp.com", LookalikeDomains.Kinds.AddedWord)]
    [InlineData("jane@g1obex.com", LookalikeDomains.Kinds.Homoglyph)]
    public void Other_look_alikes_are_high(string email, string kind)
    {
        var employer = email.Contains("obex") ? "Globex Corporation" : "Acme Corp";
        var signal = Assert.Single(Run(Jane(email, employer)).Signals);

        Assert.Equal(("ID-08", Severity.High), (signal.IndicatorId, signal.Severity));
        Assert.Equal(kind, (string?)signal.Evidence["references"]![0]!["likeness"]);
    }

    [Theory]
    [InlineData("jane@acme.de")]
    [InlineData("jane@acme.co.uk")]
    public void The_same_name_under_a_country_domain_is_medium(string email)
    {
        var signal = Assert.Single(Run(Jane(email)).Signals);

        Assert.Equal(("ID-08", Severity.Medium), (signal.IndicatorId, signal.Severity));
        Assert.Contains("Companies do use country domains", signal.Explanation);
    }

    [Theory]
    [InlineData("jane@gmail.com")]
    [InlineData("jane@proton.me")]
    [InlineData("jane@outlook.com")]
    [InlineData("jane@163.com")]
    public void Free_webmail_for_a_named_employer_is_ID_11_low(string email)
    {
        var signal = Assert.Single(Run(Jane(email)).Signals);

        Assert.Equal(("ID-11", Severity.Low), (signal.IndicatorId, signal.Severity));
        Assert.Contains($"Jane Doe for Acme Corp: {email}", signal.Explanation);
        Assert.Equal("free-webmail", (string?)signal.Evidence["references"]![0]!["kind"]);
    }

    [Fact]
    public void A_disposable_reference_address_is_ID_11_medium()
    {
        var signal = Assert.Single(Run(Jane("jane@mailinator.com")).Signals);

        Assert.Equal(("ID-11", Severity.Medium), (signal.IndicatorId, signal.Severity));
        Assert.Equal("disposable", (string?)signal.Evidence["references"]![0]!["kind"]);
    }

    [Fact]
    public void Without_the_disposable_list_a_listed_webmail_domain_is_still_webmail()
    {
        var result = new ReferenceEmailCheck().Run(Context(Candidate with { References = [Jane("jane@mailinator.com")] },
            ContactData.Snapshot(Datasets.DisposableEmailDomains)));

        var signal = Assert.Single(result.Signals);
        Assert.Equal(("ID-11", Severity.Low), (signal.IndicatorId, signal.Severity));
        Assert.False((bool?)signal.Evidence["disposableListAvailable"]);
    }

    [Fact]
    public void All_webmail_references_make_one_signal_and_look_alikes_another()
    {
        var result = Run(
            Jane("jane@gmail.com"),
            new Reference { Name = "Raj Patel", Email = "raj.patel@yahoo.com", Employer = "Globex" },
            new Reference { Name = "Li Wei", Email = "li.wei@acme-corp.co", Employer = "Acme Corp." },
            new Reference { Name = "Ana Lima", Email = "ana@acme.com", Employer = "Acme Corporation" });

        Assert.Equal(["ID-08", "ID-11"], result.Signals.Select(s => s.IndicatorId));
        Assert.Single(result.Signals[0].Evidence["references"]!.AsArray());
        Assert.Equal(2, result.Signals[1].Evidence["references"]!.AsArray().Count);
        Assert.StartsWith("2 references who name an employer write", result.Signals[1].Explanation);
    }

    [Fact]
    public void A_webmail_provider_is_the_own_domain_of_its_staff()
    {
        // facebook.com and yahoo.com are on the free-webmail list; their own staff write from them.
        Assert.Empty(Run(new Reference { Name = "Sam Ito", Email = "sam@facebook.com", Employer = "Facebook" }).Signals);
        var withHistory = Candidate with
        {
            EmploymentHistory = [new() { Employer = "Yahoo Inc.", EmployerDomain = "yahoo.com" }],
            References = [new Reference { Name = "Sam Ito", Email = "sam@yahoo.com", Employer = "Yahoo" }],
        };
        Assert.Empty(new ReferenceEmailCheck().Run(Context(withHistory)).Signals);
    }

    [Fact]
    public void An_employer_domain_that_is_webmail_is_not_compared()
    {
        var d = Candidate with
        {
            EmploymentHistory = [new() { Employer = "Freelance", EmployerDomain = "gmail.com" }],
            References = [new Reference { Name = "Sam Ito", Email = "sam@gmall.com", Employer = "Freelance" }],
        };

        Assert.Empty(new ReferenceEmailCheck().Run(Context(d)).Signals);
    }

    [Fact]
    public void Not_evaluated_without_reference_emails()
    {
        Assert.Equal("The dossier has no reference with an email address.", Run().NotEvaluatedReason);
        Assert.Equal("The dossier has no reference with an email address.", Run(new Reference { Name = "Jane Doe", Phone = "+16502530000" }).NotEvaluatedReason);
    }

    [Fact]
    public void Not_evaluated_without_the_free_webmail_list()
    {
        var result = new ReferenceEmailCheck().Run(Context(Candidate with { References = [Jane("jane@acme-corp.co")] },
            ContactData.Snapshot(Datasets.FreeEmailDomains)));

        Assert.Equal("Reference dataset 'free-email-domains' is missing: Not found: test.", result.NotEvaluatedReason);
    }
}
