using HireVet.Application.Candidates;
using HireVet.Application.Common.Errors;
using HireVet.Application.Common.Security;
using HireVet.Application.Reviews;
using HireVet.Application.Vetting;
using HireVet.IntegrationTests.Infrastructure;

namespace HireVet.IntegrationTests.Reviews;

[Collection("db")]
public sealed class FourEyesTests(DatabaseFixture db) : IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<long> CandidateInReview(SubmitCandidate.Command dossier)
    {
        var submitted = await db.SendAsync(dossier, "hana", Roles.Hr);
        await db.SendAsync(new VetCandidates.Command([submitted.Id]), "system", Roles.System);
        return submitted.Id;
    }

    private Task<DecideCandidate.Response> Decide(long id, string outcome, string reviewer = "sam") =>
        db.SendAsync(new DecideCandidate.Command { CandidateId = id, Outcome = outcome, Justification = "Payee is a third party; see PAY-04 evidence." }, reviewer);

    private Task<ReviewDecision.Response> Review(long decisionId, string verdict, string reviewer) =>
        db.SendAsync(new ReviewDecision.Command { DecisionId = decisionId, Verdict = verdict, Justification = "Checked the evidence myself." }, reviewer);

    private Task<string> StatusOf(long id) => db.QuerySingleAsync<string>("select status from candidates where id = @id", new { id });

    [Fact]
    public async Task The_review_queue_lists_flagged_candidates_highest_score_first()
    {
        var review = await CandidateInReview(Dossiers.PayeeMismatch());
        var high = await CandidateInReview(Dossiers.PayeeMismatch() with
        {
            EquipmentShipping = new() { RecipientName = "Christina Moore", Address = Dossiers.Austin with { Line1 = "9 Elm Court" } },
        });
        await CandidateInReview(Dossiers.Honest());

        var queue = await db.SendAsync(new GetReviewQueue.Query());

        Assert.Equal([high, review], queue.Items.Select(q => q.Id));
        Assert.Equal(2, queue.Total);
        Assert.Equal(["PAY-04", "SHIP-01"], queue.Items[0].Indicators);
    }

    [Fact]
    public async Task An_approved_rejection_needs_a_second_different_reviewer_and_then_waits_for_its_pre_adverse_notice()
    {
        var id = await CandidateInReview(Dossiers.PayeeMismatch());
        await db.SendAsync(new ClaimCandidate.Command(id), "sam");

        var decision = await Decide(id, "reject");
        Assert.True(decision.RequiresApproval);
        Assert.Equal("awaiting_approval", await StatusOf(id));

        var own = await Assert.ThrowsAsync<ForbiddenException>(() => Review(decision.DecisionId, "approved", "sam"));
        Assert.Contains("second, different reviewer", own.Message);
        Assert.Equal("awaiting_approval", await StatusOf(id));
        Assert.Empty(await db.SendAsync(new GetPendingApprovals.Query(), "sam"));
        Assert.Single(await db.SendAsync(new GetPendingApprovals.Query(), "sky"));

        var approved = await Review(decision.DecisionId, "approved", "sky");

        // Approved, the rejection is pending, not final: the pre-adverse-action notice and its waiting period come first.
        Assert.Equal("rejection_pending", approved.CandidateStatus);
        Assert.Equal("rejection_pending", await StatusOf(id));
        var stored = await db.QuerySingleAsync<(string DecidedBy, string Approver, long AssessmentId)>(
            "select d.decided_by, a.approver, d.assessment_id from decisions d join decision_approvals a on a.decision_id = d.id");
        Assert.Equal(("sam", "sky"), (stored.DecidedBy, stored.Approver));
        Assert.Equal(await db.QuerySingleAsync<long>("select max(id) from assessments where candidate_id = @id", new { id }), stored.AssessmentId);
        await Assert.ThrowsAsync<ConflictException>(() => Review(decision.DecisionId, "approved", "sky"));
    }

    [Fact]
    public async Task Clearing_a_review_band_candidate_takes_effect_at_once_but_clearing_a_high_one_needs_approval()
    {
        var review = await CandidateInReview(Dossiers.PayeeMismatch());
        await db.SendAsync(new ClaimCandidate.Command(review), "sam");
        var cleared = await Decide(review, "clear");
        Assert.Equal(("cleared", false), (cleared.CandidateStatus, cleared.RequiresApproval));

        var high = await CandidateInReview(Dossiers.PayeeMismatch() with
        {
            PayrollDestination = Dossiers.PayeeMismatch().PayrollDestination! with { Method = "crypto", WalletTicker = "XBT", WalletAddress = "bc1qexampleexampleexample" },
        });
        await db.SendAsync(new ClaimCandidate.Command(high), "sam");
        var pending = await Decide(high, "clear");
        Assert.Equal(("awaiting_approval", true), (pending.CandidateStatus, pending.RequiresApproval));
    }

    [Fact]
    public async Task A_declined_decision_sends_the_candidate_back_to_the_queue()
    {
        var id = await CandidateInReview(Dossiers.PayeeMismatch());
        await db.SendAsync(new ClaimCandidate.Command(id), "sam");
        var decision = await Decide(id, "reject");

        var declined = await Review(decision.DecisionId, "declined", "sky");

        Assert.Equal("review", declined.CandidateStatus);
        Assert.Contains((await db.SendAsync(new GetReviewQueue.Query())).Items, q => q.Id == id && q.ClaimedBy is null);
    }

    [Fact]
    public async Task Deciding_needs_the_claim_and_a_claim_held_by_someone_else_cannot_be_taken()
    {
        var id = await CandidateInReview(Dossiers.PayeeMismatch());

        var unclaimed = await Assert.ThrowsAsync<ConflictException>(() => Decide(id, "request_information"));
        Assert.Equal("Claim the candidate before deciding.", unclaimed.Message);
        await db.SendAsync(new ClaimCandidate.Command(id), "sam");
        await Assert.ThrowsAsync<ConflictException>(() => db.SendAsync(new ClaimCandidate.Command(id), "sky"));
        await Assert.ThrowsAsync<ConflictException>(() => Decide(id, "reject", "sky"));

        var info = await Decide(id, "request_information");
        Assert.Equal("information_requested", info.CandidateStatus);
    }

    [Fact]
    public async Task A_decision_on_an_assessment_that_was_superseded_cannot_be_approved()
    {
        var dossier = Dossiers.PayeeMismatch();
        var id = await CandidateInReview(dossier);
        await db.SendAsync(new ClaimCandidate.Command(id), "sam");
        var decision = await Decide(id, "reject");

        await CandidateInReview(dossier with { Role = "Platform engineer" });
        await db.SendAsync(new ClaimCandidate.Command(id), "sam");

        await Assert.ThrowsAsync<ConflictException>(() => Review(decision.DecisionId, "approved", "sky"));
    }

    [Fact]
    public async Task HR_sees_status_and_outcome_but_not_the_assessment_or_security_notes()
    {
        var id = await CandidateInReview(Dossiers.PayeeMismatch());
        await db.SendAsync(new ClaimCandidate.Command(id), "sam");
        await Decide(id, "request_information");

        var hr = await db.SendAsync(new GetCandidate.Query(id), "hana", Roles.Hr);
        var security = await db.SendAsync(new GetCandidate.Query(id), "sam", Roles.Security);

        Assert.Equal("information_requested", hr.Status);
        Assert.Null(hr.LatestAssessment);
        Assert.Null(hr.Score);
        Assert.Equal("request_information", Assert.Single(hr.Decisions).Outcome);
        Assert.Null(hr.Decisions[0].Justification);
        Assert.NotNull(security.LatestAssessment);
        Assert.Equal("Payee is a third party; see PAY-04 evidence.", security.Decisions[0].Justification);
    }
}
