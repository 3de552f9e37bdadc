using HireVet.Application.Common.Errors;
using HireVet.Application.Common.Security;
using HireVet.Application.Notices;
using HireVet.Application.Reviews;
using HireVet.Application.Vetting;
using HireVet.IntegrationTests.Infrastructure;
using Npgsql;

namespace HireVet.IntegrationTests.Notices;

/// <summary>The pre-adverse-action stage on real PostgreSQL, with the application's clock moved by the test: an approved
/// rejection waits for its notice and the waiting period, a response sends the case back to review, and letters are
/// stored exactly as sent, append-only.</summary>
[Collection("db")]
public sealed class NoticeFlowTests(DatabaseFixture db) : IAsyncLifetime
{
    private ClockedApp _app = null!;

    public async Task InitializeAsync()
    {
        await db.ResetAsync();
        _app = new ClockedApp(db);
    }

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    private Task<string> StatusOf(long id) => db.QuerySingleAsync<string>("select status from candidates where id = @id", new { id });

    private Task<RecordNoticeSent.Response> Send(long id, string channel = "email") =>
        _app.SendAsync(new RecordNoticeSent.Command { CandidateId = id, Channel = channel }, "sam");

    private Task<FinaliseRejection.Response> Finalise(long id) =>
        _app.SendAsync(new FinaliseRejection.Command { CandidateId = id, Justification = "No response within the waiting period; the payee is a third party." }, "sky");

    [Fact]
    public async Task An_approved_rejection_is_pending_not_final_and_the_pre_adverse_letter_is_owed()
    {
        var id = await _app.PendingRejectionAsync(Dossiers.PayeeMismatch());

        Assert.Equal("rejection_pending", await StatusOf(id));
        var notices = await _app.SendAsync(new GetCandidateNotices.Query(id), "sam");
        Assert.Equal(NoticeLetter.PreAdverseAction, notices.OwedKind);
        Assert.Null(notices.CurrentNoticeId);
        Assert.False(notices.CanFinalise);
        Assert.Contains("This decision is not final.", notices.Preview);
        Assert.Contains("The holder of the bank account you gave for your pay is not you.", notices.Preview);
        Assert.DoesNotContain("Christina Moore", notices.Preview); // the evidence never reaches the letter
        var open = Assert.Single(await _app.SendAsync(new ListNotices.Query("open"), "sam"));
        Assert.Equal((id, "to_send"), (open.CandidateId, open.State));
    }

    [Fact]
    public async Task Finalising_is_refused_before_the_notice_was_sent_and_during_the_waiting_period_and_allowed_after_it()
    {
        var id = await _app.PendingRejectionAsync(Dossiers.PayeeMismatch());

        var unsent = await Assert.ThrowsAsync<ConflictException>(() => Finalise(id));
        Assert.Equal("No pre-adverse-action notice has been recorded as sent: send the letter and record it before the rejection can be made final.", unsent.Message);

        var sentAt = _app.Clock.GetUtcNow();
        var sent = await Send(id);
        Assert.Equal(NoticeLetter.PreAdverseAction, sent.Kind);
        Assert.Equal(NoticeStage.RespondBy(NoticeLetter.PreAdverseAction, sentAt, new NoticeOptions()), sent.RespondBy);
        Assert.True(sent.RespondBy >= sentAt.AddDays(5) && sent.RespondBy < sentAt.AddDays(5).AddMinutes(1));
        var stored = await db.QuerySingleAsync<(string Kind, string Channel, string SentBy, string LetterText, DateTime RespondBy)>(
            "select kind, channel, sent_by, letter_text, respond_by from candidate_notices where id = @NoticeId", new { sent.NoticeId });
        Assert.Equal((NoticeLetter.PreAdverseAction, "email", "sam"), (stored.Kind, stored.Channel, stored.SentBy));
        Assert.Contains($"Please respond by {NoticeLetter.Deadline(sent.RespondBy)}.", stored.LetterText);
        Assert.Equal(sent.RespondBy.UtcDateTime, stored.RespondBy.ToUniversalTime());

        _app.Clock.Advance(TimeSpan.FromDays(5) - TimeSpan.FromMinutes(1));
        var early = await Assert.ThrowsAsync<ConflictException>(() => Finalise(id));
        Assert.StartsWith($"The waiting period runs until {NoticeLetter.Deadline(sent.RespondBy)}: the rejection can be made final only after that", early.Message);
        Assert.Equal("rejection_pending", await StatusOf(id));
        Assert.False((await _app.SendAsync(new GetCandidateNotices.Query(id), "sam")).CanFinalise);

        _app.Clock.Advance(TimeSpan.FromMinutes(2));
        var ready = await _app.SendAsync(new GetCandidateNotices.Query(id), "sam");
        Assert.True(ready.CanFinalise);
        Assert.Equal("ready_to_finalise", Assert.Single(await _app.SendAsync(new ListNotices.Query("ready"), "sam")).State);

        var final = await Finalise(id);

        Assert.Equal("rejected", final.CandidateStatus);
        Assert.Equal("rejected", await StatusOf(id));
        var finalisation = await db.QuerySingleAsync<(long NoticeId, string FinalisedBy)>("select notice_id, finalised_by from rejection_finalisations");
        Assert.Equal((sent.NoticeId, "sky"), finalisation);
        Assert.Equal("finalised", Assert.Single(await _app.SendAsync(new ListNotices.Query("sent"), "sam")).State);
        Assert.Empty(await _app.SendAsync(new ListNotices.Query("open"), "sam"));
        var actions = await db.QueryAsync<string>("select action from audit_records order by id");
        Assert.Equal(["RecordNoticeSent", "FinaliseRejection"], actions.Where(a => a is "RecordNoticeSent" or "FinaliseRejection").ToArray());
        await Assert.ThrowsAsync<ConflictException>(() => Finalise(id)); // once
    }

