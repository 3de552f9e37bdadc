using HireVet.Application.Checks;
using HireVet.Application.Dossiers;
using HireVet.Application.Vetting;

namespace HireVet.UnitTests.Vetting;

/// <summary>Dossiers that differ only in where a name comes from must be assessed alike.</summary>
public sealed class FairnessTests
{
    private static Dossier Person(string legal, string other, string holder, string recipient, string onDocument) => new()
    {
        ExternalId = "f-1",
        LegalName = legal,
        OtherNames = [other],
        ClaimedResidence = new() { Line1 = "5 Oak Street", City = "Columbus", Region = "OH", PostalCode = "43215", Country = "US" },
        IdentityDocument = new() { Type = "driver_licence", IssuingCountry = "US", Number = "OH1234567", NameOnDocument = onDocument },
        PayrollDestination = new() { Method = "bank_transfer", AccountHolderName = holder, AccountNumber = "123456789", RoutingNumber = "044000037" },
        EquipmentShipping = new() { RecipientName = recipient, Address = new() { Line1 = "5 Oak St", City = "Columbus", PostalCode = "43215", Country = "US" } },
        ClaimedTimeZone = "America/New_York",
        NetworkObservations = [new() { Ip = "73.162.10.20", ObservedAt = new DateTimeOffset(2026, 11, 16, 15, 0, 0, TimeSpan.Zero), DeviceTimeZone = "America/New_York" }],
        DateOfBirth = new DateOnly(1990, 5, 1),
    };

    public static TheoryData<Dossier, Dossier> Pairs => new()
    {
        // same structure: legal name, nickname, payee written in another order, recipient by nickname, document in capitals
        { Person("Park Min-jun", "Mike Park", "Minjun Park", "Mike Park", "PARK MINJUN"),
          Person("Sean O'Brien", "Shay O'Brien", "O'Brien Sean", "Shay O'Brien", "SEAN OBRIEN") },
        // and the same misrepresentation: pay to a third party
        { Person("Park Min-jun", "Mike Park", "Laura Jenkins", "Mike Park", "PARK MINJUN"),
          Person("Sean O'Brien", "Shay O'Brien", "Laura Jenkins", "Shay O'Brien", "SEAN OBRIEN") },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Names_of_different_origin_get_the_same_score_band_and_indicators(Dossier korean, Dossier irish)
    {
        // With the real reference data: sanctions screening is where a name's origin could leak into a score.
        var a = VettingEngine.Default.Assess(new VettingContext(1, korean, [], Checks.TestReferenceData.Snapshot));
        var b = VettingEngine.Default.Assess(new VettingContext(2, irish, [], Checks.TestReferenceData.Snapshot));

        Assert.Equal((a.Score, a.Band), (b.Score, b.Band));
        Assert.Equal(a.Signals.Select(s => s.IndicatorId), b.Signals.Select(s => s.IndicatorId));
        Assert.Equal(a.Trace.Select(t => t.Outcome), b.Trace.Select(t => t.Outcome));
        Assert.DoesNotContain(a.Trace, t => t.Outcome == "not_evaluated" && t.Check is "sanctions-screening" or "network-origin");
    }
}
