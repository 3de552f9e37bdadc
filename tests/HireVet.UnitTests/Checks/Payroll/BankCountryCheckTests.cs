using HireVet.Application.Checks;
using HireVet.Application.Checks.Payroll;
using HireVet.Application.Dossiers;
using static HireVet.UnitTests.Checks.Payroll.PayrollTestData;

namespace HireVet.UnitTests.Checks.Payroll;

public sealed class BankCountryCheckTests
{
    private static CheckResult Run(Dossier d) => new BankCountryCheck().Run(Context(d));

    [Fact]
    public void A_US_resident_paid_to_a_US_bank_raises_nothing()
    {
        Assert.Equal(CheckResult.NotFired, Run(UsResident));
    }

    [Fact]
    public void A_German_resident_paid_to_a_German_IBAN_raises_nothing()
    {
        Assert.Equal(CheckResult.NotFired, Run(GermanResident));
    }

    [Fact]
    public void A_US_resident_paid_to_a_bank_in_mainland_China_raises_PAY_02_high()
    {
        // Chinese banks have no IBAN: the BIC (Bank of China, Beijing) is what places the account.
        var d = PaidTo(UsResident, new()
        {
            Method = "bank_transfer", AccountHolderName = "Emily Carter", BankName = "Bank of China", Bic = "BKCHCNBJ",
            AccountNumber = "6217850100012345678",
        });

        var signal = Assert.Single(Run(d).Signals);

        Assert.Equal("PAY-02", signal.IndicatorId);
        Assert.Equal(Severity.High, signal.Severity);
        Assert.Equal("Pay would go to a bank in CN (from the BIC) although the candidate says they live in US; " +
            "the advisories single out payments to PRC-based bank accounts.", signal.Explanation);
        Assert.Equal("CN", signal.Evidence["bankCountry"]!.GetValue<string>());
        Assert.Equal("bic", signal.Evidence["bankCountrySource"]!.GetValue<string>());
        Assert.Equal("US", signal.Evidence["residenceCountry"]!.GetValue<string>());
    }

    [Fact]
    public void A_Hong_Kong_bank_for_a_US_resident_is_also_high()
    {
        var d = PaidTo(UsResident, new() { Method = "bank_transfer", BankName = "HSBC", Bic = "HSBCHKHHHKH", BankCountry = "HK" });
        var signal = Assert.Single(Run(d).Signals);
        Assert.Equal(Severity.High, signal.Severity);
        Assert.Equal("HK", signal.Evidence["bankCountry"]!.GetValue<string>());
    }

    [Fact]
    public void A_US_resident_paid_to_a_bank_in_another_country_raises_PAY_02_medium_from_the_declared_country()
    {
        var d = PaidTo(UsResident, new() { Method = "bank_transfer", BankName = "BBVA México", BankCountry = "MX", AccountNumber = "012180001234567897" });

        var signal = Assert.Single(Run(d).Signals);

        Assert.Equal(Severity.Medium, signal.Severity);
        Assert.Equal("Pay would go to a bank in MX (from the declared bank country) although the candidate says they live in US.", signal.Explanation);
        Assert.Equal("declared", signal.Evidence["bankCountrySource"]!.GetValue<string>());
    }

    [Fact]
    public void A_German_resident_with_a_German_IBAN_and_a_British_BIC_has_contradicting_bank_details()
    {
        var d = PaidTo(GermanResident, GermanResident.PayrollDestination! with { Bic = "NWBKGB2L" });

        var signal = Assert.Single(Run(d).Signals);

        Assert.Equal("PAY-02", signal.IndicatorId);
        Assert.Equal(Severity.Medium, signal.Severity);
        Assert.Equal("The bank details contradict each other: the IBAN says DE, the BIC says GB and the declared bank country says DE.", signal.Explanation);
        Assert.Equal("DE", signal.Evidence["ibanCountry"]!.GetValue<string>());
        Assert.Equal("GB", signal.Evidence["bicCountry"]!.GetValue<string>());
        Assert.DoesNotContain("DE89370400440532013000", signal.Evidence.ToJsonString());
        Assert.Equal("••••3000", signal.Evidence["iban"]!.GetValue<string>());
    }

