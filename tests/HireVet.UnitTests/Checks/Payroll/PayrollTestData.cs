using HireVet.Application.Checks;
using HireVet.Application.Dossiers;

namespace HireVet.UnitTests.Checks.Payroll;

internal static class PayrollTestData
{
    public static PostalAddress Austin => new() { Line1 = "18 Juniper Lane", City = "Austin", Region = "TX", PostalCode = "78704", Country = "US" };
    public static PostalAddress Berlin => new() { Line1 = "Kastanienallee 12", City = "Berlin", PostalCode = "10435", Country = "DE" };

    /// <summary>A US resident paid by bank transfer to a US account with a real routing number.</summary>
    public static Dossier UsResident => new()
    {
        ExternalId = "p-1",
        LegalName = "Emily Carter",
        ClaimedResidence = Austin,
        IdentityDocument = new() { Type = "driver_licence", IssuingCountry = "US", Number = "TX04418812", NameOnDocument = "EMILY CARTER", Address = Austin },
        PayrollDestination = new()
        {
            Method = "bank_transfer", AccountHolderName = "Emily Carter", BankName = "JPMorgan Chase Bank", BankCountry = "US",
            AccountNumber = "884400112", RoutingNumber = "021000021",
        },
    };

    /// <summary>A German resident paid to a German IBAN.</summary>
    public static Dossier GermanResident => new()
    {
        ExternalId = "p-2",
        LegalName = "Jonas Becker",
        ClaimedResidence = Berlin,
        PayrollDestination = new()
        {
            Method = "bank_transfer", AccountHolderName = "Jonas Becker", BankName = "Commerzbank", BankCountry = "DE",
            Iban = "DE89370400440532013000", Bic = "COBADEFF",
        },
    };

    public static Dossier PaidTo(Dossier d, PayrollDestination pay) => d with { PayrollDestination = pay };

    public static VettingContext Context(Dossier d) => new(1, d, []);
}
