using HireVet.Application.Checks;
using HireVet.Application.Checks.Payroll;
using HireVet.Application.Dossiers;
using HireVet.Application.ReferenceData;
using static HireVet.UnitTests.ReferenceData.Banking.IbanData;
using static HireVet.UnitTests.Checks.Payroll.PayrollTestData;

namespace HireVet.UnitTests.Checks.Payroll;

public sealed class IbanStructureCheckTests
{
    private static readonly ReferenceSnapshot WithoutSpecs = new(
        [new DatasetInfo { Name = Datasets.IbanSpecs, Status = "missing", Error = "Not found: ibantools.js" }],
        new Dictionary<string, object>());

    private static CheckResult Run(Dossier d, ReferenceSnapshot? reference = null) =>
        new IbanStructureCheck().Run(new VettingContext(1, d, [], reference ?? TestReferenceData.Snapshot));

    private static Dossier PaidInto(string iban, string? bic = null) =>
        PaidTo(GermanResident, GermanResident.PayrollDestination! with { Iban = iban, Bic = bic });

    [Fact]
    public void A_real_German_IBAN_raises_nothing()
    {
        Assert.Equal(CheckResult.NotFired, Run(GermanResident));
        Assert.Equal(CheckResult.NotFired, Run(PaidInto("GB82WEST12345698765432", "NWBKGB2L")));
    }

    [Fact]
    public void A_German_IBAN_of_the_wrong_length_raises_PAY_04_medium_with_the_expected_length()
    {
        var signal = Assert.Single(Run(PaidInto(WithCheckDigits("DE", "3704004405320130001"))).Signals);

        Assert.Equal(("PAY-04", Severity.Medium), (signal.IndicatorId, signal.Severity));
        Assert.Equal("The IBAN ••••0001 cannot be a real account: it has 23 characters where DE IBANs have 22.", signal.Explanation);
        Assert.Equal("wrong length", signal.Evidence["problem"]!.GetValue<string>());
        Assert.Equal(22, signal.Evidence["expectedLength"]!.GetValue<int>());
        Assert.Equal(23, signal.Evidence["ibanLength"]!.GetValue<int>());
        Assert.Equal("18 digits", signal.Evidence["expectedBbanFormat"]!.GetValue<string>());
        Assert.Equal("••••0001", signal.Evidence["iban"]!.GetValue<string>());
    }

    [Fact]
    public void A_UK_IBAN_whose_bank_code_is_digits_raises_PAY_04_medium_naming_the_format()
    {
        var signal = Assert.Single(Run(PaidInto(WithCheckDigits("GB", "60161331926819" + "1234"))).Signals);

        Assert.Equal(Severity.Medium, signal.Severity);
        Assert.Contains("GB IBANs have 4 letters, then 14 digits after the country code and check digits, but character 5, in the bank code, is not a letter",
            signal.Explanation);
        Assert.Equal("wrong BBAN format", signal.Evidence["problem"]!.GetValue<string>());
        Assert.Equal("^[A-Z]{4}[0-9]{14}$", signal.Evidence["bbanPattern"]!.GetValue<string>());
        Assert.Equal(5, signal.Evidence["position"]!.GetValue<int>());
        Assert.True(signal.Evidence["inIbanRegistry"]!.GetValue<bool>());
    }

    [Fact]
    public void An_IBAN_of_a_country_that_has_none_raises_PAY_04_medium()
    {
        var signal = Assert.Single(Run(PaidTo(UsResident, UsResident.PayrollDestination! with { Iban = WithCheckDigits("US", "021000021884400112") })).Signals);

        Assert.Equal(Severity.Medium, signal.Severity);
        Assert.EndsWith("cannot be a real account: US has no IBANs: its banks use national account numbers.", signal.Explanation);
        Assert.Equal(("country has no IBAN", "US"), (signal.Evidence["problem"]!.GetValue<string>(), signal.Evidence["ibanCountry"]!.GetValue<string>()));
        Assert.Null(signal.Evidence["expectedLength"]);
    }

    [Fact]
    public void Without_the_IBAN_formats_the_structure_is_not_evaluated_but_the_check_digits_still_are()
    {
        var wrongShape = PaidInto(WithCheckDigits("DE", "3704004405320130001"));
        var wrongDigits = PaidInto("DE89370400440532013001");

        Assert.Equal("Reference dataset 'iban-specs' is missing: Not found: ibantools.js.", Run(wrongShape, WithoutSpecs).NotEvaluatedReason);
        Assert.Equal(CheckResult.NotFired, new BankNumberCheck().Run(new VettingContext(1, wrongShape, [], WithoutSpecs)));
        var signal = Assert.Single(new BankNumberCheck().Run(new VettingContext(1, wrongDigits, [], WithoutSpecs)).Signals);
        Assert.Equal("The IBAN ••••3001 cannot be a real account: its check digits do not match the rest (ISO 7064 mod 97-10).", signal.Explanation);
    }

    [Fact]
    public void Without_an_IBAN_the_check_is_not_evaluated()
    {
        Assert.Equal("The payroll destination has no IBAN.", Run(UsResident).NotEvaluatedReason);
        Assert.NotNull(Run(UsResident with { PayrollDestination = null }).NotEvaluatedReason);
    }
}
