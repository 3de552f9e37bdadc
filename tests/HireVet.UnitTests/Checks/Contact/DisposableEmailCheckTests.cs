using HireVet.Application.Checks;
using HireVet.Application.Checks.Contact;
using HireVet.Application.ReferenceData;
using HireVet.UnitTests.ReferenceData.Contact;
using static HireVet.UnitTests.Checks.Contact.ContactCheckData;

namespace HireVet.UnitTests.Checks.Contact;

public class DisposableEmailCheckTests
{
    private static CheckResult Run(string? email, string? platformEmail = null) => new DisposableEmailCheck().Run(Context(Candidate with
    {
        Email = email,
        PayrollDestination = platformEmail is null ? null : new() { Method = "payment_platform", Platform = "Payoneer", PlatformAccountEmail = platformEmail },
    }));

    [Theory]
    [InlineData("dana@mailinator.com", "mailinator.com")]
    [InlineData("dana@inbox.mailinator.com", "mailinator.com")]
    [InlineData("dana@yopmail.com", "yopmail.com")]
    [InlineData("dana@guerrillamail.com", "guerrillamail.com")]
    public void A_disposable_address_is_medium(string email, string listed)
    {
        var signal = Assert.Single(Run(email).Signals);

        Assert.Equal(("ID-12", Severity.Medium), (signal.IndicatorId, signal.Severity));
        Assert.Contains($"email address {email}", signal.Explanation);
        var address = signal.Evidence["addresses"]!.AsArray().Single()!;
        Assert.Equal(("email", email, listed), ((string?)address["field"], (string?)address["email"], (string?)address["listedDomain"]));
    }

    [Theory]
    [InlineData("dana.whitfield@gmail.com")]
    [InlineData("dana@proton.me")]
    [InlineData("dana@protonmail.com")]
    [InlineData("dana@outlook.com")]
    [InlineData("dana@qq.com")]
    [InlineData("dana@acme.com")]
    public void Free_webmail_and_company_addresses_raise_nothing(string email)
    {
        var result = Run(email);

        Assert.Null(result.NotEvaluatedReason);
        Assert.Empty(result.Signals);
    }

    [Fact]
    public void A_disposable_payment_platform_email_counts_too()
    {
        var signal = Assert.Single(Run("dana@gmail.com", "payouts@mailinator.com").Signals);

        Assert.Contains("payment-platform account email payouts@mailinator.com", signal.Explanation);
        Assert.Equal("payrollDestination.platformAccountEmail", (string?)signal.Evidence["addresses"]![0]!["field"]);
    }

    [Fact]
    public void Both_addresses_make_one_signal()
    {
        var signal = Assert.Single(Run("dana@mailinator.com", "dana@yopmail.com").Signals);

        Assert.Equal(2, signal.Evidence["addresses"]!.AsArray().Count);
        Assert.Contains(" are on a disposable", signal.Explanation);
    }

    [Fact]
    public void Not_evaluated_without_an_email() => Assert.Equal("The dossier has no email address.", Run(null).NotEvaluatedReason);

    [Fact]
    public void Not_evaluated_without_the_list()
    {
        var result = new DisposableEmailCheck().Run(Context(Candidate, ContactData.Snapshot(Datasets.DisposableEmailDomains)));

        Assert.Equal("Reference dataset 'disposable-email-domains' is missing: Not found: test.", result.NotEvaluatedReason);
    }
}
