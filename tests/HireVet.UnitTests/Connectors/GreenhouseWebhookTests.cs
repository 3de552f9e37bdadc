using System.Text;
using System.Text.Json;
using HireVet.Application.Connectors;
using HireVet.Application.Connectors.Greenhouse;

namespace HireVet.UnitTests.Connectors;

/// <summary>Greenhouse's published webhook payloads read into what HireVet does, and the <c>Signature</c> header.</summary>
public sealed class GreenhouseWebhookTests
{
    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void Every_published_payload_is_read_with_its_handling_and_ids()
    {
        var events = PublishedAts.GreenhouseBlocks("webhooks--_candidate_events.md")
            .Concat(PublishedAts.GreenhouseBlocks("webhooks--_application_events.md"))
            .Select(GreenhouseWebhook.Parse)
            .ToArray();

        const WebhookHandling Refresh = WebhookHandling.Refresh, Redact = WebhookHandling.Redact, Ignore = WebhookHandling.Ignore;
        Assert.Equal(
        [
            ("delete_candidate", Redact, 37031511L, null, null),
            ("hire_candidate", Refresh, 35897443L, null, 46194062L),
            ("merge_candidate", WebhookHandling.Merge, 37031511L, 457456L, null),
            ("candidate_stage_change", Refresh, 265772L, null, 265277L),
            ("unhire_candidate", Refresh, 265788L, null, 265293L),
            ("reject_candidate", Refresh, 265788L, null, 265293L),
            ("unreject_candidate", Refresh, 265788L, null, 265293L),
            ("update_candidate", Refresh, 15696179L, null, null),
            ("candidate_anonymized", Redact, 37031511L, null, null),
            ("new_candidate_application", Refresh, 60304594L, null, 71980812L),
            ("delete_application", Refresh, 37031511L, null, 46194062L),
            ("application_updated", Refresh, 13857579L, null, 22202940L),
            ("offer_created", Ignore, null, null, 234556L),
            ("offer_approved", Ignore, null, null, 234556L),
            ("offer_updated", Ignore, null, null, 234556L),
            ("offer_deleted", Ignore, null, null, 46194062L),
            ("new_prospect_application", Refresh, 968190L, null, 979554L),
        ], events.Select(e => (e.Action, e.Handling, e.CandidateId, e.WinningCandidateId, e.ApplicationId)));
    }

    [Fact]
    public void A_deleted_candidate_names_the_applications_deleted_with_them()
    {
        var deleted = GreenhouseWebhook.Parse(PublishedAts.GreenhouseBlocks("webhooks--_candidate_events.md")[0]);
        Assert.Equal([46196263L, 46196258L], deleted.DeletedApplicationIds);
        Assert.Null(deleted.IgnoredBecause);
    }

    [Fact]
    public void A_ping_an_unknown_action_and_what_is_no_webhook_are_ignored_with_a_reason()
    {
        var ping = GreenhouseWebhook.Parse(Parse("""{"action": "ping", "payload": {"web_hook_id": 1234}}"""));
        Assert.Equal(("ping", WebhookHandling.Ignore), (ping.Action, ping.Handling));
        Assert.Contains("ping", ping.IgnoredBecause);

        var unknown = GreenhouseWebhook.Parse(Parse("""{"action": "interview_deleted", "payload": {"interview": {"id": 1}}}"""));
        Assert.Equal(WebhookHandling.Ignore, unknown.Handling);
        Assert.Contains("interview_deleted", unknown.IgnoredBecause);

        Assert.Equal(WebhookHandling.Ignore, GreenhouseWebhook.Parse(Parse("[]")).Handling);
        Assert.Equal(("", WebhookHandling.Ignore), (GreenhouseWebhook.Parse(Parse("{}")).Action, GreenhouseWebhook.Parse(Parse("{}")).Handling));
        Assert.Equal(WebhookHandling.Ignore, GreenhouseWebhook.Parse(Parse("""{"action": 5, "payload": null}""")).Handling);
    }

