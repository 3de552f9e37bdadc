using Dapper;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Errors;
using HireVet.Application.Common.Security;
using MediatR;

namespace HireVet.Application.Notices;

/// <summary>A candidate's letters: the one the current decision calls for (with its preview, for security and
/// auditors), whether and until when its waiting period runs, the notices sent, the candidate's responses and a final
/// rejection. HR sees that a notice was sent, its kind, channel, dates and state, not the letter, the responses or who
/// in security acted: the letter is derived from the evidence, which HR does not see.</summary>
public static class GetCandidateNotices
{
    /// <summary><paramref name="IncludePreview"/> false skips writing the letter (the candidate page's summary).</summary>
    public sealed record Query(long CandidateId, bool IncludePreview = true) : IRequest<Response>;

    public sealed record Response
    {
        public long CandidateId { get; init; }
        public string ExternalId { get; init; } = "";
        public string LegalName { get; init; } = "";
        public string Status { get; init; } = "";
        /// <summary>The letter the current decision calls for: pre_adverse_action, adverse_action (the rejection was made
        /// final and its letter is not recorded yet), information_request, policy_violation (an approved policy violation
        /// whose letter is not recorded yet), or null.</summary>
        public string? OwedKind { get; init; }
        public long? DecisionId { get; init; }
        /// <summary>The latest notice sent for the current decision: of the kind owed, or the adverse action notice once sent.</summary>
        public long? CurrentNoticeId { get; init; }
        /// <summary>When a pending rejection may be made final (the end of the waiting period), once its notice was sent.</summary>
        public DateTimeOffset? FinaliseFrom { get; init; }
        public bool CanFinalise { get; init; }
        public int WaitingDays { get; init; }
        /// <summary>The letter as it would be sent now (security and auditors only).</summary>
        public string? Preview { get; init; }
        public NoticeView[] Notices { get; init; } = [];
        public ResponseView[] Responses { get; init; } = [];
        public FinalisationView[] Finalisations { get; init; } = [];
    }

    public sealed record NoticeView
    {
        public long Id { get; init; }
        public long DecisionId { get; init; }
        public string Kind { get; init; } = "";
        public string Channel { get; init; } = "";
        /// <summary>Null for HR.</summary>
        public string? SentBy { get; init; }
        public DateTimeOffset SentAt { get; init; }
        public DateTimeOffset RespondBy { get; init; }
        public string State { get; init; } = "";
        /// <summary>Null for HR.</summary>
        public string? LetterText { get; init; }
        internal bool Finalised { get; init; }
        internal bool Responded { get; init; }
    }

    public sealed record ResponseView
    {
        public long Id { get; init; }
        public long NoticeId { get; init; }
        public string Kind { get; init; } = "";
        public string? Channel { get; init; }
        public DateTimeOffset ReceivedAt { get; init; }
        public bool Late { get; init; }
        /// <summary>Null for HR.</summary>
        public string? ResponseText { get; init; }
        /// <summary>Null for HR.</summary>
        public string? RecordedBy { get; init; }
    }

    public sealed record FinalisationView
    {
        public long Id { get; init; }
        public long NoticeId { get; init; }
        public DateTimeOffset FinalisedAt { get; init; }
        /// <summary>Null for HR.</summary>
        public string? FinalisedBy { get; init; }
        /// <summary>Null for HR.</summary>
        public string? Justification { get; init; }
    }

    public sealed class Handler(IDbSession db, ICurrentActor actor, TimeProvider clock, NoticeOptions options) : IRequestHandler<Query, Response>
    {
        private const string NoticesSql = """
            select n.id, n.decision_id, n.kind, n.channel, n.sent_by, n.sent_at, n.respond_by, n.letter_text,
                   exists (select 1 from rejection_finalisations f where f.notice_id = n.id) as finalised,
                   exists (select 1 from notice_responses r where r.notice_id = n.id) as responded
            from candidate_notices n where n.candidate_id = @CandidateId order by n.id desc
            """;

        private const string ResponsesSql = """
            select r.id, r.notice_id, r.kind, r.channel, r.received_at, r.received_at > n.respond_by as late, r.response_text, r.recorded_by
            from notice_responses r join candidate_notices n on n.id = r.notice_id
            where r.candidate_id = @CandidateId order by r.id desc
            """;

        private const string FinalisationsSql = """
            select id, notice_id, finalised_at, finalised_by, justification from rejection_finalisations where candidate_id = @CandidateId order by id desc
            """;

        public async Task<Response> Handle(Query query, CancellationToken ct)
        {
            var stage = await NoticeStage.LoadAsync(db, query.CandidateId, ct) ?? throw new NotFoundException("candidate", query.CandidateId);
            var notices = (await db.Connection.QueryAsync<NoticeView>(new CommandDefinition(NoticesSql, query, db.Transaction, cancellationToken: ct))).ToArray();
            var responses = (await db.Connection.QueryAsync<ResponseView>(new CommandDefinition(ResponsesSql, query, db.Transaction, cancellationToken: ct))).ToArray();
            var finalisations = (await db.Connection.QueryAsync<FinalisationView>(new CommandDefinition(FinalisationsSql, query, db.Transaction, cancellationToken: ct))).ToArray();
            var now = clock.GetUtcNow();
            var hr = actor.Role == Roles.Hr;

            notices = notices.Select(n => n with
            {
                State = NoticeStage.StateOf(n.Finalised, n.Responded, isLatest: n.Id == stage.NoticeId,
                    isOpen: n.DecisionId == stage.DecisionId && n.Kind == stage.OwedKind, n.Kind, n.RespondBy, now),
                SentBy = hr ? null : n.SentBy,
                LetterText = hr ? null : n.LetterText,
            }).ToArray();
            var preAdverse = stage.OwedKind == NoticeLetter.PreAdverseAction && stage.HasNotice;
            return new Response
            {
                CandidateId = stage.CandidateId, ExternalId = stage.ExternalId, LegalName = stage.LegalName, Status = stage.Status,
                OwedKind = stage.OwedKind, DecisionId = stage.DecisionId,
                CurrentNoticeId = stage.HasNotice || stage.FinalNoticeSent || stage.PolicyNoticeSent ? stage.NoticeId : null,
                FinaliseFrom = preAdverse ? stage.RespondBy : null,
                CanFinalise = preAdverse && now >= stage.RespondBy,
                WaitingDays = options.AdverseActionWaitingDays,
                Preview = hr || stage.OwedKind is null || !query.IncludePreview ? null : (await NoticeStage.LetterAsync(db, stage, options, now, ct)).Text,
                Notices = notices,
                Responses = hr ? responses.Select(r => r with { ResponseText = null, RecordedBy = null }).ToArray() : responses,
                Finalisations = hr ? finalisations.Select(f => f with { FinalisedBy = null, Justification = null }).ToArray() : finalisations,
            };
        }
    }
}