    [Fact]
    public void Contradicting_details_that_also_disagree_with_the_residence_raise_both_signals()
    {
        var d = PaidTo(UsResident, new() { Method = "bank_transfer", Iban = "DE89370400440532013000", Bic = "NWBKGB2L" });

        var signals = Run(d).Signals;

        Assert.Equal(2, signals.Count);
        Assert.Contains(signals, s => s.Explanation.StartsWith("The bank details contradict each other", StringComparison.Ordinal));
        Assert.Contains(signals, s => s.Explanation.StartsWith("Pay would go to a bank in DE (from the IBAN)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_German_resident_with_a_Lithuanian_IBAN_is_only_low_because_EEA_accounts_are_interchangeable()
    {
        // Revolut and other EEA e-money banks give Lithuanian IBANs to customers across the EEA.
        var d = PaidTo(GermanResident, new() { Method = "bank_transfer", BankName = "Revolut Bank UAB", Iban = "LT121000011101001000" });

        var signal = Assert.Single(Run(d).Signals);

        Assert.Equal(Severity.Low, signal.Severity);
        Assert.EndsWith("both are in the EEA, where an account in another member state is common.", signal.Explanation);
    }

    [Theory]
    [InlineData("JE", "GB29NWBK60161331926819", null)] // Jersey banks use GB IBANs
    [InlineData("PR", null, "US")] // Puerto Rico banks clear through the Fed
    [InlineData("RE", "FR1420041010050500013M02606", null)] // Réunion uses FR IBANs
    public void A_territory_and_the_banking_system_it_belongs_to_are_not_a_mismatch(string residence, string? iban, string? bankCountry)
    {
        var d = UsResident with
        {
            ClaimedResidence = Austin with { Country = residence },
            PayrollDestination = new() { Method = "bank_transfer", Iban = iban, BankCountry = bankCountry },
        };
        Assert.Equal(CheckResult.NotFired, Run(d));
    }

    [Fact]
    public void Without_any_bank_country_the_check_is_not_evaluated()
    {
        var d = PaidTo(UsResident, new() { Method = "crypto", WalletTicker = "XBT", WalletAddress = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4" });
        Assert.NotNull(Run(d).NotEvaluatedReason);
        Assert.NotNull(Run(UsResident with { PayrollDestination = null }).NotEvaluatedReason);
    }

    [Fact]
    public void Without_a_residence_country_only_a_contradiction_can_fire()
    {
        Assert.NotNull(Run(GermanResident with { ClaimedResidence = null }).NotEvaluatedReason);

        var contradicting = GermanResident with { ClaimedResidence = null, PayrollDestination = GermanResident.PayrollDestination! with { Bic = "NWBKGB2L" } };
        var signal = Assert.Single(Run(contradicting).Signals);
        Assert.StartsWith("The bank details contradict each other", signal.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_and_the_identity_document_country_never_change_the_result()
    {
        // Only the candidate's own declarations are compared: who the candidate is plays no part.
        var pay = new PayrollDestination { Method = "bank_transfer", Bic = "BKCHCNBJ", AccountNumber = "6217850100012345678" };
        var a = PaidTo(UsResident, pay) with { LegalName = "Emily Carter" };
        var b = PaidTo(UsResident, pay) with
        {
            LegalName = "Wei Zhang",
            IdentityDocument = UsResident.IdentityDocument! with { IssuingCountry = "CN", Type = "passport", NameOnDocument = "ZHANG WEI" },
        };

        var ra = Assert.Single(Run(a).Signals);
        var rb = Assert.Single(Run(b).Signals);
        Assert.Equal((ra.Severity, ra.Explanation, ra.Evidence.ToJsonString()), (rb.Severity, rb.Explanation, rb.Evidence.ToJsonString()));
    }
}