    [Fact]
    public void An_action_without_the_candidate_it_needs_is_ignored_not_acted_on_blind()
    {
        var update = GreenhouseWebhook.Parse(Parse("""{"action": "update_candidate", "payload": {"candidate": {"id": null}}}"""));
        Assert.Equal(WebhookHandling.Ignore, update.Handling);
        Assert.Contains("names no candidate", update.IgnoredBecause);
        var merge = GreenhouseWebhook.Parse(Parse("""{"action": "merge_candidate", "payload": {"person": {"id": 1}}}"""));
        Assert.Equal((WebhookHandling.Ignore, 1L), (merge.Handling, merge.CandidateId!.Value));
        // Ids as strings are read too.
        var stringIds = GreenhouseWebhook.Parse(Parse("""{"action": "candidate_anonymized", "payload": {"candidate_id": "37031511"}}"""));
        Assert.Equal((WebhookHandling.Redact, 37031511L), (stringIds.Handling, stringIds.CandidateId!.Value));
    }

    // The HMAC-SHA256 example vector printed in references on HMAC (key "key", message "The quick brown fox jumps over
    // the lazy dog"): computed elsewhere, so the check is not tested against itself.
    private const string FoxBody = "The quick brown fox jumps over the lazy dog";
    private const string FoxHmac = "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8";

    [Fact]
    public void The_signature_header_is_the_hmac_of_the_raw_body_under_the_secret()
    {
        var body = Encoding.UTF8.GetBytes(FoxBody);
        Assert.True(GreenhouseSignature.IsValid(body, "sha256 " + FoxHmac, "key"));
        Assert.True(GreenhouseSignature.IsValid(body, "  SHA256 " + FoxHmac.ToUpperInvariant() + " ", "key"));
        Assert.Equal("sha256 " + FoxHmac, GreenhouseSignature.Header(body, "key"));
    }

    [Fact]
    public void A_published_payload_signed_by_Greenhouse_verifies_byte_for_byte_and_not_after_any_change()
    {
        // The delivery's bytes exactly as they arrive, escaped unicode and all; re-serialising would break it.
        var raw = Encoding.UTF8.GetBytes("""{"action":"update_candidate","payload":{"candidate":{"id":15696179,"title":"\u003cp\u003eDirector\u003c/p\u003e"}}}""");
        var header = GreenhouseSignature.Header(raw, "s3cret-from-greenhouse");
        Assert.True(GreenhouseSignature.IsValid(raw, header, "s3cret-from-greenhouse"));

        var tampered = (byte[])raw.Clone();
        tampered[Array.IndexOf(tampered, (byte)'1')] = (byte)'2';
        Assert.False(GreenhouseSignature.IsValid(tampered, header, "s3cret-from-greenhouse"));
        var reserialised = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(JsonDocument.Parse(raw).RootElement));
        Assert.False(GreenhouseSignature.IsValid(reserialised, header, "s3cret-from-greenhouse"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(FoxHmac)] // no algorithm
    [InlineData("sha1 " + FoxHmac)] // another algorithm
    [InlineData("sha256=" + FoxHmac)] // GitHub's form, not Greenhouse's
    [InlineData("sha256 " + "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd")] // a digit short
    [InlineData("sha256 " + "z7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8")] // not hex
    [InlineData("sha256 " + "07bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8")] // one digit off
    public void A_missing_or_malformed_header_or_another_algorithm_is_refused(string? header) =>
        Assert.False(GreenhouseSignature.IsValid(Encoding.UTF8.GetBytes(FoxBody), header, "key"));

    [Fact]
    public void A_wrong_or_empty_secret_is_refused()
    {
        var body = Encoding.UTF8.GetBytes(FoxBody);
        Assert.False(GreenhouseSignature.IsValid(body, "sha256 " + FoxHmac, "Key"));
        Assert.False(GreenhouseSignature.IsValid(body, "sha256 " + FoxHmac, ""));
        Assert.False(GreenhouseSignature.IsValid(Encoding.UTF8.GetBytes(FoxBody + "\n"), "sha256 " + FoxHmac, "key"));
    }
}
