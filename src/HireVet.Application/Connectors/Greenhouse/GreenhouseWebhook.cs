using System.Text.Json;
using static HireVet.Application.Connectors.ConnectorJson;

namespace HireVet.Application.Connectors.Greenhouse;

/// <summary>A Greenhouse webhook delivery (<c>{"action": ..., "payload": {...}}</c>) read into what HireVet must do
/// and for which candidate. Actions are spelled as Greenhouse sends them; an action HireVet does not act on, the
/// ping Greenhouse sends when a webhook is saved, and a body that is not a webhook at all are
/// <see cref="WebhookHandling.Ignore"/> (answer 200 all the same, or Greenhouse retries and then disables the hook).
/// The body's signature is <see cref="GreenhouseSignature"/>'s business, before this.</summary>
public static class GreenhouseWebhook
{
    /// <summary>One delivery.</summary>
    public sealed record Event
    {
        /// <summary>As Greenhouse spells it (<c>update_candidate</c>, <c>merge_candidate</c>...); empty when missing.</summary>
        public required string Action { get; init; }
        public required WebhookHandling Handling { get; init; }
        /// <summary>The candidate the event is about; for a merge, the candidate merged away (the losing record).
        /// Always set for Refresh, Redact and Merge.</summary>
        public long? CandidateId { get; init; }
        /// <summary>For a merge, the candidate the losing record was merged into (the winning record).</summary>
        public long? WinningCandidateId { get; init; }
        public long? ApplicationId { get; init; }
        /// <summary>For a deleted candidate, the applications deleted with them.</summary>
        public IReadOnlyList<long> DeletedApplicationIds { get; init; } = [];
        /// <summary>Why the delivery is ignored, for the log.</summary>
        public string? IgnoredBecause { get; init; }
    }

    // A candidate's data may have changed, or their application did: fetch and submit again.
    private static readonly HashSet<string> RefreshActions =
    [
        "new_candidate_application", "new_prospect_application", "application_updated", "delete_application",
        "candidate_stage_change", "update_candidate", "hire_candidate", "unhire_candidate", "reject_candidate",
        "unreject_candidate",
    ];

    // The person is gone from Greenhouse, or their data was anonymised there (right to erasure).
    private static readonly HashSet<string> RedactActions = ["delete_candidate", "candidate_anonymized"];

    public static Event Parse(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
            return new Event { Action = "", Handling = WebhookHandling.Ignore, IgnoredBecause = "The body is not a JSON object." };
        var action = Text(body, "action") ?? "";
        var candidateId = Id(body, "payload.candidate.id") ?? Id(body, "payload.application.candidate.id")
            ?? Id(body, "payload.application.candidate_id") ?? Id(body, "payload.person.id") ?? Id(body, "payload.candidate_id");
        var applicationId = Id(body, "payload.application.id") ?? Id(body, "payload.application_id") ?? Id(body, "payload.offer.application_id");
        var deleted = Items(body, "payload.person.deleted_application_ids").Select(Id).OfType<long>().ToArray();
        var winner = Id(body, "payload.person.new_candidate_id");
        var handling = action == "merge_candidate" ? WebhookHandling.Merge
            : RedactActions.Contains(action) ? WebhookHandling.Redact
            : RefreshActions.Contains(action) ? WebhookHandling.Refresh
            : WebhookHandling.Ignore;
        var missing = handling switch
        {
            WebhookHandling.Merge when candidateId is null || winner is null => "names the merged candidates incompletely",
            not WebhookHandling.Ignore when candidateId is null => "names no candidate",
            _ => null,
        };
        return new Event
        {
            Action = action,
            Handling = missing is null ? handling : WebhookHandling.Ignore,
            CandidateId = candidateId,
            WinningCandidateId = winner,
            ApplicationId = applicationId,
            DeletedApplicationIds = deleted,
            IgnoredBecause = missing is not null ? $"The '{action}' delivery {missing}."
                : handling != WebhookHandling.Ignore ? null
                : action switch
                {
                    "" => "The body has no action.",
                    "ping" => "A ping: Greenhouse checking the endpoint.",
                    _ when action.StartsWith("offer_", StringComparison.Ordinal) => $"'{action}' is about an offer, not the candidate's data.",
                    _ => $"HireVet does not act on '{action}'.",
                },
        };
    }
}
