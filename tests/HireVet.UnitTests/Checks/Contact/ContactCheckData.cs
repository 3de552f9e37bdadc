using HireVet.Application.Checks;
using HireVet.Application.Dossiers;
using HireVet.Application.ReferenceData;
using HireVet.UnitTests.ReferenceData.Contact;

namespace HireVet.UnitTests.Checks.Contact;

internal static class ContactCheckData
{
    public static PostalAddress Home(string country = "US") => new() { Line1 = "18 Juniper Lane", City = "Austin", Region = "TX", PostalCode = "78704", Country = country };

    public static Dossier Candidate => new()
    {
        ExternalId = "c-1",
        LegalName = "Dana Whitfield",
        Email = "dana.whitfield@gmail.com",
        Phone = "+16502530000",
        ClaimedResidence = Home(),
        EmploymentHistory =
        [
            new() { Employer = "Acme Corp", EmployerDomain = "acme.com", Title = "Engineer", StartedOn = new DateOnly(2019, 1, 1), EndedOn = new DateOnly(2023, 6, 30) },
            new() { Employer = "Globex Corporation", EmployerDomain = "https://www.globex.com/", Title = "Developer", StartedOn = new DateOnly(2016, 2, 1), EndedOn = new DateOnly(2018, 12, 31) },
        ],
    };

    public static Reference Jane(string email, string? employer = "Acme Corp") => new() { Name = "Jane Doe", Email = email, Employer = employer, Relationship = "manager" };

    public static VettingContext Context(Dossier d, ReferenceSnapshot? reference = null) => new(1, d, [], reference ?? ContactData.Snapshot());
}
