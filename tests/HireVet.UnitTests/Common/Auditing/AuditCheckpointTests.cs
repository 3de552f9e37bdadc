using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using HireVet.Application.Common.Auditing;
using Microsoft.Extensions.Configuration;

namespace HireVet.UnitTests.Common.Auditing;

public sealed class AuditCheckpointTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hirevet-checkpoint-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static AuditSigning Signing(IDictionary<string, string?> settings) =>
        AuditSigning.From(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private AuditSigning WithNewKey(out string keyPath)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        keyPath = Write($"key-{Guid.NewGuid():N}.pem", key.ExportPkcs8PrivateKeyPem());
        return Signing(new Dictionary<string, string?> { ["Audit:SigningKeyFile"] = keyPath, ["Audit:CheckpointFile"] = Path.Combine(_dir, "cp", "checkpoints.jsonl") });
    }

    private static AuditCheckpoint Checkpoint(AuditSigning signing) => new()
    {
        Size = 42, Root = SHA256.HashData("root"u8), HeadSeq = 42, HeadHash = new string('a', 64),
        SignedAt = new DateTimeOffset(2026, 12, 6, 19, 0, 0, TimeSpan.Zero).AddTicks(1234560), KeyId = signing.KeyId!,
    };

    [Fact]
    public void A_signed_checkpoint_is_a_fixed_text_body_that_parses_back_and_verifies_with_the_trusted_key()
    {
        var signing = WithNewKey(out _);
        var checkpoint = Checkpoint(signing);
        var body = checkpoint.Body();
        Assert.Equal($"HireVet audit trail\n42\n{Convert.ToBase64String(SHA256.HashData("root"u8))}\nhead 42 {new string('a', 64)}\n" +
                     $"signed-at 2026-12-06T19:00:00.123456Z\nkey-id {signing.KeyId}\n", body);
        Assert.Equal(body, AuditCheckpoint.Parse(body)!.Body());
        Assert.Null(AuditCheckpoint.Parse(body.Replace("\n42\n", "\n042\n")));
        Assert.Null(AuditCheckpoint.Parse("Another log\n" + body[(body.IndexOf('\n') + 1)..]));

        var line = checkpoint.ToLine(signing.Sign(Encoding.UTF8.GetBytes(body)));
        var read = AuditCheckpoint.Check(1, line.ToJson(), signing.TrustedKeys);
        Assert.Null(read.Problem);
        Assert.Equal(42, read.Checkpoint!.Size);
        // The signature is DER (what openssl dgst -verify reads): a SEQUENCE.
        Assert.Equal(0x30, Convert.FromBase64String(line.Signature)[0]);
        // The key id is SHA-256 of the public key's SubjectPublicKeyInfo.
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(signing.SigningKey!.ExportSubjectPublicKeyInfo())), signing.KeyId);
    }

    [Fact]
    public void An_edited_line_a_changed_body_a_bad_signature_and_an_unknown_key_are_each_reported()
    {
        var signing = WithNewKey(out _);
        var checkpoint = Checkpoint(signing);
        var line = checkpoint.ToLine(signing.Sign(Encoding.UTF8.GetBytes(checkpoint.Body())));

        var edited = JsonNode.Parse(line.ToJson())!;
        edited["size"] = 41;
        Assert.Contains("(edited)", AuditCheckpoint.Check(3, edited.ToJsonString(), signing.TrustedKeys).Problem);

        var changedBody = line with { Body = Convert.ToBase64String(Encoding.UTF8.GetBytes((checkpoint with { Size = 41 }).Body())), Size = 41 };
        Assert.Equal("checkpoint line 3 has an invalid signature (forged)", AuditCheckpoint.Check(3, changedBody.ToJson(), signing.TrustedKeys).Problem);

        var other = WithNewKey(out _);
        var byOther = (checkpoint with { KeyId = other.KeyId! }).ToLine(other.Sign(Encoding.UTF8.GetBytes((checkpoint with { KeyId = other.KeyId! }).Body())));
        Assert.StartsWith($"checkpoint line 3 is signed by an unknown key {other.KeyId} (forged", AuditCheckpoint.Check(3, byOther.ToJson(), signing.TrustedKeys).Problem);

        // Claiming the trusted key's id does not help a signature made with another key.
        var claimed = line with { Signature = Convert.ToBase64String(other.Sign(Encoding.UTF8.GetBytes(checkpoint.Body()))) };
        Assert.Equal("checkpoint line 3 has an invalid signature (forged)", AuditCheckpoint.Check(3, claimed.ToJson(), signing.TrustedKeys).Problem);
        Assert.Contains("unreadable", AuditCheckpoint.Check(3, "{not json", signing.TrustedKeys).Problem);
    }

    [Fact]
    public void The_file_is_appended_to_and_read_back_line_by_line_with_its_directory_created()
    {
        var signing = WithNewKey(out _);
        var first = Checkpoint(signing);
        var second = first with { Size = 50, HeadSeq = 50 };
        CheckpointLog.Append(signing.CheckpointFile!, first.ToLine(signing.Sign(Encoding.UTF8.GetBytes(first.Body()))));
        CheckpointLog.Append(signing.CheckpointFile!, second.ToLine(signing.Sign(Encoding.UTF8.GetBytes(second.Body()))));

        var read = CheckpointLog.ReadFile(signing.CheckpointFile!, signing.TrustedKeys);
        Assert.Equal([(1, 42L), (2, 50L)], read.Select(r => (r.LineNumber, r.Checkpoint!.Size)));
        Assert.Empty(CheckpointLog.ReadFile(Path.Combine(_dir, "none.jsonl"), signing.TrustedKeys));
    }

    [Fact]
    public void No_key_means_no_signing_and_trusted_public_keys_may_still_be_given()
    {
        var none = Signing(new Dictionary<string, string?>());
        Assert.False(none.Signs);
        Assert.Empty(none.TrustedKeys);

        using var previous = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pub = Write("previous.pem", previous.ExportSubjectPublicKeyInfoPem());
        var signing = WithNewKey(out var keyPath);
        var rotated = Signing(new Dictionary<string, string?>
        {
            ["Audit:SigningKeyFile"] = keyPath, ["Audit:CheckpointFile"] = Path.Combine(_dir, "c.jsonl"), ["Audit:TrustedPublicKeyFiles:0"] = pub,
        });
        Assert.Equal([signing.KeyId!, AuditCheckpoint.KeyIdOf(previous)], rotated.TrustedKeys.Keys);

        using var inline = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var fromConfig = Signing(new Dictionary<string, string?> { ["Audit:SigningKey"] = inline.ExportECPrivateKeyPem(), ["Audit:CheckpointFile"] = "c.jsonl" });
        Assert.Equal(AuditCheckpoint.KeyIdOf(inline), fromConfig.KeyId);
    }

    public static TheoryData<string, string> WrongKeys()
    {
        using var rsa = RSA.Create(2048);
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using var p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new TheoryData<string, string>
        {
            { rsa.ExportPkcs8PrivateKeyPem(), "not an ECDSA private key" },
            { rsa.ExportRSAPrivateKeyPem(), "'RSA PRIVATE KEY'" },
            { p384.ExportPkcs8PrivateKeyPem(), "P-256" },
            { p256.ExportSubjectPublicKeyInfoPem(), "'PUBLIC KEY'" },
            { "garbage", "is not PEM" },
            { "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", "not an ECDSA private key" },
        };
    }

    [Theory]
    [MemberData(nameof(WrongKeys))]
    public void A_wrong_key_stops_start_up_naming_the_setting(string pem, string why)
    {
        var path = Write($"wrong-{Guid.NewGuid():N}.pem", pem);
        var e = Assert.Throws<InvalidOperationException>(() =>
            Signing(new Dictionary<string, string?> { ["Audit:SigningKeyFile"] = path, ["Audit:CheckpointFile"] = "c.jsonl" }));
        Assert.StartsWith($"Audit:SigningKeyFile ({path})", e.Message);
        Assert.Contains(why, e.Message);
    }

    [Fact]
    public void A_missing_key_file_or_checkpoint_file_stops_start_up_naming_the_setting()
    {
        var missing = Path.Combine(_dir, "nope.pem");
        Assert.StartsWith("Audit:SigningKeyFile: cannot read", Assert.Throws<InvalidOperationException>(() =>
            Signing(new Dictionary<string, string?> { ["Audit:SigningKeyFile"] = missing, ["Audit:CheckpointFile"] = "c.jsonl" })).Message);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var path = Write("k.pem", key.ExportPkcs8PrivateKeyPem());
        Assert.StartsWith("Audit:CheckpointFile is not set", Assert.Throws<InvalidOperationException>(() =>
            Signing(new Dictionary<string, string?> { ["Audit:SigningKeyFile"] = path })).Message);
    }
}
