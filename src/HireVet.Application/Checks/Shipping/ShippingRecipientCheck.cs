using System.Text.Json.Nodes;
using HireVet.Application.Checks.Identity;

namespace HireVet.Application.Checks.Shipping;

/// <summary>SHIP-01: the work laptop would be addressed to someone other than the candidate.</summary>
public sealed class ShippingRecipientCheck : ICheck
{
    public string Name => "shipping-recipient";
    public string[] Indicators => ["SHIP-01"];

    public CheckResult Run(VettingContext context)
    {
        var d = context.Dossier;
        if (d.EquipmentShipping?.RecipientName is not { Length: > 0 } recipient)
            return CheckResult.NotEvaluated("The dossier has no equipment shipping recipient.");
        var (match, _) = CandidateNames.Best(d, recipient);
        if (match != NameMatch.Different) return CheckResult.NotFired;
        return CheckResult.Fired(new RawSignal("SHIP-01", Severity.High,
            $"Equipment would be shipped to \"{recipient}\", who is not the candidate by any declared name.",
            new JsonObject
            {
                ["recipientName"] = recipient,
                ["declaredNames"] = CandidateNames.ToJson(CandidateNames.Declared(d)),
            }));
    }
}
