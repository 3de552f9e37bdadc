using System.Text.Json;
using Dapper;
using HireVet.Application.Checks;
using HireVet.Application.Common.Data;
using HireVet.Application.Dossiers;

namespace HireVet.Application.Notices;

/// <summary>Where a candidate stands with their letters: which letter the current decision calls for (a pre-adverse-
/// action notice for an approved rejection, the adverse action notice once that rejection was made final, a request for
/// information, the policy-violation letter once a worker's policy violation was approved), the latest notice sent for
/// that decision, and whether the candidate answered it. Read by the notice
/// commands (under the candidate's row lock) and the pages.</summary>
public static class NoticeStage
{
    public const string RejectionPending = "rejection_pending";
    public const string InformationRequested = "information_requested";
    public const string Rejected = "rejected";
    /// <summary>A worker's case after an approved policy violation (decision 0048): not a rejection.</summary>
    public const string PolicyViolation = "policy_violation";

    public sealed record Stage
    {
        public long CandidateId { get; init; }
        public string ExternalId { get; init; } = "";
        public string LegalName { get; init; } = "";
        public string? Role { get; init; }
        public string Status { get; init; } = "";
        public long? DecisionId { get; init; }
        public string? Outcome { get; init; }
        public long? AssessmentId { get; init; }
        public string? Verdict { get; init; }
        public long? NoticeId { get; init; }
        public string? NoticeKind { get; init; }
        public DateTimeOffset? SentAt { get; init; }
        public DateTimeOffset? RespondBy { get; init; }
        public bool Responded { get; init; }
        /// <summary>When the current decision's rejection was made final, if it was.</summary>
        public DateTimeOffset? FinalisedAt { get; init; }
        /// <summary>When the pre-adverse-action notice the finalisation went through was sent.</summary>
        public DateTimeOffset? PreAdverseSentAt { get; init; }

        private bool RejectionApproved => Outcome == "reject" && Verdict == "approved";

        private bool PolicyViolationApproved => Status == PolicyViolation && Outcome == PolicyViolation && Verdict == "approved";

        /// <summary>The rejection was made final through a pre-adverse-action notice.</summary>
        private bool FinalisedThroughNotice => Status == Rejected && RejectionApproved && FinalisedAt is not null && PreAdverseSentAt is not null;

        /// <summary>The letter the current decision calls for, or null when none is owed. After the final rejection the
        /// adverse action notice is owed until it is recorded as sent (once: the latest notice of the decision is then
        /// that one).</summary>
        public string? OwedKind =>
            Status == RejectionPending && RejectionApproved ? NoticeLetter.PreAdverseAction
            : FinalisedThroughNotice && NoticeKind != NoticeLetter.AdverseAction ? NoticeLetter.AdverseAction
            : Status == InformationRequested && Outcome == "request_information" ? NoticeLetter.InformationRequest
            : PolicyViolationApproved && NoticeKind != NoticeLetter.PolicyViolation ? NoticeLetter.PolicyViolation
            : null;

        /// <summary>The latest notice sent for the current decision, if it is of the kind owed.</summary>
        public bool HasNotice => NoticeId is not null && NoticeKind == OwedKind;

        /// <summary>The adverse action notice of the final rejection was recorded as sent (it is then the latest notice).</summary>
        public bool FinalNoticeSent => FinalisedThroughNotice && NoticeKind == NoticeLetter.AdverseAction;

        /// <summary>The policy-violation letter of the approved violation was recorded as sent (it is sent once).</summary>
        public bool PolicyNoticeSent => PolicyViolationApproved && NoticeKind == NoticeLetter.PolicyViolation;
    }

    private const string StageSql = """
        select c.id as candidate_id, c.external_id, c.legal_name, c.role, c.status,
               d.id as decision_id, d.outcome, d.assessment_id, ap.verdict,
               n.id as notice_id, n.kind as notice_kind, n.sent_at, n.respond_by,
               exists (select 1 from notice_responses r join candidate_notices rn on rn.id = r.notice_id
                       where rn.decision_id = d.id) as responded,
               f.finalised_at, fn.sent_at as pre_adverse_sent_at
        from candidates c
        left join lateral (select id, outcome, assessment_id from decisions where candidate_id = c.id order by id desc limit 1) d on true
        left join decision_approvals ap on ap.decision_id = d.id
        left join lateral (select id, kind, sent_at, respond_by from candidate_notices where decision_id = d.id order by id desc limit 1) n on true
        left join rejection_finalisations f on f.decision_id = d.id
        left join candidate_notices fn on fn.id = f.notice_id and fn.kind = 'pre_adverse_action'
        where c.id = @CandidateId
        """;

