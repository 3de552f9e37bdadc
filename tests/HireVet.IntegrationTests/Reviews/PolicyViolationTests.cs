using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HireVet.Application.Audit;
using HireVet.Application.Common.Errors;
using HireVet.Application.Common.Formats;
using HireVet.Application.Common.Security;
using HireVet.Application.Connectors;
using HireVet.Application.Dashboard;
using HireVet.Application.Notices;
using HireVet.Application.Reviews;
using HireVet.Application.Vetting;
using HireVet.IntegrationTests.Infrastructure;

namespace HireVet.IntegrationTests.Reviews;

/// <summary>The policy_violation outcome (decision 0048) on real PostgreSQL: a hired worker whose sign-ins came from
/// another country and through a VPN is found in breach of the remote-work policy, never rejected: four eyes as for a
/// rejection, the case in its own status, its own letter, its own counts, filter and export value, and its own value in
/// the note written back to the ATS.</summary>
[Collection("db")]
public sealed class PolicyViolationTests(DatabaseFixture db) : IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private const string Justification = "Sign-ins from Germany through a travel router while she reported working from Austin; identity checks all hold.";

    private Task<string> StatusOf(long id) => db.QuerySingleAsync<string>("select status from candidates where id = @id", new { id });

    private Task<long> WorkerInReviewAsync() => HiredWorkers.InReviewAsync(db);

    private async Task<DecideCandidate.Response> DecidePolicyViolationAsync(long id)
    {
        await db.SendAsync(new ClaimCandidate.Command(id), "sam");
        return await db.SendAsync(new DecideCandidate.Command { CandidateId = id, Outcome = "policy_violation", Justification = Justification }, "sam");
    }

    private Task<ReviewDecision.Response> ApproveAsync(long decisionId) =>
        db.SendAsync(new ReviewDecision.Command { DecisionId = decisionId, Verdict = "approved", Justification = "Checked the sign-in evidence myself." }, "sky");

    [Fact]
    public async Task A_policy_violation_needs_a_second_reviewer_and_leaves_the_worker_employed_in_its_own_status_never_rejected()
    {
        var id = await WorkerInReviewAsync();

        var decision = await DecidePolicyViolationAsync(id);

        Assert.True(decision.RequiresApproval);
        Assert.Equal("awaiting_approval", await StatusOf(id));
        await Assert.ThrowsAsync<ForbiddenException>(() => db.SendAsync(new ReviewDecision.Command
        {
            DecisionId = decision.DecisionId, Verdict = "approved", Justification = "Approving my own decision.",
        }, "sam"));
        var pending = Assert.Single(await db.SendAsync(new GetPendingApprovals.Query(), "sky"));
        Assert.Equal(("policy_violation", "Finding a remote-work policy violation needs a second reviewer."), (pending.Outcome, pending.Reason));
        var backlog = await db.SendAsync(new GetReviewBacklog.Query(), "sky");
        Assert.Equal((1L, 0L, 1L), (backlog.AwaitingApproval, backlog.AwaitingApprovalRejections, backlog.AwaitingApprovalPolicyViolations));

        var approved = await ApproveAsync(decision.DecisionId);

        Assert.Equal("policy_violation", approved.CandidateStatus);
        Assert.Equal("policy_violation", await StatusOf(id));
        Assert.Equal("active", await db.QuerySingleAsync<string>("select status from workers where candidate_id = @id", new { id }));
        // Nothing reads it as a rejection: no rejection stage, no finalisation, and a re-vet does not count it as one.
        await Assert.ThrowsAsync<ConflictException>(() => db.SendAsync(new FinaliseRejection.Command { CandidateId = id, Justification = "Trying to finalise it." }, "sky"));
        Assert.Equal(0, await db.QuerySingleAsync<long>("select count(*) from decisions where candidate_id = @id and outcome = 'reject'", new { id }));

        var figures = GetDashboard.Figures(await db.SendAsync(new CountCandidates.Query(), role: Roles.Auditor));
        Assert.Equal(1, figures.ByStatus.Single(s => s.Key == "policy_violation").Value);
        Assert.Equal(0, figures.ByStatus.Single(s => s.Key == "rejected").Value);
    }

    [Fact]
    public async Task A_candidate_who_is_not_hired_cannot_be_found_in_breach_of_the_remote_work_policy()
    {
        var id = (await db.SendAsync(Dossiers.PayeeMismatch(), "hana", Roles.Hr)).Id;
        await db.SendAsync(new VetCandidates.Command([id]), "system", Roles.System);

        var refused = await Assert.ThrowsAsync<ConflictException>(() => DecidePolicyViolationAsync(id));

        Assert.Contains("not hired", refused.Message);
        Assert.Equal("review", await StatusOf(id));
        Assert.Equal(0, await db.QuerySingleAsync<long>("select count(*) from decisions"));
    }

    [Fact]
    public async Task The_approved_violation_is_owed_its_own_letter_once_about_the_policy_and_the_facts_never_about_fraud()
    {
        var id = await WorkerInReviewAsync();
        await ApproveAsync((await DecidePolicyViolationAsync(id)).DecisionId);

        var owed = await db.SendAsync(new GetCandidateNotices.Query(id), "sam");
        Assert.Equal(NoticeLetter.PolicyViolation, owed.OwedKind);
        var open = Assert.Single(await db.SendAsync(new ListNotices.Query("open"), "sam"));
        Assert.Equal((id, "policy_violation", "to_send"), (open.CandidateId, open.Kind, open.State));
        Assert.Empty(await db.SendAsync(new ListNotices.Query("final"), "sam")); // not an adverse action

        var sent = await db.SendAsync(new RecordNoticeSent.Command { CandidateId = id, Channel = "email" }, "sam");

        Assert.Equal(NoticeLetter.PolicyViolation, sent.Kind);
        var letter = await db.QuerySingleAsync<string>("select letter_text from candidate_notices where id = @NoticeId", new { sent.NoticeId });
        Assert.Contains("Remote-work policy: where you work from as Backend engineer", letter);
        Assert.Contains("came from different countries too close together in time to travel between them", letter); // the fact observed
        foreach (var word in new[] { "fraud", "identity", "DPRK", "Korea", "sanction", "adverse action", "not to continue with your application" })
            Assert.DoesNotContain(word, letter, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("79.192.0.1", letter); // evidence values never reach a letter

        var again = await Assert.ThrowsAsync<ConflictException>(() => db.SendAsync(new RecordNoticeSent.Command { CandidateId = id, Channel = "post" }, "sam"));
        Assert.Contains("sent once", again.Message);
        Assert.Empty(await db.SendAsync(new ListNotices.Query("open"), "sam"));
        Assert.Equal("final_sent", Assert.Single(await db.SendAsync(new ListNotices.Query("sent"), "sam")).State);
        await Assert.ThrowsAsync<ConflictException>(() => db.SendAsync(new RecordNoticeResponse.Command
        {
            CandidateId = id, ResponseText = "I was on an agreed trip.", Channel = "email",
        }, "sam"));
    }

    [Fact]
    public async Task Counts_filters_and_exports_carry_policy_violation_as_its_own_value()
    {
        var violation = await WorkerInReviewAsync();
        await ApproveAsync((await DecidePolicyViolationAsync(violation)).DecisionId);
        var rejected = (await db.SendAsync(Dossiers.PayeeMismatch(), "hana", Roles.Hr)).Id;
        await db.SendAsync(new VetCandidates.Command([rejected]), "system", Roles.System);
        await db.SendAsync(new ClaimCandidate.Command(rejected), "sam");
        await db.SendAsync(new DecideCandidate.Command { CandidateId = rejected, Outcome = "reject", Justification = "Pay goes to a third party, unexplained." }, "sam");

        Assert.Equal(1, await db.SendAsync(new CountDecisions.Query { Outcome = "policy_violation" }, role: Roles.Auditor));
        Assert.Equal(1, await db.SendAsync(new CountDecisions.Query { Outcome = "reject" }, role: Roles.Auditor));
        var weeks = await db.SendAsync(new CountDecisionsByWeek.Query(), role: Roles.Auditor);
        Assert.Equal(1, weeks.Outcomes.Single(o => o.Key == "policy_violation").Total);
        Assert.Equal(1, weeks.Outcomes.Single(o => o.Key == "reject").Total);

        var auditor = await db.ClientAsync(Roles.Auditor);
        var csv = await auditor.GetAsync("/api/audit/decisions/export?format=csv&outcome=policy_violation");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = Csv.Split(lines[0]).ToList();
        var row = Assert.Single(lines.Skip(1).Select(Csv.Split));
        Assert.Equal(("policy_violation", violation.ToString()), (row[header.IndexOf("outcome")], row[header.IndexOf("candidate_id")]));

        var json = JsonDocument.Parse(await auditor.GetStringAsync("/api/audit/decisions/export?format=json")).RootElement;
        Assert.Equal(["policy_violation", "reject"], json.EnumerateArray().Select(d => d.GetProperty("outcome").GetString()).Order());
    }

    [Fact]
    public async Task The_note_written_back_to_the_ATS_names_the_policy_violation_not_a_rejection()
    {
        var id = await WorkerInReviewAsync();
        var connector = (await db.SendAsync(new AddConnector.Command
        {
            Kind = "greenhouse", Name = "Greenhouse", Settings = new() { ["notes"] = "on", ["onBehalfOf"] = "4080" }, Secrets = new() { ["apiKey"] = "harvest-key-0123456789" },
        }, "ada", Roles.Admin)).Id;
        await db.ExecuteAsync("insert into ats_links (connector_id, ats_id, candidate_id, last_event_at) values (@connector, 'gh-1', @id, now())",
            new { connector, id });

        await ApproveAsync((await DecidePolicyViolationAsync(id)).DecisionId);

        var notes = await db.QueryAsync<string>("select body from connector_notes where candidate_id = @id and kind = 'decided'", new { id });
        Assert.Equal(["HireVet decision final: policy_violation."], notes);
    }

    [Fact]
    public async Task An_unknown_outcome_over_HTTP_is_a_400_problem_naming_the_field_and_the_outcomes()
    {
        var id = await WorkerInReviewAsync();
        var sam = await db.ClientAsync(Roles.Security, "sam");
        Assert.Equal(HttpStatusCode.NoContent, (await sam.PostAsync($"/api/candidates/{id}/claim", null)).StatusCode);

        var response = await sam.PostAsJsonAsync($"/api/candidates/{id}/decisions", new { outcome = "fraud", justification = Justification });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal("'outcome' must be one of: clear, reject, request_information, policy_violation.", errors.GetProperty("outcome")[0].GetString());
        Assert.Equal(0, await db.QuerySingleAsync<long>("select count(*) from decisions"));

        var decided = await sam.PostAsJsonAsync($"/api/candidates/{id}/decisions", new { outcome = "policy_violation", justification = Justification });
        Assert.Equal(HttpStatusCode.Created, decided.StatusCode);
        Assert.Equal("awaiting_approval", (await decided.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("candidateStatus").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_policy_violation_outcome()
    {
        var openApi = JsonDocument.Parse(await (await db.ClientAsync(Roles.Security)).GetStringAsync("/openapi/v1.json")).RootElement;

        var outcome = openApi.GetProperty("components").GetProperty("schemas").GetProperty("DecisionBody").GetProperty("properties").GetProperty("outcome");
        Assert.Contains("policy_violation", outcome.GetProperty("description").GetString());
        Assert.Contains("not suspected fraud", outcome.GetProperty("description").GetString());
    }
}
