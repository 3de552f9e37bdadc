using HireVet.Application.Checks;
using HireVet.Application.Checks.Payroll;
using HireVet.Application.Dossiers;
using static HireVet.UnitTests.Checks.Payroll.PayrollTestData;

namespace HireVet.UnitTests.Checks.Payroll;

public sealed class MoneyTransferPlatformCheckTests
{
    private static CheckResult Run(Dossier d) => new MoneyTransferPlatformCheck().Run(Context(d));

    [Fact]
    public void A_bank_transfer_to_an_ordinary_bank_raises_nothing()
    {
        Assert.Equal(CheckResult.NotFired, Run(UsResident));
    }

    [Fact]
    public void A_Wise_payout_raises_PAY_03_low()
    {
        var d = PaidTo(UsResident, new() { Method = "payment_platform", Platform = "Wise", PlatformAccountEmail = "emily.carter@example.com", AccountHolderName = "Emily Carter" });

        var signal = Assert.Single(Run(d).Signals);

        Assert.Equal("PAY-03", signal.IndicatorId);
        Assert.Equal(Severity.Low, signal.Severity);
        Assert.Equal("Pay would go through Wise, a money-transfer or e-money service, rather than a bank account.", signal.Explanation);
        Assert.Equal("Wise", signal.Evidence["service"]!.GetValue<string>());
        Assert.Equal("platform", signal.Evidence["matchedIn"]!.GetValue<string>());
        Assert.False(signal.Evidence["prcLinked"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("TransferWise", "Wise")]
    [InlineData("payoneer", "Payoneer")]
    [InlineData("PAYPAL", "PayPal")]
    [InlineData("Western Union", "Western Union")]
    [InlineData("Moneygram International", "MoneyGram")]
    [InlineData("Revolut Ltd", "Revolut")]
    public void Platform_names_are_recognised_whatever_their_case_or_spacing(string platform, string service)
    {
        var d = PaidTo(UsResident, new() { Method = "payment_platform", Platform = platform });
        Assert.Equal(service, Assert.Single(Run(d).Signals).Evidence["service"]!.GetValue<string>());
    }

    [Fact]
    public void A_bank_transfer_to_an_account_held_at_Wise_is_recognised_by_the_bank_name()
    {
        var d = PaidTo(UsResident, UsResident.PayrollDestination! with { BankName = "Wise Payments Limited" });
        var signal = Assert.Single(Run(d).Signals);
        Assert.Equal("bankName", signal.Evidence["matchedIn"]!.GetValue<string>());
        Assert.Equal(Severity.Low, signal.Severity);
    }

    [Theory]
    [InlineData("Alipay", "Alipay")]
    [InlineData("WeChat Pay", "WeChat Pay")]
    [InlineData("Weixin Pay", "WeChat Pay")]
    public void PRC_linked_services_are_marked_in_the_evidence_but_stay_low(string platform, string service)
    {
        var signal = Assert.Single(Run(PaidTo(UsResident, new() { Method = "payment_platform", Platform = platform })).Signals);
        Assert.Equal(service, signal.Evidence["service"]!.GetValue<string>());
        Assert.True(signal.Evidence["prcLinked"]!.GetValue<bool>());
        Assert.Equal(Severity.Low, signal.Severity);
    }

    [Fact]
    public void An_unlisted_payment_platform_still_raises_PAY_03_low_naming_it()
    {
        var signal = Assert.Single(Run(PaidTo(UsResident, new() { Method = "payment_platform", Platform = "Deel" })).Signals);
        Assert.Equal("Pay would go through a payment platform (Deel) rather than a bank account.", signal.Explanation);
        Assert.Null(signal.Evidence["service"]);
    }

    [Theory]
    [InlineData("Wiseman Savings Bank")]
    [InlineData("Otherwise Credit Union")]
    [InlineData("First Union Bank")]
    public void Bank_names_that_merely_contain_a_service_name_are_not_matched(string bankName)
    {
        Assert.Equal(CheckResult.NotFired, Run(PaidTo(UsResident, UsResident.PayrollDestination! with { BankName = bankName })));
    }

    [Fact]
    public void Without_a_payroll_destination_the_check_is_not_evaluated()
    {
        Assert.NotNull(Run(UsResident with { PayrollDestination = null }).NotEvaluatedReason);
    }
}