    [Fact]
    public async Task A_response_within_the_waiting_period_sends_the_case_back_to_review_with_its_text()
    {
        var id = await _app.PendingRejectionAsync(Dossiers.PayeeMismatch());
        var sent = await Send(id, "post");
        _app.Clock.Advance(TimeSpan.FromDays(2));

        var response = await _app.SendAsync(new RecordNoticeResponse.Command
        {
            CandidateId = id, Channel = "email", ResponseText = "The account is my wife's; we share it. Bank letter attached.",
        }, "sam");

        Assert.Equal(("review", false, sent.NoticeId), (response.CandidateStatus, response.Late, response.NoticeId));
        Assert.Equal("review", await StatusOf(id));
        Assert.Equal("The account is my wife's; we share it. Bank letter attached.",
            await db.QuerySingleAsync<string>("select response_text from notice_responses where notice_id = @NoticeId", new { sent.NoticeId }));
        Assert.Contains((await _app.SendAsync(new GetReviewQueue.Query())).Items, q => q.Id == id && q.ClaimedBy is null);
        var afterResponse = await Assert.ThrowsAsync<ConflictException>(() => Finalise(id));
        Assert.Equal("The candidate is 'review', not waiting for a rejection to be made final.", afterResponse.Message);
        _app.Clock.Advance(TimeSpan.FromDays(4));
        await Assert.ThrowsAsync<ConflictException>(() => Finalise(id)); // the period ending changes nothing
        Assert.Equal("responded", Assert.Single(await _app.SendAsync(new ListNotices.Query("responded"), "sam")).State);

        // A new decision starts from the review queue, as any other.
        await _app.SendAsync(new ClaimCandidate.Command(id), "sam");
        var cleared = await _app.SendAsync(new DecideCandidate.Command { CandidateId = id, Outcome = "clear", Justification = "Joint account confirmed by the bank letter." }, "sam");
        Assert.Equal("cleared", cleared.CandidateStatus);
    }

    [Fact]
    public async Task An_updated_dossier_from_HR_is_recorded_as_the_response_and_the_case_returns_to_review()
    {
        var dossier = Dossiers.PayeeMismatch();
        var id = await _app.PendingRejectionAsync(dossier);
        var sent = await Send(id);

        await _app.SendAsync(dossier with { PayrollDestination = dossier.PayrollDestination! with { AccountHolderName = "Emily Carter" } }, "hana", Roles.Hr);
        await _app.SendAsync(new VetCandidate.Command(id), "system", Roles.System);

        var recorded = await db.QuerySingleAsync<(string Kind, string ResponseText, string RecordedBy)>(
            "select kind, response_text, recorded_by from notice_responses where notice_id = @NoticeId", new { sent.NoticeId });
        Assert.Equal(("updated_dossier", "HR submitted an updated dossier (revision 2).", "hana"), recorded);
        // A human decides again: an approved rejection never clears itself, even on a clean dossier.
        Assert.Equal("review", await StatusOf(id));
        await Assert.ThrowsAsync<ConflictException>(() => Finalise(id));
    }

    [Fact]
    public async Task Sending_again_restarts_the_waiting_period_from_the_latest_notice()
    {
        var id = await _app.PendingRejectionAsync(Dossiers.PayeeMismatch());
        var first = await Send(id, "email");
        _app.Clock.Advance(TimeSpan.FromDays(4));
        var second = await Send(id, "post"); // the e-mail bounced

        _app.Clock.Advance(TimeSpan.FromDays(2));
        await Assert.ThrowsAsync<ConflictException>(() => Finalise(id));
        var notices = await _app.SendAsync(new GetCandidateNotices.Query(id), "sam");
        Assert.Equal(second.NoticeId, notices.CurrentNoticeId);
        Assert.Equal(["waiting", "resent"], notices.Notices.Select(n => n.State).ToArray());
        Assert.Equal(second.RespondBy, notices.FinaliseFrom);

        _app.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        Assert.Equal("rejected", (await Finalise(id)).CandidateStatus);
        Assert.NotEqual(first.NoticeId, await db.QuerySingleAsync<long>("select notice_id from rejection_finalisations"));
    }

