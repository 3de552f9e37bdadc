using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HireVet.Application.Audit;
using HireVet.Application.Common.Formats;
using HireVet.Application.Common.Security;
using HireVet.Application.Reviews;
using HireVet.Application.Vetting;
using HireVet.Application.Vetting.Scoring;
using HireVet.IntegrationTests.Infrastructure;
using Npgsql;

namespace HireVet.IntegrationTests.Audit;

[Collection("db")]
public sealed class AuditChainTests(DatabaseFixture db) : IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

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
        return submitted.Id;
    }

    [Fact]
    public async Task Every_command_is_chained_and_the_chain_verifies()
    {
        await RejectedCandidate();

        // Nothing is linked until the chain writer runs (here: verification, which links what waits first).
        Assert.Equal(5, await db.QuerySingleAsync<int>("select count(*)::int from audit_unchained"));
        var result = await db.SendAsync(new VerifyAuditChain.Query(), "audrey", Roles.Auditor);
        Assert.True(result.Valid);
        Assert.Equal(5, result.RecordsChecked);
        Assert.Equal(0, result.Unchained);
        var actions = await db.QueryAsync<string>("select r.action from audit_chain c join audit_records r on r.id = c.record_id order by c.seq");
        Assert.Equal(["SubmitCandidate", "VetCandidates", "ClaimCandidate", "DecideCandidate", "ReviewDecision"], actions);
    }

    [Fact]
    public async Task Records_appended_concurrently_are_each_linked_once_and_the_chain_verifies()
    {
        // Commands no longer wait for each other to append; the writer links them all, each exactly once.
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            db.SendAsync(Dossiers.Honest($"ats-concurrent-{i}"), "hana", Roles.Hr)));
        var chaining = Enumerable.Range(0, 4).Select(_ => db.SendAsync(new ChainAuditRecords.Command())).ToArray();
        await Task.WhenAll(chaining);

        var result = await db.SendAsync(new VerifyAuditChain.Query(), "audrey", Roles.Auditor);

        Assert.True(result.Valid, result.Problem);
        Assert.Equal(40, result.RecordsChecked);
        Assert.Equal(40, chaining.Sum(c => c.Result)); // four writers at once: one links everything, the others find it taken or done
        Assert.Equal(40, await db.QuerySingleAsync<int>("select count(distinct record_id)::int from audit_chain"));
    }

    [Fact]
    public async Task A_record_taken_out_of_the_queue_before_it_was_linked_is_found_by_verification()
    {
        await RejectedCandidate();
        var last = await db.QuerySingleAsync<long>("select max(id) from audit_records");
        await db.ExecuteAsync("delete from audit_unchained where record_id = @last", new { last });

        var result = await db.SendAsync(new VerifyAuditChain.Query(), "audrey", Roles.Auditor);

        Assert.False(result.Valid);
        Assert.Equal(last, result.FirstBrokenId);
        Assert.Contains("queue", result.Problem);
    }

    [Fact]
    public async Task Removing_a_link_is_found_by_verification()
    {
        await RejectedCandidate();
        await db.SendAsync(new ChainAuditRecords.Command());
        await db.ExecuteAsync("set session_replication_role = replica; delete from audit_chain where seq = 3; set session_replication_role = origin;");

        var result = await db.SendAsync(new VerifyAuditChain.Query(), "audrey", Roles.Auditor);

        Assert.False(result.Valid);
        Assert.Equal(4, result.FirstBrokenSeq);
        Assert.Contains("missing", result.Problem);
    }

    [Fact]
    public async Task Changing_a_record_directly_in_PostgreSQL_is_found_by_verification()
    {
        await RejectedCandidate();
        await db.SendAsync(new ChainAuditRecords.Command());
        // A superuser can get past the append-only trigger; the hash chain still tells.
        await db.ExecuteAsync("""
            set session_replication_role = replica;
            update audit_records set actor = 'someone-else' where id = (select record_id from audit_chain where seq = 4);
            set session_replication_role = origin;
            """);

        var result = await db.SendAsync(new VerifyAuditChain.Query(), "audrey", Roles.Auditor);

        Assert.False(result.Valid);
        Assert.Equal(4, result.FirstBrokenSeq);
        Assert.Equal(3, result.RecordsChecked);
        Assert.Contains("changed", result.Problem);
    }

    [Fact]
    public async Task Deleting_a_record_is_found_by_verification()
    {
        await RejectedCandidate();
        await db.SendAsync(new ChainAuditRecords.Command());
        await db.ExecuteAsync("""
            set session_replication_role = replica;
            delete from audit_records where id = (select record_id from audit_chain where seq = 2);
            set session_replication_role = origin;
            """);

        var result = await db.SendAsync(new VerifyAuditChain.Query(), "audrey", Roles.Auditor);

        Assert.False(result.Valid);
        Assert.Equal(2, result.FirstBrokenSeq);
        Assert.Contains("deleted", result.Problem);
    }

    [Fact]
    public async Task The_pages_check_only_the_links_since_the_last_intact_full_walk_and_an_older_change_shows_at_the_next_walk()
    {
        await RejectedCandidate();
        // No walk recorded yet: the check walks the whole chain.
        var first = await db.SendAsync(new VerifyAuditChain.Query { SinceLastWalk = true }, "audrey", Roles.Auditor);
        Assert.True(first.Valid);
        Assert.Null(first.ContinuedFrom);
        Assert.Equal((1L, 5L, 5L), (first.FromSeq, first.ThroughSeq, first.RecordsChecked));

        var walk = await db.SendAsync(new RecordAuditChainWalk.Command(), "system", Roles.System);
        Assert.True(walk.Valid);
        Assert.Equal(5, await db.QuerySingleAsync<long>("select through_seq from audit_chain_walks"));
        Assert.Equal(walk.HeadHash, await db.QuerySingleAsync<string>("select through_hash from audit_chain_walks"));

        await RejectedCandidate(); // five more records
        var since = await db.SendAsync(new VerifyAuditChain.Query { SinceLastWalk = true }, "audrey", Roles.Auditor);
        Assert.True(since.Valid, since.Problem);
        Assert.NotNull(since.ContinuedFrom);
        // The walk's last link again (against its recorded hash), then the five new ones.
        Assert.Equal((5L, 10L, 6L), (since.FromSeq, since.ThroughSeq, since.RecordsChecked));
        Assert.Equal(since.HeadHash, (await db.SendAsync(new VerifyAuditChain.Query(), "audrey", Roles.Auditor)).HeadHash);

        // A change to a record the walk covered: not seen by the continued check, seen by a full walk, and once a walk
        // has recorded the break, the pages walk in full again (and show it) instead of continuing.
        await db.ExecuteAsync("""
            set session_replication_role = replica;
            update audit_records set actor = 'someone-else' where id = (select record_id from audit_chain where seq = 2);
            set session_replication_role = origin;
            """);
        Assert.True((await db.SendAsync(new VerifyAuditChain.Query { SinceLastWalk = true }, "audrey", Roles.Auditor)).Valid);
        var full = await db.SendAsync(new VerifyAuditChain.Query(), "audrey", Roles.Auditor);
        Assert.False(full.Valid);
        Assert.Equal(2, full.FirstBrokenSeq);

        var broken = await db.SendAsync(new RecordAuditChainWalk.Command(), "system", Roles.System);
        Assert.False(broken.Valid);
        var after = await db.SendAsync(new VerifyAuditChain.Query { SinceLastWalk = true }, "audrey", Roles.Auditor);
        Assert.False(after.Valid);
        Assert.Null(after.ContinuedFrom);
        Assert.Equal(2, after.FirstBrokenSeq);
        Assert.Equal(1, after.ThroughSeq);
    }

    [Fact]
    public async Task Rewriting_the_last_walked_link_or_deleting_links_after_it_is_found_by_the_continued_check()
    {
        await RejectedCandidate();
        await db.SendAsync(new RecordAuditChainWalk.Command(), "system", Roles.System);
        await RejectedCandidate();
        await db.SendAsync(new ChainAuditRecords.Command(Wait: true));

        // Someone recomputes link 5 onwards over changed content: every hash is consistent, but link 5's differs from
        // the one the walk recorded.
        await db.ExecuteAsync("""
            set session_replication_role = replica;
            update audit_chain set hash = repeat('0', 64) where seq = 5;
            update audit_chain set previous_hash = repeat('0', 64) where seq = 6;
            set session_replication_role = origin;
            """);
        var rewritten = await db.SendAsync(new VerifyAuditChain.Query { SinceLastWalk = true }, "audrey", Roles.Auditor);
        Assert.False(rewritten.Valid);
        Assert.Equal(5, rewritten.FirstBrokenSeq);
        Assert.Contains("last full walk recorded", rewritten.Problem);

        await db.ExecuteAsync("set session_replication_role = replica; delete from audit_chain where seq >= 5; set session_replication_role = origin;");
        var deleted = await db.SendAsync(new VerifyAuditChain.Query { SinceLastWalk = true }, "audrey", Roles.Auditor);
        Assert.False(deleted.Valid);
        Assert.Contains("deleted", deleted.Problem);
    }

    [Fact]
    public async Task The_application_role_cannot_update_or_delete_audit_records()
    {
        await RejectedCandidate();
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();

        await db.SendAsync(new ChainAuditRecords.Command());
        foreach (var sql in new[] { "update audit_records set actor = 'x'", "delete from audit_records", "truncate audit_records",
                     "update audit_chain set hash = 'x'", "delete from audit_chain", "truncate audit_chain" })
        {
            await using var cmd = new NpgsqlCommand(sql, connection);
            var error = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        }
        // And the owner is stopped by the trigger.
        var ownerError = await Assert.ThrowsAsync<PostgresException>(() => db.ExecuteAsync("update audit_records set actor = 'x'"));
        Assert.Contains("audit_records is append-only", ownerError.MessageText);
        var linkError = await Assert.ThrowsAsync<PostgresException>(() => db.ExecuteAsync("delete from audit_chain"));
        Assert.Contains("audit_chain is append-only", linkError.MessageText);
    }

    [Fact]
    public async Task Auditors_export_decisions_with_their_assessment_as_CSV_and_JSON()
    {
        var id = await RejectedCandidate();
        var auditor = await db.ClientAsync(Roles.Auditor);

        var csv = await auditor.GetAsync("/api/audit/decisions/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("decision_id,candidate_id,external_id,legal_name,outcome,justification", lines[0]);
        Assert.Contains($",{id},", lines[1]);
        Assert.Contains("reject", lines[1]);
        Assert.Contains("approved,sky", lines[1]);
        // Columns added later go at the end (band_at_decision), so the earlier ones keep their places.
        var header = Csv.Split(lines[0]).ToList();
        var row = Csv.Split(lines[1]);
        Assert.Equal("PAY-04", row[header.IndexOf("indicators")]);
        Assert.Equal(("band_at_decision", "review"), (header[^1], row[^1]));

        var json = await auditor.GetFromJsonAsync<JsonElement>("/api/audit/decisions/export?format=json");
        var decision = json.EnumerateArray().Single();
        Assert.Equal("Payroll goes to a third party, unexplained.", decision.GetProperty("justification").GetString());
        Assert.Equal("review", decision.GetProperty("assessmentBand").GetString());
        Assert.Equal(Ruleset.Embedded.Version, decision.GetProperty("rulesetVersion").GetString());
        Assert.Equal("PAY-04", decision.GetProperty("signals")[0].GetProperty("indicatorId").GetString());

        var verify = await auditor.GetFromJsonAsync<JsonElement>("/api/audit/verify");
        Assert.True(verify.GetProperty("valid").GetBoolean());
    }
}