    private const string SignalsSql = "select signals::text from assessments where id = @AssessmentId";

    public static Task<Stage?> LoadAsync(IDbSession db, long candidateId, CancellationToken ct, bool forUpdate = false) =>
        db.Connection.QuerySingleOrDefaultAsync<Stage?>(new CommandDefinition(
            forUpdate ? StageSql + "\nfor update of c" : StageSql, new { CandidateId = candidateId }, db.Transaction, cancellationToken: ct));

    /// <summary>The signals of the assessment the decision was based on (not the latest one: a later re-vet does not
    /// change what the decision, and so the letter, rests on).</summary>
    public static async Task<Signal[]> SignalsAsync(IDbSession db, long assessmentId, CancellationToken ct)
    {
        var json = await db.Connection.QuerySingleAsync<string>(new CommandDefinition(SignalsSql, new { AssessmentId = assessmentId },
            db.Transaction, cancellationToken: ct));
        return JsonSerializer.Deserialize<Signal[]>(json, DossierJson.Options)!;
    }

    /// <summary>The letter the stage calls for, dated <paramref name="sentAt"/>.</summary>
    public static async Task<(string Text, DateTimeOffset RespondBy)> LetterAsync(IDbSession db, Stage stage, NoticeOptions options,
        DateTimeOffset sentAt, CancellationToken ct)
    {
        var kind = stage.OwedKind ?? throw new InvalidOperationException("No letter is owed at this stage.");
        var respondBy = RespondBy(kind, sentAt, options);
        var text = NoticeLetter.Write(new NoticeLetter.Input
        {
            Kind = kind, CandidateName = stage.LegalName, Role = stage.Role,
            Reference = NoticeLetter.ReferenceFor(stage.CandidateId, stage.DecisionId!.Value),
            Signals = await SignalsAsync(db, stage.AssessmentId!.Value, ct),
            SentAt = sentAt, RespondBy = respondBy, EmployerName = options.EmployerName, HowToRespond = options.HowToRespond,
            FinalisedAt = stage.FinalisedAt ?? default, PreAdverseSentAt = stage.PreAdverseSentAt ?? default,
            Agency = options.ConsumerReportingAgency,
        });
        return (text, respondBy);
    }

    /// <summary>The deadline: the waiting period (or the time to answer a request) from sending, rounded up to the
    /// minute so that the time the letter states is never earlier than the one enforced. For the adverse action notice,
    /// the end of the 60-day window for a free copy of the agency's report, counted from sending, which the letter
    /// states; with no agency configured the letter asks nothing by a date, and the deadline is the sending itself.</summary>
    public static DateTimeOffset RespondBy(string kind, DateTimeOffset sentAt, NoticeOptions options)
    {
        if (kind == NoticeLetter.AdverseAction && options.ConsumerReportingAgency is null) return sentAt;
        var end = sentAt + kind switch
        {
            NoticeLetter.PreAdverseAction => options.AdverseActionWaitingPeriod,
            NoticeLetter.AdverseAction => TimeSpan.FromDays(NoticeLetter.ReportCopyDays),
            _ => options.InformationResponsePeriod,
        };
        var minute = TimeSpan.TicksPerMinute;
        return new DateTimeOffset((end.UtcTicks + minute - 1) / minute * minute, TimeSpan.Zero);
    }

    /// <summary>What became of a sent notice: final_sent (an adverse action notice or a policy-violation letter: the
    /// last letter, nothing waits on it), finalised, responded, waiting (its period runs), ready_to_finalise (a
    /// pre-adverse notice whose period is over), overdue (a request for information past its date), resent (a later
    /// notice for the same decision replaced it) or closed (the case moved on).</summary>
    public static string StateOf(bool finalised, bool responded, bool isLatest, bool isOpen, string kind, DateTimeOffset respondBy, DateTimeOffset now) =>
        kind is NoticeLetter.AdverseAction or NoticeLetter.PolicyViolation ? "final_sent"
        : finalised ? "finalised"
        : responded ? "responded"
        : !isOpen ? "closed"
        : !isLatest ? "resent"
        : now < respondBy ? "waiting"
        : kind == NoticeLetter.PreAdverseAction ? "ready_to_finalise" : "overdue";
}
