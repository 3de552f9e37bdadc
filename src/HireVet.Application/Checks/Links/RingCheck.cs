using System.Text.Json.Nodes;
using HireVet.Application.Dossiers;

namespace HireVet.Application.Checks.Links;

/// <summary>LINK-09: the candidate belongs to a ring, a chain of candidates linked by shared identifiers (directly or
/// through others), with several members or with a candidate already rejected. Investigators report that where one
/// DPRK worker is found, more usually are (SEAL, Mandiant); the ring is how HireVet follows that trail.</summary>
public sealed class RingCheck : ICheck
{
    public string Name => "ring";
    public string[] Indicators => ["LINK-09"];

    public CheckResult Run(VettingContext context)
    {
        if (context.Ring is not { } ring) return CheckResult.NotEvaluated("The ring of linked candidates was not computed.");
        var others = ring.Nodes.Where(n => n.Id != context.CandidateId).ToArray();
        var rejected = others.Where(n => n.Status == "rejected").ToArray();
        if (others.Length < 2 && rejected.Length == 0) return CheckResult.NotFired;
        if (rejected.Length == 0 && IsHousehold(context, ring, others)) return CheckResult.NotFired;

        var direct = context.SharedIdentifiers.Select(s => s.OtherCandidateId).ToHashSet();
        var explanation = $"The candidate is in a ring of {ring.Nodes.Count} candidates linked by shared identifiers " +
                          $"({string.Join(", ", ring.Edges.Select(e => e.Kind.Replace('_', ' ')).Distinct())})" +
                          (rejected.Length > 0 ? $", including rejected {string.Join(", ", rejected.Select(r => $"{r.LegalName} ({r.ExternalId})"))}." : ".");
        return CheckResult.Fired(new RawSignal("LINK-09", rejected.Length > 0 ? Severity.High : Severity.Medium, explanation, new JsonObject
        {
            ["members"] = new JsonArray([.. others.Select(n => (JsonNode)new JsonObject
            {
                ["id"] = n.Id, ["externalId"] = n.ExternalId, ["legalName"] = n.LegalName, ["status"] = n.Status,
                ["linkedDirectly"] = direct.Contains(n.Id),
            })]),
            ["links"] = ring.Edges.Count,
            ["truncated"] = ring.Truncated,
        }));
    }

    /// <summary>Relatives at one address, linked only by that address and its connection, are a household and no ring
    /// (the same rule as <see cref="SharedIdentifiersCheck"/>): any other kind of link, or anyone outside the household,
    /// makes it a ring again.</summary>
    private static bool IsHousehold(VettingContext context, CandidateGraph.Graph ring, CandidateGraph.Node[] others)
    {
        var household = SharedIdentifiersCheck.Household(context);
        return others.All(n => household.Contains(n.Id))
               && ring.Edges.All(e => e.Kind is CandidateIdentifiers.Kinds.Ip or CandidateIdentifiers.Kinds.ShippingAddress);
    }
}
