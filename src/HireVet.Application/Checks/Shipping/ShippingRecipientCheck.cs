using System.Text.Json.Nodes;
using HireVet.Application.Checks.Identity;

namespace HireVet.Application.Checks.Shipping;

/// <summary>SHIP-01: the work laptop would be addressed to someone other than the candidate (high), or under a name
/// that differs from a declared one in a single name only (medium: likely a preferred or married name).</summary>
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
        var oneName = NameChange.DiffersInOneName(d, recipient);
        return CheckResult.Fired(new RawSignal("SHIP-01", oneName is null ? Severity.High : Severity.Medium,
            oneName is null
                ? $"Equipment would be shipped to \"{recipient}\", who is not the candidate by any declared name."
                : $"Equipment would be shipped to \"{recipient}\", which differs from \"{oneName}\" in one name only: likely {NameChange.Causes}.",
            new JsonObject
            {
                ["recipientName"] = recipient,
                ["declaredNames"] = CandidateNames.ToJson(CandidateNames.Declared(d)),
                ["likelyCause"] = oneName is null ? null : NameChange.Causes,
            }));
    }
}
