using System.Globalization;
using HireVet.Application.Candidates;
using HireVet.Application.Dossiers;

namespace HireVet.IntegrationTests.Infrastructure;

/// <summary>Realistic dossiers for tests; each call gives a fresh externalId unless one is passed.</summary>
public static class Dossiers
{
    // Numbers the identifiers and addresses made up here. Random ones collided: two dossiers of a test shared a phone
    // (1 in 9,000 a pair) and were flagged LINK-02; a counter keeps every identifier distinct within a test run.
    private static int _sequence;

    public static PostalAddress Austin => new() { Line1 = "18 Juniper Lane", City = "Austin", Region = "TX", PostalCode = "78704", Country = "US" };

    /// <summary>An address in Austin on the street given that no other dossier of the test run has.</summary>
    public static PostalAddress AddressOfItsOwn(string street) => Austin with { Line1 = $"{100 + Interlocked.Increment(ref _sequence) % 90_000} {street}" };

    /// <summary>An honest candidate living at an address of their own (shared addresses are a signal).</summary>
    public static SubmitCandidate.Command Honest(string? externalId = null)
    {
        var n = Interlocked.Increment(ref _sequence);
        // Street numbers from 100 up, clear of Austin's 18 Juniper Lane, the fixed address tests build on.
        var home = Austin with { Line1 = $"{100 + n % 90_000} Juniper Lane" };
        return Honest(externalId, n, home, $"73.{n / 254 / 256 % 256}.{n / 254 % 256}.{n % 254 + 1}");
    }

    private static SubmitCandidate.Command Honest(string? externalId, int n, PostalAddress home, string homeIp) => new()
    {
        ExternalId = externalId ?? $"ats-{Guid.NewGuid():N}",
        Source = "Greenhouse",
        Role = "Backend engineer",
        LegalName = "Emily Carter",
        DateOfBirth = new DateOnly(1991, 4, 12),
        Email = $"emily.{Guid.NewGuid():N}@example.com",
        Phone = "+1 512 555 " + (1000 + n % 9000),
        ClaimedResidence = home,
        ClaimedTimeZone = "America/Chicago",
        IdentityDocument = new()
        {
            Type = "driver_licence", IssuingCountry = "US", Number = "TX" + (1_000_000 + n % 9_000_000),
            NameOnDocument = "Emily R. Carter", DateOfBirth = new DateOnly(1991, 4, 12), Address = home,
        },
        PayrollDestination = new()
        {
            Method = "bank_transfer", AccountHolderName = "Emily Carter", BankName = "Frost Bank", BankCountry = "US",
            AccountNumber = (100_000_000 + n % 900_000_000).ToString(CultureInfo.InvariantCulture), RoutingNumber = "114000093",
        },
        EquipmentShipping = new() { RecipientName = "Emily Carter", Address = home },
        // A Comcast (AS7922) home connection in the US, a different one for every candidate.
        NetworkObservations = [new() { Ip = homeIp, ObservedAt = DateTimeOffset.UtcNow.AddDays(-2), Context = "application", DeviceTimeZone = "America/Chicago" }],
        Interviews = [new() { At = DateTimeOffset.UtcNow.AddDays(-1), CameraOn = true, Ip = homeIp }],
    };

    /// <summary>Pay goes to an account held by somebody else (PAY-04).</summary>
    /// <summary>A ring member: honest but for the bank account and phone it may share with others (no ID document or
    /// shipping, so that nothing else links them).</summary>
    public static SubmitCandidate.Command RingMember(string name, string account, string phone) => Honest() with
    {
        LegalName = name,
        Phone = phone,
        PayrollDestination = new() { Method = "bank_transfer", AccountHolderName = name, AccountNumber = account, RoutingNumber = "064000017" },
        EquipmentShipping = null,
        IdentityDocument = null,
    };

    public static SubmitCandidate.Command PayeeMismatch(string? externalId = null)
    {
        var d = Honest(externalId);
        return d with { PayrollDestination = d.PayrollDestination! with { AccountHolderName = "Christina Moore" } };
    }
}
