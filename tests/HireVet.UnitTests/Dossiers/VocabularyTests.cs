using HireVet.Application.Dossiers;

namespace HireVet.UnitTests.Dossiers;

public sealed class VocabularyTests
{
    [Theory]
    [InlineData("driver_licence", "driver_licence")]
    [InlineData("driver_license", "driver_licence")]
    [InlineData("Driver's License", "driver_licence")]
    [InlineData("driving-licence", "driver_licence")]
    [InlineData("ID card", "national_id")]
    [InlineData("Green Card", "residence_permit")]
    [InlineData("PASSPORT", "passport")]
    public void Document_types_in_their_common_spellings_become_the_canonical_value(string given, string canonical) =>
        Assert.Equal(canonical, Vocabulary.DocumentTypes.Canonical(given));

    [Theory]
    [InlineData("Direct Deposit", "bank_transfer")]
    [InlineData("ACH", "bank_transfer")]
    [InlineData("wire", "bank_transfer")]
    [InlineData("PayPal", "payment_platform")]
    [InlineData("e-wallet", "payment_platform")]
    [InlineData("cryptocurrency", "crypto")]
    [InlineData("cheque", "check")]
    public void Payroll_methods_in_their_common_spellings_become_the_canonical_value(string given, string canonical) =>
        Assert.Equal(canonical, Vocabulary.PayrollMethods.Canonical(given));

    [Theory]
    [InlineData("LinkedIn", "linkedin")]
    [InlineData("GitHub.com", "github")]
    [InlineData("Stack Overflow", "stackoverflow")]
    [InlineData("personal website", "portfolio")]
    public void Profile_kinds_in_their_common_spellings_become_the_canonical_value(string given, string canonical) =>
        Assert.Equal(canonical, Vocabulary.ProfileKinds.Canonical(given));

    [Theory]
    [InlineData("carrier pigeon")]
    [InlineData("")]
    [InlineData(null)]
    public void What_names_no_known_value_stays_unknown(string? given)
    {
        Assert.Null(Vocabulary.DocumentTypes.Canonical(given));
        Assert.Null(Vocabulary.PayrollMethods.Canonical(given));
        Assert.Null(Vocabulary.ProfileKinds.Canonical(given));
    }
}