    [Fact]
    public async Task A_request_for_information_letter_is_sent_with_its_deadline_and_a_response_returns_the_case_to_review()
    {
        var id = (await _app.SendAsync(Dossiers.PayeeMismatch(), "hana", Roles.Hr)).Id;
        await _app.SendAsync(new VetCandidate.Command(id), "system", Roles.System);
        await _app.SendAsync(new ClaimCandidate.Command(id), "sam");
        await _app.SendAsync(new DecideCandidate.Command { CandidateId = id, Outcome = "request_information", Justification = "Ask who holds the payroll account." }, "sam");
        var noResponseYet = await Assert.ThrowsAsync<ConflictException>(() =>
            _app.SendAsync(new RecordNoticeResponse.Command { CandidateId = id, Channel = "email", ResponseText = "Something." }, "sam"));
        Assert.Contains("record the letter as sent first", noResponseYet.Message);

        var sentAt = _app.Clock.GetUtcNow();
        var sent = await Send(id, "portal");

        Assert.Equal(NoticeLetter.InformationRequest, sent.Kind);
        Assert.Equal(NoticeStage.RespondBy(NoticeLetter.InformationRequest, sentAt, new NoticeOptions()), sent.RespondBy);
        var text = await db.QuerySingleAsync<string>("select letter_text from candidate_notices where id = @NoticeId", new { sent.NoticeId });
        Assert.Contains("Request for information", text);
        Assert.Contains("This is not a decision about your application.", text);
        await Assert.ThrowsAsync<ConflictException>(() => Finalise(id)); // nothing to finalise

        _app.Clock.Advance(TimeSpan.FromDays(11));
        Assert.Equal("overdue", (await _app.SendAsync(new GetCandidateNotices.Query(id), "sam")).Notices[0].State);
        var late = await _app.SendAsync(new RecordNoticeResponse.Command { CandidateId = id, Channel = "phone", ResponseText = "It is my own account at a credit union." }, "sam");
        Assert.True(late.Late);
        Assert.Equal("review", await StatusOf(id));
    }

    [Fact]
    public async Task No_letter_is_sent_when_the_decision_calls_for_none()
    {
        var id = (await _app.SendAsync(Dossiers.PayeeMismatch(), "hana", Roles.Hr)).Id;
        await _app.SendAsync(new VetCandidate.Command(id), "system", Roles.System);

        var inReview = await Assert.ThrowsAsync<ConflictException>(() => Send(id));
        Assert.StartsWith("The candidate is 'review': a letter is sent only for a pending rejection", inReview.Message);
        await Assert.ThrowsAsync<NotFoundException>(() => Send(987654));
        Assert.Equal(0, await db.QuerySingleAsync<int>("select count(*)::int from candidate_notices"));
    }

    [Fact]
    public async Task HR_sees_that_a_notice_was_sent_and_its_state_but_not_the_letter_responses_or_who_in_security_acted()
    {
        var id = await _app.PendingRejectionAsync(Dossiers.PayeeMismatch());
        var sent = await Send(id);

        var hr = await _app.SendAsync(new GetCandidateNotices.Query(id), "hana", Roles.Hr);
        var auditor = await _app.SendAsync(new GetCandidateNotices.Query(id), "audrey", Roles.Auditor);

        var notice = Assert.Single(hr.Notices);
        Assert.Equal((NoticeLetter.PreAdverseAction, "email", "waiting", sent.RespondBy), (notice.Kind, notice.Channel, notice.State, notice.RespondBy));
        Assert.Null(notice.LetterText);
        Assert.Null(notice.SentBy);
        Assert.Null(hr.Preview);
        Assert.Null(Assert.Single(await _app.SendAsync(new ListNotices.Query("sent"), "hana", Roles.Hr)).SentBy);
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(new GetNotice.Query(sent.NoticeId), "hana", Roles.Hr));
        // Auditors read everything.
        Assert.Equal("sam", auditor.Notices[0].SentBy);
        Assert.Contains("Pre-adverse action notice", auditor.Notices[0].LetterText);
        Assert.Equal(auditor.Notices[0].LetterText, (await _app.SendAsync(new GetNotice.Query(sent.NoticeId), "audrey", Roles.Auditor)).LetterText);
    }

    [Fact]
    public async Task Letters_responses_and_final_rejections_are_append_only_for_the_application_role()
    {
        var id = await _app.PendingRejectionAsync(Dossiers.PayeeMismatch());
        await Send(id);
        await _app.SendAsync(new RecordNoticeResponse.Command { CandidateId = id, Channel = "email", ResponseText = "I dispute this." }, "sam");
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using (var role = new NpgsqlCommand("set role hirevet_app", connection)) await role.ExecuteNonQueryAsync();

        foreach (var sql in new[] { "update candidate_notices set letter_text = 'changed'", "delete from candidate_notices",
                     "update notice_responses set response_text = 'changed'", "delete from notice_responses",
                     "update rejection_finalisations set justification = 'changed later'", "delete from rejection_finalisations" })
        {
            await using var cmd = new NpgsqlCommand(sql, connection);
            var error = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        }
    }
}
