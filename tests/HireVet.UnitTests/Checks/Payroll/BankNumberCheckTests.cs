using HireVet.Application.Checks;
using HireVet.Application.Checks.Payroll;
using HireVet.Application.Dossiers;
using static HireVet.UnitTests.Checks.Payroll.PayrollTestData;

namespace HireVet.UnitTests.Checks.Payroll;

public sealed class BankNumberCheckTests
{
    private static CheckResult Run(Dossier d) => new BankNumberCheck().Run(Context(d));

    private static Dossier Routing(string routingNumber, string? bankCountry = "US") =>
        PaidTo(UsResident, UsResident.PayrollDestination! with { RoutingNumber = routingNumber, BankCountry = bankCountry });

    [Fact]
    public void A_real_routing_number_raises_nothing()
    {
        Assert.Equal(CheckResult.NotFired, Run(UsResident));
        Assert.Equal(CheckResult.NotFired, Run(Routing("011000015")));
    }

    [Fact]
    public void The_placeholder_routing_number_123456789_raises_PAY_04_medium()
    {
        var signal = Assert.Single(Run(Routing("123456789")).Signals);

        Assert.Equal("PAY-04", signal.IndicatorId);
        Assert.Equal(Severity.Medium, signal.Severity);
        Assert.Equal("The routing number 123456789 is not a valid US ABA routing number (its check digit does not match the other eight digits).", signal.Explanation);
        Assert.Equal("123456789", signal.Evidence["routingNumber"]!.GetValue<string>());
        Assert.Equal("••••0112", signal.Evidence["accountNumber"]!.GetValue<string>());
    }

    [Fact]
    public void A_nine_digit_routing_number_with_no_bank_country_is_held_to_ABA_rules()
    {
        Assert.Single(Run(Routing("123456789", bankCountry: null)).Signals);
        Assert.Equal(CheckResult.NotFired, Run(Routing("011000015", bankCountry: null)));
    }

    [Fact]
    public void A_bank_in_a_US_territory_uses_ABA_numbers_too()
    {
        Assert.Single(Run(Routing("123456789", bankCountry: "PR")).Signals);
        Assert.Equal(CheckResult.NotFired, Run(Routing("021502011", bankCountry: "PR")));
    }

    [Fact]
    public void Routing_numbers_of_other_countries_are_not_judged_by_US_rules()
    {
        // A UK sort code and a Canadian transit number.
        Assert.Contains("outside the US (GB)", Run(Routing("601613", bankCountry: "GB")).NotEvaluatedReason);
        Assert.NotNull(Run(Routing("000301234", bankCountry: "CA")).NotEvaluatedReason);
        Assert.Contains("6 digits", Run(Routing("601613", bankCountry: null)).NotEvaluatedReason);
    }

    [Fact]
    public void A_SWIFT_test_BIC_raises_PAY_04_medium()
    {
        var d = PaidTo(GermanResident, GermanResident.PayrollDestination! with { Bic = "COBADEF0" });
        var signal = Assert.Single(Run(d).Signals);
        Assert.Equal(Severity.Medium, signal.Severity);
        Assert.Equal("The BIC COBADEF0 is a SWIFT test-and-training code (its 8th character is 0), which cannot receive real payments.", signal.Explanation);
    }

    [Fact]
    public void A_BIC_naming_no_real_country_raises_PAY_04_medium()
    {
        var d = PaidTo(GermanResident, GermanResident.PayrollDestination! with { Bic = "COBAZZFF" });
        var signal = Assert.Single(Run(d).Signals);
        Assert.Equal("The BIC COBAZZFF cannot be a real bank's (its country code ZZ (characters 5–6) is not a country).", signal.Explanation);
    }

    [Fact]
    public void A_real_BIC_raises_nothing()
    {
        Assert.Equal(CheckResult.NotFired, Run(GermanResident));
    }

    [Fact]
    public void An_IBAN_with_wrong_check_digits_raises_PAY_04_medium()
    {
        var d = PaidTo(GermanResident, GermanResident.PayrollDestination! with { Iban = "DE89370400440532013001", Bic = null });
        var signal = Assert.Single(Run(d).Signals);

        Assert.Equal(("PAY-04", Severity.Medium), (signal.IndicatorId, signal.Severity));
        Assert.Equal("The IBAN ••••3001 cannot be a real account: its check digits do not match the rest (ISO 7064 mod 97-10).", signal.Explanation);
        Assert.Equal("••••3001", signal.Evidence["iban"]!.GetValue<string>());
    }

    [Fact]
    public void An_IBAN_alone_is_enough_to_evaluate_the_check()
    {
        var d = PaidTo(GermanResident, GermanResident.PayrollDestination! with { Bic = null });
        Assert.Equal(CheckResult.NotFired, Run(d));
    }

    [Fact]
    public void Without_an_IBAN_routing_number_or_BIC_the_check_is_not_evaluated()
    {
        var d = PaidTo(UsResident, new() { Method = "payment_platform", Platform = "Wise" });
        Assert.Equal("The payroll destination has no IBAN, routing number or BIC.", Run(d).NotEvaluatedReason);
        Assert.NotNull(Run(UsResident with { PayrollDestination = null }).NotEvaluatedReason);
    }
}
