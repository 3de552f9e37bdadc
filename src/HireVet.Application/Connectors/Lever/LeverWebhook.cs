using System.Text.Json;
using static HireVet.Application.Connectors.ConnectorJson;

namespace HireVet.Application.Connectors.Lever;

/// <summary>A Lever webhook delivery (<c>{"triggeredAt": ..., "event": ..., "data": {...}, "token": ...,
/// "signature": ...}</c>) read into what HireVet must do and for which opportunity. Check it with
/// <see cref="LeverSignature"/> (over <see cref="Event.Token"/> and <see cref="Event.TriggeredAtText"/>) before acting.
/// A body that is not JSON (Lever's own documentation example is not) is refused by the caller's parse, before this.</summary>
public static class LeverWebhook
{
    public sealed record Event
    {
        /// <summary>As Lever spells it (<c>candidateStageChange</c>...); empty when missing.</summary>
        public required string Name { get; init; }
        public required WebhookHandling Handling { get; init; }
        /// <summary>The delivery's id, when Lever sends one.</summary>
        public string? Id { get; init; }
        public DateTimeOffset? TriggeredAt { get; init; }
        /// <summary><c>triggeredAt</c> exactly as sent (epoch milliseconds): the signature is computed over this text.</summary>
        public string? TriggeredAtText { get; init; }
        public string? Token { get; init; }
        public string? Signature { get; init; }
        /// <summary>Always set for Refresh and Redact.</summary>
        public string? OpportunityId { get; init; }
        /// <summary>Lever's legacy candidate id, as sent.</summary>
        public string? CandidateId { get; init; }
        /// <summary>The person (HireVet's external id is <c>lever:&lt;contactId&gt;</c>), when the delivery names them.</summary>
        public string? ContactId { get; init; }
        public string? IgnoredBecause { get; init; }
    }

    // Something about the candidacy changed; fetching the opportunity again picks up any edit to the person too.
    private static readonly HashSet<string> RefreshEvents = ["applicationCreated", "candidateStageChange", "candidateHired", "candidateArchiveChange"];

    /// <summary>Reads a delivery. <c>candidateDeleted</c> is Redact: the opportunity is gone. As HireVet keys Lever
    /// candidates by contact, whoever acts on it should see whether the contact still has other opportunities
    /// (then it is a Refresh through one of them) before removing the person's data.</summary>
    public static Event Parse(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
            return new Event { Name = "", Handling = WebhookHandling.Ignore, IgnoredBecause = "The body is not a JSON object." };
        var name = Text(body, "event") ?? "";
        var triggeredAt = At(body, "triggeredAt") is { } t ? Text(t) : null;
        var opportunityId = Text(body, "data.opportunityId");
        var handling = name == "candidateDeleted" ? WebhookHandling.Redact
            : RefreshEvents.Contains(name) ? WebhookHandling.Refresh
            : WebhookHandling.Ignore;
        var ignoredBecause = handling != WebhookHandling.Ignore
            ? opportunityId is null ? $"The '{name}' delivery names no opportunity." : null
            : name.Length == 0 ? "The body has no event." : $"HireVet does not act on '{name}'.";
        return new Event
        {
            Name = name,
            Handling = opportunityId is null ? WebhookHandling.Ignore : handling,
            Id = Text(body, "id"),
            TriggeredAt = LeverDossier.Time(Id(body, "triggeredAt")),
            TriggeredAtText = triggeredAt,
            Token = Text(body, "token"),
            Signature = Text(body, "signature"),
            OpportunityId = opportunityId,
            CandidateId = Text(body, "data.candidateId"),
            ContactId = Text(body, "data.contactId"),
            IgnoredBecause = ignoredBecause,
        };
    }
}
