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
        // What stays open is the second letter the final rejection is owed.
        var owed = Assert.Single(await _app.SendAsync(new ListNotices.Query("open"), "sam"));
        Assert.Equal((id, NoticeLetter.AdverseAction, "to_send"), (owed.CandidateId, owed.Kind, owed.State));
        var actions = await db.QueryAsync<string>("select action from audit_records order by id");
        Assert.Equal(["RecordNoticeSent", "FinaliseRejection"], actions.Where(a => a is "RecordNoticeSent" or "FinaliseRejection").ToArray());
        await Assert.ThrowsAsync<ConflictException>(() => Finalise(id)); // once
    }

    private Task<GetCandidateNotices.Response> NoticesOf(long id, string actor = "sam", string role = Roles.Security) =>
        _app.SendAsync(new GetCandidateNotices.Query(id), actor, role);

    [Fact]
    public async Task The_adverse_action_notice_is_not_owed_before_the_rejection_is_final()
    {
        var id = await _app.PendingRejectionAsync(Dossiers.PayeeMismatch());
        Assert.Equal(NoticeLetter.PreAdverseAction, (await NoticesOf(id)).OwedKind);
        var pre = await Send(id);
        Assert.Equal(NoticeLetter.PreAdverseAction, pre.Kind); // rejection_pending gets the first letter, not the second
        _app.Clock.Advance(TimeSpan.FromDays(6));

        var waiting = await NoticesOf(id);
        Assert.Equal(NoticeLetter.PreAdverseAction, waiting.OwedKind); // the period is over, but nothing is final yet
        Assert.DoesNotContain(await _app.SendAsync(new ListNotices.Query("final"), "sam"), i => i.CandidateId == id);
        Assert.False(await db.QuerySingleAsync<bool>("select final_notice_owed from candidates where id = @id", new { id }));
    }

    [Fact]
    public async Task After_finalising_the_adverse_action_notice_is_owed_recorded_once_and_audited()
    {
        var id = await _app.PendingRejectionAsync(Dossiers.PayeeMismatch());
        var preSentAt = _app.Clock.GetUtcNow();
        var pre = await Send(id, "post");
        _app.Clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromMinutes(1));
        var finalisedAt = _app.Clock.GetUtcNow();
        await Finalise(id);

        var owed = await NoticesOf(id);
        Assert.Equal(("rejected", NoticeLetter.AdverseAction), (owed.Status, owed.OwedKind));
        Assert.Null(owed.CurrentNoticeId);
        Assert.False(owed.CanFinalise);
        Assert.Contains($"On {NoticeLetter.Date(finalisedAt)} we made that decision final", owed.Preview);
        Assert.Contains($"findings described in our letter of {NoticeLetter.Date(preSentAt)}", owed.Preview);
        Assert.Contains("The holder of the bank account you gave for your pay is not you.", owed.Preview);
        Assert.Contains("No consumer report from a consumer reporting agency was used", owed.Preview);
        Assert.DoesNotContain("Christina Moore", owed.Preview);
        Assert.DoesNotContain("No response within the waiting period", owed.Preview); // the reviewer's justification stays inside
        var listed = Assert.Single(await _app.SendAsync(new ListNotices.Query("final"), "sam"));
        Assert.Equal((id, NoticeLetter.AdverseAction, "to_send"), (listed.CandidateId, listed.Kind, listed.State));
        Assert.True(await db.QuerySingleAsync<bool>("select final_notice_owed from candidates where id = @id", new { id }));

        _app.Clock.Advance(TimeSpan.FromHours(3));
        var sentAt = _app.Clock.GetUtcNow();
        var sent = await Send(id, "email");

        Assert.Equal((NoticeLetter.AdverseAction, sentAt), (sent.Kind, sent.RespondBy)); // no agency: the letter asks nothing by a date
        var stored = await db.QuerySingleAsync<(long DecisionId, string Kind, string Channel, string SentBy, string LetterText)>(
            "select decision_id, kind, channel, sent_by, letter_text from candidate_notices where id = @NoticeId", new { sent.NoticeId });
        Assert.Equal((owed.DecisionId!.Value, NoticeLetter.AdverseAction, "email", "sam"), (stored.DecisionId, stored.Kind, stored.Channel, stored.SentBy));
        Assert.StartsWith($"The hiring team\n{NoticeLetter.Date(sentAt)}\nReference: {NoticeLetter.ReferenceFor(id, owed.DecisionId.Value)}\n", stored.LetterText);
        Assert.Contains("Adverse action notice: your application", stored.LetterText);

        var after = await NoticesOf(id);
        Assert.Null(after.OwedKind);
        Assert.Null(after.Preview);
        Assert.Equal(sent.NoticeId, after.CurrentNoticeId);
        Assert.Equal(["final_sent", "finalised"], after.Notices.Select(n => n.State).ToArray());
        Assert.Equal(stored.LetterText, after.Notices[0].LetterText);
        Assert.Empty(await _app.SendAsync(new ListNotices.Query("open"), "sam"));
        Assert.Empty(await _app.SendAsync(new ListNotices.Query("final"), "sam"));
        Assert.Equal(["final_sent", "finalised"], (await _app.SendAsync(new ListNotices.Query("sent"), "sam")).Select(n => n.State).ToArray());
        Assert.False(await db.QuerySingleAsync<bool>("select final_notice_owed from candidates where id = @id", new { id }));

        // Once: a second recording is refused and writes nothing.
        var twice = await Assert.ThrowsAsync<ConflictException>(() => Send(id, "post"));
        Assert.Equal($"The adverse action notice for this decision was already recorded as sent (notice {sent.NoticeId}): it is sent once.", twice.Message);
        Assert.Equal(1, await db.QuerySingleAsync<int>("select count(*)::int from candidate_notices where kind = 'adverse_action'"));
        // A final rejection takes no response against a notice, and is not finalised again.
        await Assert.ThrowsAsync<ConflictException>(() =>
            _app.SendAsync(new RecordNoticeResponse.Command { CandidateId = id, Channel = "email", ResponseText = "I dispute this." }, "sam"));
        await Assert.ThrowsAsync<ConflictException>(() => Finalise(id));

        var audit = await db.QueryAsync<(string Actor, string TargetType, string TargetId, string Details)>(
            "select actor, target_type, target_id, details from audit_records where action = 'RecordNoticeSent' order by id");
        Assert.Equal(2, audit.Count()); // the first letter and the second, nothing for the refused attempt
        var record = audit.Last();
        Assert.Equal(("sam", "candidate", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (record.Actor, record.TargetType, record.TargetId));
        var details = System.Text.Json.JsonDocument.Parse(record.Details).RootElement;
        Assert.Equal(sent.NoticeId, details.GetProperty("noticeId").GetInt64());
        Assert.Equal(NoticeLetter.AdverseAction, details.GetProperty("kind").GetString());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(stored.LetterText))),
            details.GetProperty("letterSha256").GetString());
        Assert.NotEqual(pre.NoticeId, sent.NoticeId);
    }

    [Fact]
    public async Task With_an_agency_configured_the_adverse_action_notice_names_it_and_its_deadline_is_the_60_day_window()
    {
        await using var app = new ClockedApp(db, new NoticeOptions
        {
            ConsumerReportingAgency = new("Example Screening LLC", "PO Box 1000, Springfield, IL 62701", "+1 800 555 0100"),
        });
        var id = await app.PendingRejectionAsync(Dossiers.PayeeMismatch());
        await app.FinaliseAsync(id);

        var sentAt = app.Clock.GetUtcNow();
        var sent = await app.SendAsync(new RecordNoticeSent.Command { CandidateId = id, Channel = "portal" }, "sam");

        Assert.True(sent.RespondBy >= sentAt.AddDays(60) && sent.RespondBy < sentAt.AddDays(60).AddMinutes(1));
        var text = await db.QuerySingleAsync<string>("select letter_text from candidate_notices where id = @NoticeId", new { sent.NoticeId });
        Assert.Contains("Example Screening LLC\nPO Box 1000, Springfield, IL 62701\nPhone: +1 800 555 0100\n", text);
        Assert.Contains($"until at least {NoticeLetter.Deadline(sent.RespondBy)}", text);
        Assert.DoesNotContain("No consumer report", text);
    }

    [Fact]
    public async Task The_adverse_action_notice_is_refused_for_other_statuses()
    {
        // In review, and decided to clear.
        var review = (await _app.SendAsync(Dossiers.PayeeMismatch(), "hana", Roles.Hr)).Id;
        await _app.SendAsync(new VetCandidates.Command([review]), "system", Roles.System);
        Assert.Null((await NoticesOf(review)).OwedKind);
        await Assert.ThrowsAsync<ConflictException>(() => Send(review));

        var cleared = (await _app.SendAsync(Dossiers.PayeeMismatch() with { ExternalId = "ats-cleared", LegalName = "Emily Carter" }, "hana", Roles.Hr)).Id;
        await _app.SendAsync(new VetCandidates.Command([cleared]), "system", Roles.System);
        await _app.SendAsync(new ClaimCandidate.Command(cleared), "sam");
        await _app.SendAsync(new DecideCandidate.Command { CandidateId = cleared, Outcome = "clear", Justification = "The payee is the candidate's own joint account." }, "sam");
        Assert.Null((await NoticesOf(cleared)).OwedKind);
        var refused = await Assert.ThrowsAsync<ConflictException>(() => Send(cleared));
        Assert.Contains("a letter is sent only for a pending rejection (after its approval), a rejection made final, a request for information or an approved policy violation", refused.Message);

        // A rejected status without a finalisation through a notice (an edge state written directly) owes nothing.
        await db.ExecuteAsync("update candidates set status = 'rejected', review_since = null where id = @review", new { review });
        Assert.Null((await NoticesOf(review)).OwedKind);
        await Assert.ThrowsAsync<ConflictException>(() => Send(review));
        Assert.Equal(0, await db.QuerySingleAsync<int>("select count(*)::int from candidate_notices"));
    }

    [Fact]
    public async Task The_open_and_final_lists_walk_their_partial_indexes_in_order()
    {
        // The plan on an almost empty table follows whatever statistics other tests left (a scan, or another index and
        // a sort of the few rows); with scans and sorts switched off it shows whether the query's predicate matches its
        // partial index and that index gives its order (a page costs the same at a million candidates). A query that
        // needed a sort would still get one, and fail.
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await Dapper.SqlMapper.ExecuteAsync(connection, "set enable_seqscan = off; set enable_bitmapscan = off; set enable_sort = off");
        foreach (var (sql, ready, index) in new[]
                 {
                     (ListNotices.Handler.OpenSql, false, "ix_candidates_notice_open"),
                     (ListNotices.Handler.FinalSql, false, "ix_candidates_final_notice_owed"),
                 })
        {
            var plan = string.Join("\n", await Dapper.SqlMapper.QueryAsync<string>(connection, "explain " + sql,
                new { Limit = 51, Offset = 0, Now = DateTimeOffset.UtcNow, Ready = ready }));
            Assert.True(plan.Contains(index), plan);
            Assert.False(plan.Contains("Sort"), plan);
        }
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
        var queued = Assert.Single((await _app.SendAsync(new GetReviewQueue.Query())).Items, q => q.Id == id);
        Assert.Null(queued.ClaimedBy);
        Assert.Equal(_app.Clock.GetUtcNow().ToUnixTimeMilliseconds(), queued.ReviewSince.ToUnixTimeMilliseconds()); // its wait starts again with the response
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
        await _app.SendAsync(new VetCandidates.Command([id]), "system", Roles.System);

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
        await _app.SendAsync(new VetCandidates.Command([id]), "system", Roles.System);
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
        await _app.SendAsync(new VetCandidates.Command([id]), "system", Roles.System);

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
