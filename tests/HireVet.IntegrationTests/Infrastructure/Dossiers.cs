using HireVet.Application.Candidates;

namespace HireVet.IntegrationTests.Infrastructure;

/// <summary>Realistic dossiers for tests; each call gives a fresh externalId unless one is passed.</summary>
public static class Dossiers
{
    public static PostalAddress Austin => new() { Line1 = "18 Juniper Lane", City = "Austin", Region = "TX", PostalCode = "78704", Country = "US" };

    /// <summary>An honest candidate living at an address of their own (shared addresses are a signal).</summary>
    public static SubmitCandidate.Command Honest(string? externalId = null)
    {
        var home = Austin with { Line1 = $"{Random.Shared.Next(1, 99_999)} Juniper Lane" };
        return Honest(externalId, home, HomeIp());
    }

    private static SubmitCandidate.Command Honest(string? externalId, PostalAddress home, string homeIp) => new()
    {
        ExternalId = externalId ?? $"ats-{Guid.NewGuid():N}",
        Source = "Greenhouse",
        Role = "Backend engineer",
        LegalName = "Emily Carter",
        DateOfBirth = new DateOnly(1991, 4, 12),
        Email = $"emily.{Guid.NewGuid():N}@example.com",
        Phone = "+1 512 555 " + Random.Shared.Next(1000, 9999),
        ClaimedResidence = home,
        ClaimedTimeZone = "America/Chicago",
        IdentityDocument = new()
        {
            Type = "driver_licence", IssuingCountry = "US", Number = "TX" + Random.Shared.Next(1_000_000, 9_999_999),
            NameOnDocument = "Emily R. Carter", DateOfBirth = new DateOnly(1991, 4, 12), Address = home,
        },
        PayrollDestination = new()
        {
            Method = "bank_transfer", AccountHolderName = "Emily Carter", BankName = "Frost Bank", BankCountry = "US",
            AccountNumber = Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(), RoutingNumber = "114000093",
        },
        EquipmentShipping = new() { RecipientName = "Emily Carter", Address = home },
        // A Comcast (AS7922) home connection in the US, a different one for every candidate.
        NetworkObservations = [new() { Ip = homeIp, ObservedAt = DateTimeOffset.UtcNow.AddDays(-2), Context = "application", DeviceTimeZone = "America/Chicago" }],
        Interviews = [new() { At = DateTimeOffset.UtcNow.AddDays(-1), CameraOn = true, Ip = homeIp }],
    };

    private static string HomeIp() => $"73.{Random.Shared.Next(0, 256)}.{Random.Shared.Next(0, 256)}.{Random.Shared.Next(1, 255)}";

    /// <summary>Pay goes to an account held by somebody else (PAY-04).</summary>
    public static SubmitCandidate.Command PayeeMismatch(string? externalId = null)
    {
        var d = Honest(externalId);
        return d with { PayrollDestination = d.PayrollDestination! with { AccountHolderName = "Christina Moore" } };
    }
}
