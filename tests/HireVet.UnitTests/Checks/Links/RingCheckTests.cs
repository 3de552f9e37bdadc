using System.Text.Json;
using HireVet.Application.Checks;
using HireVet.Application.Checks.Links;
using HireVet.Application.Dossiers;
using static HireVet.UnitTests.Checks.CheckTestData;

namespace HireVet.UnitTests.Checks.Links;

public sealed class RingCheckTests
{
    private const string Comcast = "73.162.10.20";

    private static readonly PostalAddress Elsewhere = Home with { Line1 = "1 Other Road", PostalCode = "78701" };

    private static Dossier ShipsHome => Honest with { EquipmentShipping = Honest.EquipmentShipping! with { Address = Home } };

    private static SharedIdentifier Shared(string kind, string display, long other, PostalAddress residence) => new()
    {
        Kind = kind, Display = display, OtherCandidateId = other, OtherExternalId = $"ext-{other}", OtherLegalName = $"Person {other}",
        OtherStatus = "clear", OtherResidence = JsonSerializer.Serialize(residence, DossierJson.Options),
    };

    private static CandidateGraph.Graph Ring(params (long From, long To, string Kind)[] edges) => new(1,
        [.. edges.SelectMany(e => new[] { e.From, e.To }).Distinct().Select(id => new CandidateGraph.Node { Id = id, ExternalId = $"ext-{id}", Status = "clear" })],
        [.. edges.Select(e => new CandidateGraph.Edge { From = e.From, To = e.To, Kind = e.Kind, Identifier = "x" })], false);

    private static CheckResult Run(Dossier d, CandidateGraph.Graph ring, params SharedIdentifier[] shared) =>
        new RingCheck().Run(new VettingContext(1, d, shared) { Ring = ring });

    [Fact]
    public void Three_candidates_linked_by_a_shared_phone_are_a_ring_on_every_member()
    {
        var ring = Ring((1, 2, "phone"), (2, 3, "phone"));

        var signal = Assert.Single(Run(Honest, ring, Shared("phone", "+1 512 555 0100", 2, Elsewhere)).Signals);

        Assert.Equal(("LINK-09", Severity.Medium), (signal.IndicatorId, signal.Severity));
        Assert.Equal(2, signal.Evidence["members"]!.AsArray().Count);
    }

    [Fact]
    public void Relatives_at_one_address_linked_only_by_it_and_its_connection_are_no_ring()
    {
        var ring = Ring((1, 2, "shipping_address"), (1, 3, "ip"), (2, 3, "ip"));
        SharedIdentifier[] shared = [Shared("shipping_address", "18 Juniper Lane", 2, Home), Shared("ip", Comcast, 3, Home)];

        Assert.Equal(CheckResult.NotFired, Run(ShipsHome, ring, shared));
    }

    [Fact]
    public void A_household_that_also_shares_a_bank_account_or_ships_elsewhere_is_still_a_ring()
    {
        var withAccount = Ring((1, 2, "shipping_address"), (1, 3, "bank_account"));
        SharedIdentifier[] shared = [Shared("shipping_address", "18 Juniper Lane", 2, Home), Shared("bank_account", "IBAN ••••0001", 3, Home)];
        Assert.Equal("LINK-09", Assert.Single(Run(ShipsHome, withAccount, shared).Signals).IndicatorId);

        var farm = Ring((1, 2, "shipping_address"), (1, 3, "ip"));
        SharedIdentifier[] farmShared = [Shared("shipping_address", "18 Juniper Lane", 2, Elsewhere), Shared("ip", Comcast, 3, Elsewhere)];
        Assert.Equal("LINK-09", Assert.Single(Run(ShipsHome, farm, farmShared).Signals).IndicatorId);
    }

    [Fact]
    public void A_link_to_a_rejected_candidate_is_high_even_in_a_household()
    {
        var ring = new CandidateGraph.Graph(1,
            [new() { Id = 1, ExternalId = "ext-1", Status = "review" }, new() { Id = 2, ExternalId = "ext-2", Status = "rejected", LegalName = "Person 2" }],
            [new() { From = 1, To = 2, Kind = "ip", Identifier = Comcast }], false);

        var signal = Assert.Single(Run(ShipsHome, ring, Shared("ip", Comcast, 2, Home)).Signals);

        Assert.Equal(Severity.High, signal.Severity);
        Assert.Contains("rejected Person 2", signal.Explanation);
    }
}
