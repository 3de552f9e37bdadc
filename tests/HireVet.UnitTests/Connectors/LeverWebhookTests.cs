using System.Text.Json;
using HireVet.Application.Connectors;
using HireVet.Application.Connectors.Lever;

namespace HireVet.UnitTests.Connectors;

/// <summary>Lever's published webhook bodies read into what HireVet does, and their signature.</summary>
public sealed class LeverWebhookTests
{
    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void The_documented_test_delivery_is_read_and_its_placeholder_signature_refused()
    {
        var e = LeverWebhook.Parse(PublishedAts.Json("lever", "leverdocs-webhook-test-candidateHired.json"));
        Assert.Equal("candidateHired", e.Name);
        Assert.Equal(new DateTimeOffset(2015, 5, 12, 19, 13, 41, 951, TimeSpan.Zero), e.TriggeredAt);
        Assert.Equal("1431458021951", e.TriggeredAtText);
        Assert.Equal("657fd5a0759c87d35660b096dbc388d1d31058869f08ce3f", e.Token);
        Assert.Equal("m3e73080553bcbf65f66c90b6m4ac0mb664c6am763efb1899653808864456b36", e.Signature);
        // A test delivery: "data": {} names no opportunity, so there is nothing to refresh.
        Assert.Equal(WebhookHandling.Ignore, e.Handling);
        Assert.Contains("names no opportunity", e.IgnoredBecause);
        // The documented signature is a placeholder ("m" is no hex digit): refused, not thrown on.
        Assert.False(LeverSignature.IsValid(e, "any signature token"));
    }

    [Fact]
    public void The_documented_stage_change_delivery_is_not_JSON_and_is_refused_by_the_parse()
    {
        var published = File.ReadAllText(PublishedAts.File("lever", "leverdocs-webhook-example-candidateStageChange.INVALID-JSON.txt"));
        // As published: a comma missing after "toStageId" and a trailing one after "fromStageId".
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(published));

        // With those two typos mended, it is a stage change of opportunity 3410c8b9-... to refresh.
        var mended = published
            .Replace("\"7c2690d8-6308-4ed9-ae2a-cbfe7db26593\"", "\"7c2690d8-6308-4ed9-ae2a-cbfe7db26593\",", StringComparison.Ordinal)
            .Replace("\"992f01a9-ee19-41d2-ae79-1040701b195c\",", "\"992f01a9-ee19-41d2-ae79-1040701b195c\"", StringComparison.Ordinal);
        var e = LeverWebhook.Parse(Parse(mended));
        Assert.Equal(("candidateStageChange", WebhookHandling.Refresh), (e.Name, e.Handling));
        Assert.Equal("3410c8b9-5c31-4bab-b7e9-9f710206d647", e.OpportunityId);
        Assert.Equal("daeaa038-cddb-4d69-9b8c-74b6c23be3f3", e.CandidateId);
        Assert.Equal("05c248f9-ccb1-435f-bab5-0ec608aec263", e.ContactId);
        Assert.Equal(new DateTimeOffset(2015, 5, 12, 18, 12, 10, 72, TimeSpan.Zero), e.TriggeredAt);
        Assert.Equal(("be58f711f349c7780e4579cd7c63341ac6f881e4dccc3154", "28e3fbb90ce869c3695c4a9559ff43eae998389a48b42c509d1adbeea0897c16"), (e.Token, e.Signature));
        Assert.Null(e.IgnoredBecause);
    }

    [Theory]
    [InlineData("applicationCreated", WebhookHandling.Refresh)]
    [InlineData("candidateStageChange", WebhookHandling.Refresh)]
    [InlineData("candidateHired", WebhookHandling.Refresh)]
    [InlineData("candidateArchiveChange", WebhookHandling.Refresh)]
    [InlineData("candidateDeleted", WebhookHandling.Redact)]
    [InlineData("interviewCreated", WebhookHandling.Ignore)]
    [InlineData("contactUpdated", WebhookHandling.Ignore)]
    public void Each_event_has_its_handling(string name, WebhookHandling handling)
    {
        var e = LeverWebhook.Parse(Parse($$$"""
            {"id": "d-1", "triggeredAt": 1431454330072, "event": "{{{name}}}", "token": "t", "signature": "s",
             "data": {"opportunityId": "o-1", "contactId": "c-1"}}
            """));
        Assert.Equal((name, handling, "d-1", "o-1", "c-1"), (e.Name, e.Handling, e.Id, e.OpportunityId, e.ContactId));
        Assert.Equal(handling == WebhookHandling.Ignore, e.IgnoredBecause is not null);
    }

    [Fact]
    public void What_is_no_delivery_is_ignored()
    {
        Assert.Equal(("", WebhookHandling.Ignore), (LeverWebhook.Parse(Parse("[]")).Name, LeverWebhook.Parse(Parse("[]")).Handling));
        var empty = LeverWebhook.Parse(Parse("{}"));
        Assert.Equal((WebhookHandling.Ignore, "The body has no event."), (empty.Handling, empty.IgnoredBecause));
        Assert.Null(empty.TriggeredAt);
        Assert.Null(LeverWebhook.Parse(Parse("""{"event": "candidateHired", "triggeredAt": "soon", "data": null}""")).TriggeredAt);
    }

    [Fact]
    public void The_signature_is_the_hmac_of_token_and_triggeredAt_under_the_signature_token()
    {
        // The HMAC-SHA256 example vector printed in references on HMAC: key "key", "The quick brown fox jumps over
        // the lazy dog"; here split into token and triggeredAt, which Lever signs concatenated.
        const string fox = "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8";
        Assert.True(LeverSignature.IsValid("The quick brown fox jumps over the lazy ", "dog", fox, "key"));
        Assert.True(LeverSignature.IsValid("The quick brown fox jumps over the lazy ", "dog", fox.ToUpperInvariant(), "key"));

        // The documented test delivery's token and time, signed with a signature token (computed outside .NET).
        var body = Parse("""
            {"triggeredAt": 1431458021951, "event": "candidateHired", "data": {}, "token": "657fd5a0759c87d35660b096dbc388d1d31058869f08ce3f",
             "signature": "c733ffcc9594b2b825134bd81941958ef2bb86a38abc4ce04bc5102009a5c0cd"}
            """);
        var e = LeverWebhook.Parse(body);
        Assert.True(LeverSignature.IsValid(e, "lever-signature-token"));
        Assert.False(LeverSignature.IsValid(e, "another-signature-token"));
        Assert.False(LeverSignature.IsValid(e with { TriggeredAtText = "1431458021952" }, "lever-signature-token"));
        Assert.False(LeverSignature.IsValid(e with { Token = e.Token + "0" }, "lever-signature-token"));
    }

    [Theory]
    [InlineData(null, "dog", "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8", "key")]
    [InlineData("The quick brown fox jumps over the lazy ", null, "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8", "key")]
    [InlineData("The quick brown fox jumps over the lazy ", "dog", null, "key")]
    [InlineData("The quick brown fox jumps over the lazy ", "dog", "", "key")]
    [InlineData("The quick brown fox jumps over the lazy ", "dog", "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8", "key")]
    [InlineData("The quick brown fox jumps over the lazy ", "dog", "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd", "key")]
    [InlineData("The quick brown fox jumps over the lazy ", "dog", "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8", "")]
    public void A_missing_or_malformed_field_is_refused(string? token, string? triggeredAt, string? signature, string signatureToken) =>
        Assert.False(LeverSignature.IsValid(token, triggeredAt, signature, signatureToken));
}
