using System.Text.Json;
using Dapper;
using HireVet.Application.Candidates;
using HireVet.Application.Common.Data;
using HireVet.Application.Vetting;

namespace HireVet.Application.Notices;

/// <summary>Where a candidate stands with their letters: which letter the current decision calls for (a pre-adverse-
/// action notice for an approved rejection, a request for information), the latest notice sent for that decision, and
/// whether the candidate answered it. Read by the notice commands (under the candidate's row lock) and the pages.</summary>
public static class NoticeStage
{
    public const string RejectionPending = "rejection_pending";
    public const string InformationRequested = "information_requested";

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

        /// <summary>The letter the current decision calls for, or null when none is owed.</summary>
        public string? OwedKind =>
            Status == RejectionPending && Outcome == "reject" && Verdict == "approved" ? NoticeLetter.PreAdverseAction
            : Status == InformationRequested && Outcome == "request_information" ? NoticeLetter.InformationRequest
            : null;

        /// <summary>The latest notice sent for the current decision, if it is of the kind owed.</summary>
        public bool HasNotice => NoticeId is not null && NoticeKind == OwedKind;
    }

    private const string StageSql = """
        select c.id as candidate_id, c.external_id, c.legal_name, c.role, c.status,
               d.id as decision_id, d.outcome, d.assessment_id, ap.verdict,
               n.id as notice_id, n.kind as notice_kind, n.sent_at, n.respond_by,
               exists (select 1 from notice_responses r join candidate_notices rn on rn.id = r.notice_id
                       where rn.decision_id = d.id) as responded
        from candidates c
        left join lateral (select id, outcome, assessment_id from decisions where candidate_id = c.id order by id desc limit 1) d on true
        left join decision_approvals ap on ap.decision_id = d.id
        left join lateral (select id, kind, sent_at, respond_by from candidate_notices where decision_id = d.id order by id desc limit 1) n on true
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
        });
        return (text, respondBy);
    }

    /// <summary>The deadline: the waiting period (or the time to answer a request) from sending, rounded up to the
    /// minute so that the time the letter states is never earlier than the one enforced.</summary>
    public static DateTimeOffset RespondBy(string kind, DateTimeOffset sentAt, NoticeOptions options)
    {
        var end = sentAt + (kind == NoticeLetter.PreAdverseAction ? options.AdverseActionWaitingPeriod : options.InformationResponsePeriod);
        var minute = TimeSpan.TicksPerMinute;
        return new DateTimeOffset((end.UtcTicks + minute - 1) / minute * minute, TimeSpan.Zero);
    }

    /// <summary>What became of a sent notice: finalised, responded, waiting (its period runs), ready_to_finalise (a
    /// pre-adverse notice whose period is over), overdue (a request for information past its date), resent (a later
    /// notice for the same decision replaced it) or closed (the case moved on).</summary>
    public static string StateOf(bool finalised, bool responded, bool isLatest, bool isOpen, string kind, DateTimeOffset respondBy, DateTimeOffset now) =>
        finalised ? "finalised"
        : responded ? "responded"
        : !isOpen ? "closed"
        : !isLatest ? "resent"
        : now < respondBy ? "waiting"
        : kind == NoticeLetter.PreAdverseAction ? "ready_to_finalise" : "overdue";
}
