using System.Net;
using System.Text.Json;
using HireVet.Application.Audit;
using HireVet.Application.Common.Formats;
using HireVet.Application.Common.Security;
using HireVet.Application.Reviews;
using HireVet.Application.Vetting;
using HireVet.IntegrationTests.Infrastructure;

namespace HireVet.IntegrationTests.Audit;

/// <summary>The auditor's decision list: filters by date, reviewer (decided or approved), outcome and band at decision,
/// the count of the same set, paging, the filtered streamed export, the API's field-named errors, and one decision's
/// full record (snapshot, revision, audit records checked against the chain).</summary>
[Collection("db")]
public sealed class AuditDecisionsTests(DatabaseFixture db) : IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly DateTimeOffset Day = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    private sealed record Spec(string Outcome, string Band, string DecidedBy, string? Approver, DateTimeOffset DecidedAt);

    // Ten decisions over ten days, on two vetted candidates; inserted directly (an edge state: decisions spread over
    // time, which commands taking "now" cannot make).
    private static readonly Spec[] Specs =
    [
        new("reject", "high", "sam", "sky", Day.AddHours(1)),
        new("clear", "review", "sam", null, Day.AddDays(1).AddHours(9)),
        new("request_information", "review", "sky", null, Day.AddDays(2).AddHours(10)),
        new("reject", "review", "sky", "sam", Day.AddDays(3).AddHours(23).AddMinutes(59)),
        new("clear", "high", "sky", "ravi", Day.AddDays(4)),
        new("reject", "high", "ravi", "sky", Day.AddDays(5).AddHours(12)),
        new("clear", "clear", "ravi", null, Day.AddDays(6)),
        new("request_information", "high", "sam", null, Day.AddDays(7)),
        new("reject", "high", "sam", "ravi", Day.AddDays(8)),
        new("clear", "review", "sky", null, Day.AddDays(9).AddHours(8)),
    ];

    private async Task<long[]> ArrangeAsync()
    {
        var candidates = new List<long>();
        for (var i = 0; i < 2; i++)
        {
            var id = (await db.SendAsync(Dossiers.PayeeMismatch(), "hana", Roles.Hr)).Id;
            await db.SendAsync(new VetCandidates.Command([id]), "system", Roles.System);
            candidates.Add(id);
        }
        var ids = new List<long>();
        for (var i = 0; i < Specs.Length; i++)
        {
            var s = Specs[i];
            var candidate = candidates[i % 2];
            var id = await db.QuerySingleAsync<long>("""
                insert into decisions (candidate_id, assessment_id, outcome, justification, band_at_decision, requires_approval, decided_by, decided_at)
                select @candidate, max(a.id), @Outcome, 'Justified by the evidence in the assessment.', @Band, @requiresApproval, @DecidedBy, @DecidedAt
                from assessments a where a.candidate_id = @candidate
                returning id
                """, new { candidate, s.Outcome, s.Band, requiresApproval = s.Approver is not null, s.DecidedBy, s.DecidedAt });
            if (s.Approver is not null)
                await db.ExecuteAsync("""
                    insert into decision_approvals (decision_id, verdict, justification, approver, approved_at)
                    values (@id, 'approved', 'Checked the evidence again myself.', @Approver, @at)
                    """, new { id, s.Approver, at = s.DecidedAt.AddHours(1) });
            ids.Add(id);
        }
        return ids.ToArray();
    }

    /// <summary>The ids the specs select, newest first (as the list orders them).</summary>
    private static long[] Expected(long[] ids, Func<Spec, bool> where) =>
        ids.Select((id, i) => (id, s: Specs[i])).Where(x => where(x.s)).OrderByDescending(x => x.s.DecidedAt).Select(x => x.id).ToArray();

    private async Task AssertSelectsAsync(long[] expected, DateTimeOffset? from = null, DateTimeOffset? to = null, string? reviewer = null,
        string? outcome = null, string? band = null)
    {
        var list = await db.SendAsync(new ListDecisions.Query { From = from, To = to, Reviewer = reviewer, Outcome = outcome, Band = band }, "audrey", Roles.Auditor);
        var count = await db.SendAsync(new CountDecisions.Query { From = from, To = to, Reviewer = reviewer, Outcome = outcome, Band = band }, "audrey", Roles.Auditor);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, list.Select(d => d.DecisionId));
        Assert.Equal(expected.Length, count);
    }

    [Fact]
    public async Task Each_filter_selects_its_decisions_newest_first_and_the_count_is_of_the_same_set()
    {
        var ids = await ArrangeAsync();

        await AssertSelectsAsync(Expected(ids, _ => true));
        await AssertSelectsAsync(Expected(ids, s => s.Outcome == "reject"), outcome: "reject");
        await AssertSelectsAsync(Expected(ids, s => s.Band == "high"), band: "high");
        // A reviewer is whoever decided or gave the second verdict.
        await AssertSelectsAsync(Expected(ids, s => s.DecidedBy == "ravi" || s.Approver == "ravi"), reviewer: "ravi");
        // Dates are inclusive at both ends: a decision at 23:59 on the last day counts.
        var (from, to) = (Day.AddDays(1), Day.AddDays(4).AddTicks(-10));
        await AssertSelectsAsync(Expected(ids, s => s.DecidedAt >= from && s.DecidedAt <= to), from, to);
        await AssertSelectsAsync(Expected(ids, s => s.Outcome == "reject" && s.Band == "high" && (s.DecidedBy == "sky" || s.Approver == "sky")),
            reviewer: "sky", outcome: "reject", band: "high");
        Assert.Equal(0, await db.SendAsync(new CountDecisions.Query { Reviewer = "nobody" }, "audrey", Roles.Auditor));
    }

    [Fact]
    public async Task Pages_follow_one_another_without_gaps_or_repeats()
    {
        var ids = await ArrangeAsync();
        var pages = new List<long>();
        for (var offset = 0; offset < 12; offset += 4)
            pages.AddRange((await db.SendAsync(new ListDecisions.Query { Limit = 4, Offset = offset }, "audrey", Roles.Auditor)).Select(d => d.DecisionId));
        Assert.Equal(Expected(ids, _ => true), pages);
    }

    [Fact]
    public async Task The_API_filters_counts_and_exports_exactly_the_filtered_set_as_CSV_and_JSON()
    {
        var ids = await ArrangeAsync();
        var expected = Expected(ids, s => s.Outcome == "reject" && s.DecidedAt >= Day.AddDays(3));
        var client = await db.ClientAsync(Roles.Auditor);

        var list = await client.GetAsync("/api/audit/decisions?outcome=reject&from=2026-11-23");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(expected.Length.ToString(), list.Headers.GetValues("X-Total-Count").Single());
        var listed = JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(expected, listed.EnumerateArray().Select(d => d.GetProperty("decisionId").GetInt64()));

        var csv = await client.GetAsync("/api/audit/decisions/export?format=csv&outcome=reject&from=2026-11-23");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = Csv.Split(lines[0]).ToList();
        var rows = lines.Skip(1).Select(Csv.Split).ToArray();
        Assert.Equal(expected.Select(id => id.ToString()), rows.Select(r => r[header.IndexOf("decision_id")]));
        Assert.All(rows, r => Assert.Equal("reject", r[header.IndexOf("outcome")]));
        Assert.All(rows, r => Assert.Contains("PAY-04", r[header.IndexOf("indicators")]));

        var json = await client.GetAsync("/api/audit/decisions/export?format=json&outcome=reject&from=2026-11-23");
        Assert.Equal("application/json", json.Content.Headers.ContentType!.MediaType);
        var exported = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(expected, exported.EnumerateArray().Select(d => d.GetProperty("decisionId").GetInt64()));
        Assert.All(exported.EnumerateArray(), d => Assert.Contains(d.GetProperty("signals").EnumerateArray(),
            s => s.GetProperty("indicatorId").GetString() == "PAY-04"));
    }

    [Fact]
    public async Task Invalid_filters_are_400_problems_naming_the_field_on_the_list_and_the_export()
    {
        var client = await db.ClientAsync(Roles.Auditor);
        foreach (var path in new[] { "/api/audit/decisions", "/api/audit/decisions/export?format=csv" })
        {
            var join = path.Contains('?') ? '&' : '?';
            await AssertProblemAsync(client, $"{path}{join}from=yesterday", "from", "must be a date");
            await AssertProblemAsync(client, $"{path}{join}band=purple", "band", "clear, review, high");
            await AssertProblemAsync(client, $"{path}{join}outcome=approve", "outcome", "clear, reject, request_information");
            await AssertProblemAsync(client, $"{path}{join}from=2026-12-02&to=2026-12-01", "to", "must not be before");
        }
    }

    private static async Task AssertProblemAsync(HttpClient client, string path, string field, string message)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains(message, errors.GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task A_decision_shows_its_snapshot_revision_verdict_and_the_audit_records_each_checked_against_the_chain()
    {
        var candidate = (await db.SendAsync(Dossiers.PayeeMismatch(), "hana", Roles.Hr)).Id;
        // Vetted as a batch (as the scheduler does): the record targets the batch and names the candidate in its details.
        await db.SendAsync(new VetCandidates.Command([candidate]), "system", Roles.System);
        await db.SendAsync(new ClaimCandidate.Command(candidate), "sam");
        var decided = await db.SendAsync(new DecideCandidate.Command
        {
            CandidateId = candidate, Outcome = "reject", Justification = "Pay goes to a third party and nobody explained why.",
        }, "sam");
        await db.SendAsync(new ReviewDecision.Command { DecisionId = decided.DecisionId, Verdict = "approved", Justification = "Checked the payee evidence myself." }, "sky");
        await db.SendAsync(new ChainAuditRecords.Command());

        var d = await db.SendAsync(new GetDecision.Query(decided.DecisionId), "audrey", Roles.Auditor);

        Assert.Equal("reject", d.Outcome);
        Assert.Equal("Pay goes to a third party and nobody explained why.", d.Justification);
        Assert.Equal(("approved", "sky", "Checked the payee evidence myself."), (d.ApprovalVerdict, d.ApprovedBy, d.ApprovalJustification));
        var assessment = await db.QuerySingleAsync<long>("select assessment_id from decisions where id = @id", new { id = decided.DecisionId });
        Assert.Equal(assessment, d.Assessment.Id);
        Assert.Equal(assessment, d.LatestAssessmentId);
        Assert.Equal(await db.QuerySingleAsync<string>("select ruleset_hash from assessments where id = @assessment", new { assessment }), d.Assessment.RulesetHash);
        var payee = Assert.Single(d.Assessment.Signals, s => s.IndicatorId == "PAY-04");
        Assert.Equal("Christina Moore", payee.Evidence["accountHolderName"]?.ToString());
        Assert.Contains(d.Assessment.Trace, t => t.Check == "payee-name" && t.Outcome == "fired");
        Assert.Equal(1, d.Revision.Revision);
        Assert.Equal("Christina Moore", d.Revision.Dossier["payrollDestination"]?["accountHolderName"]?.ToString());
        Assert.Null(d.Revision.Dossier["payrollDestination"]?["accountNumber"]); // kept encrypted, not in the stored dossier

        Assert.Equal(["SubmitCandidate", "VetCandidates", "ClaimCandidate", "DecideCandidate", "ReviewDecision"], d.AuditRecords.Select(r => r.Action));
        Assert.Equal(5, d.AuditRecordsTotal);
        Assert.All(d.AuditRecords, r => Assert.True(r.Seq is not null && r.HashMatches == true && r.LinkMatches == true, r.Action));
        Assert.Equal(["DecideCandidate", "ReviewDecision"], d.AuditRecords.Where(r => r.AboutThisDecision).Select(r => r.Action));

        // A superuser's change to one record shows on that record.
        await db.ExecuteAsync("""
            set session_replication_role = replica;
            update audit_records set actor = 'someone-else' where action = 'DecideCandidate';
            set session_replication_role = origin;
            """);
        var tampered = await db.SendAsync(new GetDecision.Query(decided.DecisionId), "audrey", Roles.Auditor);
        Assert.Equal(false, Assert.Single(tampered.AuditRecords, r => r.Action == "DecideCandidate").HashMatches);
        Assert.All(tampered.AuditRecords.Where(r => r.Action != "DecideCandidate"), r => Assert.True(r.HashMatches));
    }

    [Fact]
    public async Task The_PDF_is_a_503_problem_when_Chromium_is_not_installed()
    {
        await using var app = new HireVetFactory(db.ConnectionString, jobsEnabled: false,
            new Dictionary<string, string?> { ["Reports:ChromiumPath"] = "/nonexistent/chromium" });
        var key = (await db.SendAsync(new Application.Access.CreateApiKey.Command { Name = "pdf", Role = Roles.Auditor }, "fixture", Roles.Admin)).Key;
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(Web.Security.ApiKeyAuthenticationHandler.Header, key);

        var response = await client.GetAsync("/audit/decisions/1/report.pdf");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("PDF rendering is not available on this server.",
            JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString());
    }
}
