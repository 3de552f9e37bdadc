using System.Text.Json.Nodes;

namespace HireVet.Application.Checks.Links;

/// <summary>LINK-09, referral chains: the candidate was referred by a candidate who is flagged (in review, waiting for
/// a decision, or with a rejection not yet final) or rejected. SEAL finds several DPRK workers in one organisation in most cases, recruited by one another;
/// the advice is to elevate scrutiny of referrals from flagged people and trace referrers back. A referrer a human
/// cleared, or one HireVet found clear, raises nothing.</summary>
public sealed class ReferralCheck : ICheck
{
    private static readonly string[] Flagged = ["review", "awaiting_approval", "information_requested", "rejection_pending"];

    public string Name => "referral";
    public string[] Indicators => ["LINK-09"];

    public CheckResult Run(VettingContext context)
    {
        var d = context.Dossier;
        if (d.ReferrerId is null)
            return d.ReferredBy is null
                ? CheckResult.NotFired
                : CheckResult.NotEvaluated("The referral names the referrer but not their candidate id (referrerId), so they cannot be looked up.");
        if (context.Referrer is not { } lookup) return CheckResult.NotEvaluated("The referrer was not looked up.");
        if (lookup.Candidate is not { } referrer) return CheckResult.NotFired; // not a candidate HireVet knows

        var rejected = referrer.Status == "rejected";
        var flagged = Flagged.Contains(referrer.Status) || (referrer.Status == "pending_vetting" && referrer.Band is "review" or "high");
        if (!rejected && !flagged) return CheckResult.NotFired;

        var state = rejected ? "was rejected" : $"is flagged ({referrer.Band ?? "not yet banded"}, status {referrer.Status.Replace('_', ' ')})";
        return CheckResult.Fired(new RawSignal("LINK-09", rejected ? Severity.High : Severity.Medium,
            $"Referred by {referrer.LegalName} ({referrer.ExternalId}), a candidate who {state}.",
            new JsonObject
            {
                ["referrer"] = new JsonObject
                {
                    ["id"] = referrer.Id, ["externalId"] = referrer.ExternalId, ["legalName"] = referrer.LegalName,
                    ["status"] = referrer.Status, ["band"] = referrer.Band,
                },
                ["referredBy"] = d.ReferredBy,
            }));
    }
}
