using System.Text.Json.Nodes;
using HireVet.Application.Dossiers;
using HireVet.Application.Dossiers.Addresses;

namespace HireVet.Application.Checks.Shipping;

/// <summary>SHIP-01: the laptop would go to an address that is neither on the identity document nor the claimed
/// residence (the advisories' "ship only to the address on the ID").</summary>
public sealed class ShippingAddressCheck : ICheck
{
    public string Name => "shipping-address";
    public string[] Indicators => ["SHIP-01"];

    public CheckResult Run(VettingContext context)
    {
        var d = context.Dossier;
        if (d.EquipmentShipping?.Address is not { } ship)
            return CheckResult.NotEvaluated("The dossier has no equipment shipping address.");
        var known = new[] { d.IdentityDocument?.Address, d.ClaimedResidence }.OfType<PostalAddress>().ToArray();
        if (known.Length == 0)
            return CheckResult.NotEvaluated("The dossier has neither an identity-document address nor a claimed residence to compare with.");
        var shipParts = ship.ToParts();
        if (known.Any(k => AddressNormalizer.SamePlace(shipParts, k.ToParts()))) return CheckResult.NotFired;
        return CheckResult.Fired(new RawSignal("SHIP-01", Severity.High,
            "Equipment would be shipped to an address that is neither on the identity document nor the claimed residence.",
            new JsonObject
            {
                ["shippingAddress"] = ship.OneLine(),
                ["identityDocumentAddress"] = d.IdentityDocument?.Address?.OneLine(),
                ["claimedResidence"] = d.ClaimedResidence?.OneLine(),
            }));
    }
}
