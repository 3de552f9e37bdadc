using System.Text.Json;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Connectors;

namespace HireVet.UnitTests.Common.Auditing;

/// <summary>The request digest hashed as the serializer writes it is the digest of the serialized text, as it was when
/// it was computed over a string: records written before and after the change digest requests alike.</summary>
public sealed class AuditDigestTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void Hashing_the_serializer_output_gives_the_digest_of_the_serialized_text()
    {
        // Several serializer buffers' worth of vendor events, with text the encoder escapes and text beyond ASCII.
        var events = Enumerable.Range(0, 1000).Select(i => JsonDocument.Parse(
            $$$"""{"uuid":"{{{i}}}","actor":{"displayName":"Zoë Ørsted <zo\u00eb> \"q\" 李 {{{i}}}"},"client":{"ipAddress":"203.0.113.{{{i % 250}}}"}}""").RootElement.Clone()).ToArray();
        var command = new StoreSignInPage.Command(7, "okta", "pull", events, "https://example.okta.com/api/v1/logs?after=é&x=<1>");

        var streamed = AuditChain.Digest(command, typeof(StoreSignInPage.Command), Web);

        Assert.Equal(AuditChain.Digest(JsonSerializer.Serialize(command, typeof(StoreSignInPage.Command), Web)), streamed);
        Assert.True(JsonSerializer.SerializeToUtf8Bytes(command, Web).Length > 64 * 1024);
        // The events a pull read ahead ride along outside the digest: it covers the events as the vendor sent them.
        var readAhead = command with { Parsed = StoreSignInPage.Parse("okta", events) };
        Assert.Equal(streamed, AuditChain.Digest(readAhead, typeof(StoreSignInPage.Command), Web));
    }

    [Fact]
    public void A_value_digested_as_object_is_digested_by_its_runtime_type()
    {
        object withoutSecrets = new { Name = "Okta", Secrets = new Dictionary<string, string> { ["apiToken"] = "(secret)" } };

        Assert.Equal(AuditChain.Digest(JsonSerializer.Serialize(withoutSecrets, typeof(object), Web)), AuditChain.Digest(withoutSecrets, typeof(object), Web));
    }
}
