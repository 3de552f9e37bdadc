using HireVet.Application.Checks;
using HireVet.Application.Dossiers;

namespace HireVet.UnitTests.Checks;

internal static class CheckTestData
{
    public static PostalAddress Home => new() { Line1 = "18 Juniper Lane", City = "Austin", Region = "TX", PostalCode = "78704", Country = "US" };

    public static Dossier Honest => new()
    {
        ExternalId = "c-1",
        LegalName = "Kim Sang Man",
        OtherNames = ["Sam Kim"],
        ClaimedResidence = Home,
        IdentityDocument = new() { Type = "passport", IssuingCountry = "US", Number = "567120934", NameOnDocument = "KIM SANGMAN", Address = Home },
        PayrollDestination = new() { Method = "bank_transfer", AccountHolderName = "Sang-Man Kim", AccountNumber = "884400112", RoutingNumber = "325070760" },
        EquipmentShipping = new() { RecipientName = "Sam Kim", Address = Home with { Line1 = "18 Juniper Ln." } },
    };

    public static VettingContext Context(Dossier d, params SharedIdentifier[] shared) => new(1, d, shared);
}
