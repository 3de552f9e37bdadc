using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HireVet.Application.Audit;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Errors;
using HireVet.Application.Common.Security;
using HireVet.Application.Reviews;
using HireVet.Application.Vetting;
using HireVet.IntegrationTests.Infrastructure;
using HireVet.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HireVet.IntegrationTests.Audit;

/// <summary>The attacker's side of issue 17: someone with the database owner's powers rewrites the audit trail the way
/// the linear hash chain cannot catch (every later hash recomputed), deletes the newest records, forges one in the
/// middle, deletes checkpoints from the database, or edits the checkpoint file; each time, what HireVet reports. The
/// checkpoint file and the signing key live in a temporary folder per test; the key is made by the test.</summary>
[Collection("db")]
public sealed class AuditCheckpointTests(DatabaseFixture db) : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hirevet-checkpoints-").FullName;
    private readonly List<HireVetFactory> _apps = [];
    private string CheckpointFile => Path.Combine(_dir, "audit", "checkpoints.jsonl");

    public Task InitializeAsync() => db.ResetAsync();

    public async Task DisposeAsync()
    {
        foreach (var app in _apps) await app.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private string NewKeyFile(ECCurve? curve = null)
    {
        using var key = ECDsa.Create(curve ?? ECCurve.NamedCurves.nistP256);
        var path = Path.Combine(_dir, $"key-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, key.ExportPkcs8PrivateKeyPem());
        return path;
    }

    private HireVetFactory App(IDictionary<string, string?> settings)
    {
        var app = new HireVetFactory(db.ConnectionString, jobsEnabled: false, settings);
        _apps.Add(app);
        return app;
    }

    private HireVetFactory Signing(string? keyFile = null) =>
        App(new Dictionary<string, string?> { ["Audit:SigningKeyFile"] = keyFile ?? NewKeyFile(), ["Audit:CheckpointFile"] = CheckpointFile });

    private static async Task<T> Send<T>(HireVetFactory app, IRequest<T> request, string actor = "audrey", string role = Roles.Auditor)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Explicit = new Actor(actor, role);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    private async Task<HttpClient> Client(HireVetFactory app, string role)
    {
        var key = (await db.SendAsync(new HireVet.Application.Access.CreateApiKey.Command { Name = $"{role}-{Guid.NewGuid():N}", Role = role }, "fixture", Roles.Admin)).Key;
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, key);
        return client;
    }

    /// <summary>Five records: submitted, vetted, claimed, decided (reject, seq +4), approved.</summary>
    private async Task<long> RejectedCandidate()
    {
        var submitted = await db.SendAsync(Dossiers.PayeeMismatch(), "hana", Roles.Hr);
        await db.SendAsync(new VetCandidates.Command([submitted.Id]), "system", Roles.System);
        await db.SendAsync(new ClaimCandidate.Command(submitted.Id), "sam");
        var decision = await db.SendAsync(new DecideCandidate.Command
        {
            CandidateId = submitted.Id, Outcome = "reject", Justification = "Payroll goes to a third party, unexplained.",
        }, "sam");
        await db.SendAsync(new ReviewDecision.Command { DecisionId = decision.DecisionId, Verdict = "approved", Justification = "Agreed, evidence is clear." }, "sky");
        return decision.DecisionId;
    }

    /// <summary>Two records, signed as checkpoint line 1 (size 2); then a rejection (the signing's own record at 3, the
    /// rejection at 4..8, its decision at 7), signed as line 2 (size 8); that signing's record is link 9.</summary>
    private async Task<(HireVetFactory App, long DecisionId)> TwoCheckpoints()
    {
        var app = Signing();
        var honest = await db.SendAsync(Dossiers.Honest("cp-honest"), "hana", Roles.Hr);
        await db.SendAsync(new VetCandidates.Command([honest.Id]), "system", Roles.System);
        var first = await Send(app, new SignAuditCheckpoint.Command());
        Assert.True(first.Signed, first.Message);
        Assert.Equal(2, first.Checkpoint!.Size);
        var decisionId = await RejectedCandidate();
        var second = await Send(app, new SignAuditCheckpoint.Command());
        Assert.True(second.Signed, second.Message);
        Assert.Equal((8L, 2), (second.Checkpoint!.Size, second.Checkpoint.Line));
        await Send(app, new ChainAuditRecords.Command(Wait: true)); // the second signing's own record becomes link 9
        Assert.Equal("DecideCandidate", await db.QuerySingleAsync<string>("select r.action from audit_chain c join audit_records r on r.id = c.record_id where c.seq = 7"));
        return (app, decisionId);
    }

    /// <summary>What an attacker with the owner's powers does after changing records: recompute every chain hash from
    /// <paramref name="fromSeq"/> on, with HireVet's own function, and write them back past the triggers.</summary>
    private async Task RecomputeChainFromAsync(long fromSeq)
    {
        var links = await db.QueryAsync<LinkRow>("""
            select c.seq, c.record_id, r.occurred_at, r.actor, r.actor_role, r.action, r.target_type, r.target_id, r.request_digest, r.details
            from audit_chain c join audit_records r on r.id = c.record_id where c.seq >= @fromSeq order by c.seq
            """, new { fromSeq });
        var previous = fromSeq == 1 ? AuditChain.GenesisHash : await db.QuerySingleAsync<string>("select hash from audit_chain where seq = @s", new { s = fromSeq - 1 });
        foreach (var link in links)
        {
            var hash = AuditChain.ComputeHash(link with { PreviousHash = previous });
            await db.ExecuteAsync("""
                set session_replication_role = replica;
                update audit_chain set previous_hash = @previous, hash = @hash where seq = @Seq;
                set session_replication_role = origin;
                """, new { previous, hash, link.Seq });
            previous = hash;
        }
    }

    private sealed record LinkRow : AuditChain.Entry
    {
        public long RecordId { get; init; }
    }

    [Fact]
    public async Task A_rewrite_that_recomputes_every_later_hash_passes_the_walk_but_the_checkpoints_report_it()
    {
        var (app, _) = await TwoCheckpoints();
        // The owner disables the append-only trigger, turns the rejection into a clearance and recomputes the chain.
        await db.ExecuteAsync("""
            alter table audit_records disable trigger tr_audit_records_append_only;
            update audit_records set details = replace(details, 'reject', 'clear'), actor = 'someone-else'
            where id = (select record_id from audit_chain where seq = 7);
            alter table audit_records enable trigger tr_audit_records_append_only;
            """);
        await RecomputeChainFromAsync(7);

        var result = await Send(app, new VerifyAuditChain.Query());

        Assert.True(result.Valid, result.Problem); // the linear walk alone is fooled
        Assert.False(result.Checkpoints.Valid);
        Assert.Equal(3, result.Checkpoints.FirstChangedSeq);
        var problem = Assert.Single(result.Checkpoints.Problems);
        Assert.Matches(@"^the trail was rewritten: link hashes no longer match checkpoint line 2 signed at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC " +
                       @"\(the last checkpoint that still matches is line 1, size 2\): changed at or after record 3 and at or before record 8$", problem);

        // HireVet will not sign the rewritten trail either, once there is something new to sign.
        await RejectedCandidate();
        var refused = await Assert.ThrowsAsync<ConflictException>(() => Send(app, new SignAuditCheckpoint.Command()));
        Assert.Contains("no longer matches checkpoint line 2", refused.Message);

        // Through the API, as an auditor sees it.
        using var auditor = await Client(app, Roles.Auditor);
        var json = await auditor.GetFromJsonAsync<JsonObject>("/api/audit/verify");
        Assert.True(json!["valid"]!.GetValue<bool>());
        Assert.False(json["checkpoints"]!["valid"]!.GetValue<bool>());
        Assert.StartsWith("the trail was rewritten", json["checkpoints"]!["problems"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Deleting_the_newest_records_and_their_links_is_reported_as_missing()
    {
        var (app, _) = await TwoCheckpoints();
        await db.ExecuteAsync("""
            set session_replication_role = replica;
            delete from audit_records where id in (select record_id from audit_chain where seq >= 6);
            delete from audit_chain where seq >= 6;
            set session_replication_role = origin;
            """);

        var result = await Send(app, new VerifyAuditChain.Query());

        Assert.True(result.Valid, result.Problem);
        Assert.Equal(5, result.RecordsChecked);
        var problem = Assert.Single(result.Checkpoints.Problems);
        Assert.Matches(@"^records 6\.\.8 covered by checkpoint line 2 signed at .+ UTC are missing \(deleted\)$", problem);
    }

    [Fact]
    public async Task A_forged_record_inserted_in_the_middle_with_the_links_renumbered_and_rehashed_is_reported()
    {
        var (app, _) = await TwoCheckpoints();
        // A record claiming an approval that never happened, slotted in as link 5.
        await db.ExecuteAsync("""
            set session_replication_role = replica;
            update audit_chain set seq = -seq where seq >= 5;
            update audit_chain set seq = -seq + 1 where seq < 0;
            with forged as (
              insert into audit_records (occurred_at, actor, actor_role, action, target_type, target_id, request_digest, details)
              select occurred_at, 'sky', 'security', 'ReviewDecision', target_type, target_id, request_digest, '{}'
              from audit_records where id = (select record_id from audit_chain where seq = 4)
              returning id)
            insert into audit_chain (seq, record_id, previous_hash, hash) select 5, id, '', '' from forged;
            set session_replication_role = origin;
            """);
        await RecomputeChainFromAsync(5);

        var result = await Send(app, new VerifyAuditChain.Query());

        Assert.True(result.Valid, result.Problem);
        Assert.Equal(10, result.RecordsChecked);
        Assert.Equal(3, result.Checkpoints.FirstChangedSeq);
        Assert.Contains(result.Checkpoints.Problems, p => p.StartsWith("the trail was rewritten: link hashes no longer match checkpoint line 2", StringComparison.Ordinal)
                                                          && p.EndsWith("changed at or after record 3 and at or before record 8", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Checkpoints_deleted_from_the_database_are_reported_against_the_file()
    {
        var (app, _) = await TwoCheckpoints();
        await db.ExecuteAsync("""
            alter table audit_checkpoints disable trigger tr_audit_checkpoints_append_only;
            delete from audit_checkpoints where tree_size = 2;
            alter table audit_checkpoints enable trigger tr_audit_checkpoints_append_only;
            """);

        var result = await Send(app, new VerifyAuditCheckpoints.Query());

        var problem = Assert.Single(result.Problems);
        Assert.Matches(@"^checkpoint line 1 \(records 1\.\.2, signed at .+ UTC\) is in the signed file but missing from the database \(deleted", problem);
    }

    [Fact]
    public async Task A_line_edited_in_the_file_or_signed_by_another_key_is_reported_as_forged()
    {
        var (app, _) = await TwoCheckpoints();
        var lines = File.ReadAllLines(CheckpointFile);
        // Line 1 edited: its signed body claims another root.
        var first = JsonNode.Parse(lines[0])!;
        var body = Encoding.UTF8.GetString(Convert.FromBase64String(first["body"]!.GetValue<string>()));
        var otherRoot = Convert.ToBase64String(SHA256.HashData("forged"u8));
        first["body"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(body.Replace(first["root"]!.GetValue<string>(), otherRoot)));
        first["root"] = otherRoot;
        lines[0] = first.ToJsonString();
        // A third line signed with a key of the attacker's, covering a forged trail.
        using var attacker = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forged = new AuditCheckpoint
        {
            Size = 9, Root = SHA256.HashData("x"u8), HeadSeq = 9, HeadHash = new string('b', 64), SignedAt = DateTimeOffset.UtcNow,
            KeyId = AuditCheckpoint.KeyIdOf(attacker),
        };
        var forgedLine = forged.ToLine(attacker.SignData(Encoding.UTF8.GetBytes(forged.Body()), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        File.WriteAllLines(CheckpointFile, [.. lines, forgedLine.ToJson()]);

        var result = await Send(app, new VerifyAuditCheckpoints.Query());

        Assert.False(result.Valid);
        Assert.Contains("checkpoint line 1 has an invalid signature (forged)", result.Problems);
        Assert.Contains(result.Problems, p => p.StartsWith($"checkpoint line 3 is signed by an unknown key {forged.KeyId} (forged", StringComparison.Ordinal));
        // The database still holds line 1's checkpoint, which the file no longer has intact.
        Assert.Contains(result.Problems, p => p.StartsWith("the database holds a checkpoint (records 1..2", StringComparison.Ordinal));
        Assert.Equal(1, result.CheckpointCount);
        Assert.Equal(8, result.Latest!.Size);
    }

    [Fact]
    public async Task Checkpoints_signed_with_a_rotated_key_verify_while_its_public_key_is_trusted()
    {
        var (first, _) = await TwoCheckpoints();
        var oldPublic = Path.Combine(_dir, "old.pub.pem");
        File.WriteAllText(oldPublic, first.Services.GetRequiredService<AuditSigning>().PublicKeyPem);
        await RejectedCandidate();

        var forgotten = Signing();
        Assert.True((await Send(forgotten, new SignAuditCheckpoint.Command())).Signed);
        var notTrusted = await Send(forgotten, new VerifyAuditCheckpoints.Query());
        Assert.Equal(2, notTrusted.Problems.Count(p => p.Contains("unknown key", StringComparison.Ordinal)));

        var rotated = App(new Dictionary<string, string?>
        {
            ["Audit:SigningKeyFile"] = NewKeyFile(), ["Audit:CheckpointFile"] = CheckpointFile, ["Audit:TrustedPublicKeyFiles"] = oldPublic,
        });
        var verified = await Send(rotated, new VerifyAuditCheckpoints.Query());
        // Lines 1 and 2 (old key) verify; line 3 was signed by the key in between, no longer trusted.
        Assert.StartsWith("checkpoint line 3 is signed by an unknown key", Assert.Single(verified.Problems, p => p.Contains("unknown key")));
    }

    [Fact]
    public async Task Without_a_signing_key_HireVet_says_its_checkpoints_are_not_signed_and_generates_no_key()
    {
        await RejectedCandidate();
        var app = App(new Dictionary<string, string?> { ["Audit:CheckpointFile"] = CheckpointFile });

        var result = await Send(app, new VerifyAuditChain.Query());
        Assert.True(result.Valid);
        Assert.False(result.Checkpoints.Signed);
        Assert.StartsWith("Checkpoints are not signed: no signing key configured (Audit:SigningKeyFile).", result.Checkpoints.Message);
        Assert.False(app.Services.GetRequiredService<AuditSigning>().Signs);

        using var admin = await Client(app, Roles.Admin);
        var post = await admin.PostAsync("/api/audit/checkpoints", null);
        Assert.Equal(HttpStatusCode.Conflict, post.StatusCode);
        Assert.Contains("no signing key configured (Audit:SigningKeyFile)", await post.Content.ReadAsStringAsync());
        using var auditor = await Client(app, Roles.Auditor);
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync("/api/audit/public-key")).StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
            await ActivatorUtilities.CreateInstance<HireVet.Infrastructure.Jobs.SignAuditCheckpointJob>(scope.ServiceProvider).RunAsync(default);

        // Nothing was written anywhere: no key, no checkpoint file, no checkpoint row.
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir));
        Assert.Equal(0, await db.QuerySingleAsync<int>("select count(*)::int from audit_checkpoints"));
        // The default app of the other tests has no key either, and says the same.
        Assert.False((await db.SendAsync(new VerifyAuditCheckpoints.Query(), "audrey", Roles.Auditor)).Signed);
    }

    public static TheoryData<string> WrongKeys() => ["rsa", "p384", "garbage"];

    [Theory]
    [MemberData(nameof(WrongKeys))]
    public void Start_up_with_a_wrong_signing_key_fails_naming_the_setting(string kind)
    {
        var path = Path.Combine(_dir, $"{kind}.pem");
        using (var rsa = RSA.Create(2048))
            File.WriteAllText(path, kind switch
            {
                "rsa" => rsa.ExportPkcs8PrivateKeyPem(),
                "p384" => ECDsa.Create(ECCurve.NamedCurves.nistP384).ExportPkcs8PrivateKeyPem(),
                _ => "not a key at all",
            });
        var app = Signing(path);

        var e = Assert.ThrowsAny<Exception>(() => app.Services);

        var messages = string.Join(" | ", Chain(e).Select(x => x.Message));
        Assert.Contains($"Audit:SigningKeyFile ({path})", messages);
        Assert.DoesNotContain(Directory.EnumerateFiles(_dir), f => f != path);
    }

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException) yield return e;
    }

    [Fact]
    public async Task Signing_only_happens_when_the_trail_grew_and_goes_to_the_file_the_database_the_webhook_and_the_trail()
    {
        var app = Signing();
        Assert.Equal("Nothing to sign: the audit trail is empty.", (await Send(app, new SignAuditCheckpoint.Command())).Message);
        await db.ExecuteAsync("""
            insert into webhook_subscriptions (url, secret_protected, events, created_by, created_at)
            values ('https://siem.example/hook', 'x', array['audit.checkpoint'], 'test', now())
            """);
        await RejectedCandidate();

        var signed = await Send(app, new SignAuditCheckpoint.Command(), "ada", Roles.Admin);
        var again = await Send(app, new SignAuditCheckpoint.Command());

        Assert.True(signed.Signed);
        Assert.False(again.Signed); // only the signing's own record is new
        Assert.StartsWith("Nothing new since the checkpoint of", again.Message);
        var line = Assert.Single(File.ReadAllLines(CheckpointFile));
        var stored = await db.QuerySingleAsync<(long Size, string Body, string Signature)>("select tree_size, body, signature from audit_checkpoints");
        Assert.Equal((5L, signed.Checkpoint!.Body, signed.Checkpoint.Signature), stored);
        Assert.Equal(JsonNode.Parse(line)!["signature"]!.GetValue<string>(), stored.Signature);
        var delivery = await db.QuerySingleAsync<(string EventType, string Payload)>("select event_type, payload::text from webhook_deliveries");
        Assert.Equal("audit.checkpoint", delivery.EventType);
        Assert.Equal(stored.Signature, JsonNode.Parse(delivery.Payload)!["signature"]!.GetValue<string>());
        // Signing is audited; asking when nothing is new adds nothing (the scheduler asks every ten minutes).
        Assert.Equal(("ada", "audit_checkpoint"), await db.QuerySingleAsync<(string, string)>(
            "select actor, target_type from audit_records where action = 'SignAuditCheckpoint'"));

        var verified = await Send(app, new VerifyAuditChain.Query());
        Assert.True(verified.Checkpoints.Valid, string.Join("; ", verified.Checkpoints.Problems));
        Assert.Equal((5L, 1L), (verified.Checkpoints.Latest!.Size, verified.Checkpoints.LinksAfterLatest));
        Assert.Contains("records 6..6 are not yet in a signed checkpoint", verified.Checkpoints.Message);
    }

    [Fact]
    public async Task An_inclusion_proof_verifies_in_CSharp_and_with_the_python_script_and_openssl_and_consistency_proofs_too()
    {
        var (app, _) = await TwoCheckpoints();
        using var auditor = await Client(app, Roles.Auditor);

        var proofText = await auditor.GetStringAsync("/api/audit/records/7/proof");
        var proof = JsonSerializer.Deserialize<GetAuditRecordProof.Response>(proofText, JsonSerializerOptions.Web)!;
        Assert.Equal((6L, 8L, "DecideCandidate"), (proof.LeafIndex, proof.TreeSize, proof.Record.Action));
        var leaf = MerkleTree.LeafHash(Convert.FromHexString(proof.Record.Hash));
        var root = Convert.FromBase64String(AuditCheckpoint.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(proof.Checkpoint.Body)))!.RootBase64);
        Assert.True(MerkleTree.VerifyInclusion(proof.LeafIndex, proof.TreeSize, leaf, [.. proof.AuditPath.Select(Convert.FromHexString)], root));

        var publicKey = await auditor.GetStringAsync("/api/audit/public-key");
        Assert.Equal(app.Services.GetRequiredService<AuditSigning>().PublicKeyPem, publicKey);
        var files = (Proof: Path.Combine(_dir, "proof.json"), Key: Path.Combine(_dir, "pub.pem"), Consistency: Path.Combine(_dir, "consistency.json"));
        File.WriteAllText(files.Proof, proofText);
        File.WriteAllText(files.Key, publicKey);
        var (code, output) = await Python(files.Proof, "--public-key", files.Key);
        Assert.True(code == 0, output);
        Assert.Contains("OK: record 7 (DecideCandidate by sam", output);
        Assert.Contains("has a valid signature by key", output);

        // The record changed (its chain hash recomputed too): the script finds it.
        var tampered = JsonNode.Parse(proofText)!;
        tampered["record"]!["actor"] = "someone-else";
        File.WriteAllText(files.Proof, tampered.ToJsonString());
        (code, output) = await Python(files.Proof);
        Assert.Equal(1, code);
        Assert.Contains("FAIL: record 7's fields give chain hash", output);

        var consistencyText = await auditor.GetStringAsync("/api/audit/consistency?from=2");
        File.WriteAllText(files.Consistency, consistencyText);
        (code, output) = await Python("--consistency", files.Consistency, "--public-key", files.Key);
        Assert.True(code == 0, output);
        Assert.Contains("OK: the tree of 8 records", output);

        var exported = await auditor.GetStringAsync("/api/audit/checkpoints");
        Assert.Equal(File.ReadAllText(CheckpointFile), exported);
        Assert.Equal(HttpStatusCode.Conflict, (await auditor.GetAsync("/api/audit/records/9/proof")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync("/api/audit/records/3/proof?size=5")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.GetAsync("/api/audit/records/0/proof")).StatusCode);
        using var hr = await Client(app, Roles.Hr);
        Assert.Equal(HttpStatusCode.Forbidden, (await hr.GetAsync("/api/audit/records/7/proof")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await hr.PostAsync("/api/audit/checkpoints", null)).StatusCode);

        // The signature checks out with openssl exactly as docs/audit-verification.md says.
        var body = Path.Combine(_dir, "body");
        var signature = Path.Combine(_dir, "sig.der");
        File.WriteAllBytes(body, Convert.FromBase64String(proof.Checkpoint.Body));
        File.WriteAllBytes(signature, Convert.FromBase64String(proof.Checkpoint.Signature));
        (code, output) = await Run("openssl", "dgst", "-sha256", "-verify", files.Key, "-signature", signature, body);
        Assert.True(code == 0, output);
        Assert.Contains("Verified OK", output);
    }

    [Fact]
    public async Task The_decision_report_carries_its_records_proof_and_the_audit_pages_show_the_checkpoint_check()
    {
        var (app, decisionId) = await TwoCheckpoints();

        var decision = await Send(app, new GetDecision.Query(decisionId));
        var proof = decision.SignedProof!;
        Assert.Equal((7L, 8L), (proof.Record.Seq, proof.TreeSize));
        var root = AuditCheckpoint.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(proof.Checkpoint.Body)))!.Root;
        Assert.True(MerkleTree.VerifyInclusion(proof.LeafIndex, proof.TreeSize, Convert.FromHexString(proof.LeafHash),
            [.. proof.AuditPath.Select(Convert.FromHexString)], root));

        const string password = "correct horse battery staple";
        await db.SendAsync(new HireVet.Application.Access.CreateUser.Command { Username = "audrey", Role = Roles.Auditor, Password = password }, "fixture", Roles.Admin);
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await FormSignIn.PostAsync(browser, "audrey", password)).StatusCode);
        var page = await browser.GetStringAsync($"/audit/decisions/{decisionId}");
        Assert.Contains("Proof in a signed checkpoint", page);
        Assert.Contains("is leaf 6 of the", page);
        Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(proof.Checkpoint.Signature), page);
        var report = await browser.GetStringAsync($"/audit/decisions/{decisionId}/report");
        Assert.Contains("is leaf 6 of the", report);
        Assert.Contains("The trail matches its signed checkpoints.", await browser.GetStringAsync("/audit"));

        // A decision made after the latest checkpoint says so; the default app has no key and says that.
        var later = await RejectedCandidate();
        await Send(app, new ChainAuditRecords.Command(Wait: true));
        var pending = await Send(app, new GetDecision.Query(later));
        Assert.Null(pending.SignedProof);
        Assert.Matches(@"^Record \d+ is not yet in a signed checkpoint: the latest one, signed at .+, covers records 1\.\.8\.$", pending.SignedProofStatus);
        Assert.Equal("Checkpoints are not signed: no signing key configured (Audit:SigningKeyFile).",
            (await db.SendAsync(new GetDecision.Query(later), "audrey", Roles.Auditor)).SignedProofStatus);

        // After a rewrite the report gives no proof, and the audit page says what happened.
        await db.ExecuteAsync("set session_replication_role = replica; update audit_records set actor = 'x' where id = (select record_id from audit_chain where seq = 7); set session_replication_role = origin;");
        await RecomputeChainFromAsync(7);
        Assert.Contains("the link hashes no longer give its signed root", (await Send(app, new GetDecision.Query(decisionId))).SignedProofStatus);
        var index = await browser.GetStringAsync("/audit");
        Assert.Contains("The trail does not match its signed checkpoints: treat records from 3 on as untrusted", index);
        Assert.Contains("the trail was rewritten", index);
    }

    [Fact]
    public async Task The_cli_verifies_against_an_auditors_copies_of_the_checkpoints_and_the_public_key()
    {
        var (app, _) = await TwoCheckpoints();
        var copy = Path.Combine(_dir, "copy.jsonl");
        var pub = Path.Combine(_dir, "pub.pem");
        File.Copy(CheckpointFile, copy);
        File.WriteAllText(pub, app.Services.GetRequiredService<AuditSigning>().PublicKeyPem);
        // The default app has no key: the copies and the public key are all it checks with.
        string[] args = ["verify-audit", "--checkpoints", copy, "--public-key", pub];

        Assert.Equal(0, await HireVet.Web.Cli.AdminCli.RunAsync(db.Factory.Services, args));

        await db.ExecuteAsync("set session_replication_role = replica; update audit_records set actor = 'x' where id = (select record_id from audit_chain where seq = 4); set session_replication_role = origin;");
        await RecomputeChainFromAsync(4);
        Assert.Equal(1, await HireVet.Web.Cli.AdminCli.RunAsync(db.Factory.Services, args));
        Assert.Equal(0, await HireVet.Web.Cli.AdminCli.RunAsync(db.Factory.Services, ["walk-audit-chain"])); // the walk alone is fooled
        var result = await db.SendAsync(new VerifyAuditChain.Query
        {
            Checkpoints = new VerifyAuditCheckpoints.Query
            {
                CheckpointFile = copy, TrustedKeys = AuditSigning.KeysFromPem([(File.ReadAllText(pub), pub)]),
            },
        }, "audrey", Roles.Auditor);
        Assert.Equal(3, result.Checkpoints.FirstChangedSeq);
    }

    [Fact]
    public void The_cli_creates_a_signing_key_only_when_asked_never_over_another_and_readable_only_by_its_owner()
    {
        var path = Path.Combine(_dir, "keys", "audit-signing.pem");

        Assert.Equal(0, HireVet.Web.Cli.AdminCli.CreateSigningKey(["--out", path]));
        var written = File.ReadAllText(path);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        using var key = ECDsa.Create();
        key.ImportFromPem(written);
        Assert.Equal(256, key.KeySize);

        Assert.Equal(1, HireVet.Web.Cli.AdminCli.CreateSigningKey(["--out", path]));
        Assert.Equal(written, File.ReadAllText(path));
        Assert.Equal(2, HireVet.Web.Cli.AdminCli.CreateSigningKey([]));
        // The key it wrote is one HireVet starts with.
        var signing = AuditSigning.From(new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?> { ["Audit:SigningKeyFile"] = path, ["Audit:CheckpointFile"] = CheckpointFile }).Build());
        Assert.Equal(AuditCheckpoint.KeyIdOf(key), signing.KeyId);
    }

    private static Task<(int, string)> Python(params string[] args) =>
        Run("python3", [Path.Combine(RepoRoot(), "scripts", "verify-audit-proof.py"), .. args]);

    private static async Task<(int Code, string Output)> Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir.FullName, "HireVet.sln"))) dir = dir.Parent!;
        return dir.FullName;
    }
}
