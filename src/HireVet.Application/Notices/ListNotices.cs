using Dapper;
using FluentValidation;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Security;
using MediatR;

namespace HireVet.Application.Notices;

/// <summary>Notices and waiting periods, paged. "open" (the default): every candidate a letter is owed to or waits
/// for an answer from, each with its state (to send, waiting until, ready to finalise, overdue), most recently changed
/// first, including final rejections still owed the adverse action notice; "ready": pending rejections whose waiting
/// period is over; "final": final rejections whose adverse action notice is still to send; "responded": responses, newest first; "sent":
/// every notice sent, newest first. Each list walks one index (the candidates in a notice stage, or the responses or
/// notices by time), so a page costs the same at a million candidates. HR sees the same rows without who sent them.</summary>
public static class ListNotices
{
    public static readonly string[] Filters = ["open", "ready", "final", "responded", "sent"];

    public sealed record Query(string? Filter = "open", int Limit = 50, int Offset = 0) : IRequest<Item[]>;

    public sealed record Item
    {
        public long CandidateId { get; init; }
        public string ExternalId { get; init; } = "";
        public string LegalName { get; init; } = "";
        public string CandidateStatus { get; init; } = "";
        /// <summary>pre_adverse_action, adverse_action, information_request or policy_violation.</summary>
        public string Kind { get; init; } = "";
        public long? NoticeId { get; init; }
        public string? Channel { get; init; }
        /// <summary>Null for HR.</summary>
        public string? SentBy { get; init; }
        public DateTimeOffset? SentAt { get; init; }
        public DateTimeOffset? RespondBy { get; init; }
        public DateTimeOffset? RespondedAt { get; init; }
        /// <summary>to_send, waiting, ready_to_finalise, overdue, responded, finalised, final_sent, resent or closed.</summary>
        public string State { get; init; } = "";
        internal bool Finalised { get; init; }
        internal bool IsLatest { get; init; }
        internal bool IsOpen { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Filter).Must(f => Filters.Contains(f)).When(q => q.Filter is not null)
                .WithMessage($"'filter' must be one of: {string.Join(", ", Filters)}.");
            RuleFor(q => q.Limit).InclusiveBetween(1, 200);
            RuleFor(q => q.Offset).InclusiveBetween(0, 100_000);
        }
    }

    public sealed class Handler(IDbSession db, ICurrentActor actor, TimeProvider clock) : IRequestHandler<Query, Item[]>
    {
        // The candidates a letter is owed to, with the latest notice of their current decision: for a rejected candidate
        // still owed the adverse action notice, only that kind of notice is theirs, and none is sent yet.
        private const string OwedSelect = """
            select c.id as candidate_id, c.external_id, c.legal_name, c.status as candidate_status,
                   case c.status when 'rejection_pending' then 'pre_adverse_action' when 'rejected' then 'adverse_action'
                                 when 'policy_violation' then 'policy_violation' else 'information_request' end as kind,
                   n.id as notice_id, n.channel, n.sent_by, n.sent_at, n.respond_by,
                   false as finalised, true as is_latest, true as is_open
            from candidates c
            cross join lateral (select id from decisions where candidate_id = c.id order by id desc limit 1) d
            left join lateral (select id, channel, sent_by, sent_at, respond_by from candidate_notices
                               where decision_id = d.id and (c.status <> 'rejected' or kind = 'adverse_action')
                                 and (c.status <> 'policy_violation' or kind = 'policy_violation')
                               order by id desc limit 1) n on true

            """;

        // The partial index ix_candidates_notice_open holds exactly the candidates this predicate selects, in this order:
        // those in a notice stage and the rejected ones still owed the adverse action notice (final_notice_owed, cleared
        // when it is recorded as sent), and the workers whose approved policy violation still waits for its letter.
        internal const string OpenSql = OwedSelect + """
            where (c.status in ('rejection_pending', 'information_requested') or (c.status in ('rejected', 'policy_violation') and c.final_notice_owed))
              and (not @Ready or (c.status = 'rejection_pending' and n.respond_by <= @Now))
            order by c.updated_at desc, c.id desc
            limit @Limit offset @Offset
            """;

        // The partial index ix_candidates_final_notice_owed holds exactly these, in this order.
        internal const string FinalSql = OwedSelect + """
            where c.status = 'rejected' and c.final_notice_owed
            order by c.updated_at desc, c.id desc
            limit @Limit offset @Offset
            """;

        private const string RespondedSql = """
            select c.id as candidate_id, c.external_id, c.legal_name, c.status as candidate_status, n.kind,
                   n.id as notice_id, n.channel, n.sent_by, n.sent_at, n.respond_by, r.received_at as responded_at
            from notice_responses r
            join candidate_notices n on n.id = r.notice_id
            join candidates c on c.id = r.candidate_id
            order by r.received_at desc, r.id desc
            limit @Limit offset @Offset
            """;

        private const string SentSql = """
            select c.id as candidate_id, c.external_id, c.legal_name, c.status as candidate_status, n.kind,
                   n.id as notice_id, n.channel, n.sent_by, n.sent_at, n.respond_by,
                   (select max(r.received_at) from notice_responses r where r.notice_id = n.id) as responded_at,
                   exists (select 1 from rejection_finalisations f where f.notice_id = n.id) as finalised,
                   n.id = (select max(l.id) from candidate_notices l where l.decision_id = n.decision_id) as is_latest,
                   n.decision_id = (select max(d.id) from decisions d where d.candidate_id = n.candidate_id)
                     and c.status = case n.kind when 'pre_adverse_action' then 'rejection_pending' when 'adverse_action' then 'rejected'
                                    when 'policy_violation' then 'policy_violation' else 'information_requested' end as is_open
            from candidate_notices n
            join candidates c on c.id = n.candidate_id
            order by n.sent_at desc, n.id desc
            limit @Limit offset @Offset
            """;

        public async Task<Item[]> Handle(Query query, CancellationToken ct)
        {
            var filter = query.Filter ?? "open";
            var now = clock.GetUtcNow();
            var sql = filter switch { "responded" => RespondedSql, "sent" => SentSql, "final" => FinalSql, _ => OpenSql };
            var rows = await db.Connection.QueryAsync<Item>(new CommandDefinition(sql, new
            {
                query.Limit, query.Offset, Now = now, Ready = filter == "ready",
            }, db.Transaction, cancellationToken: ct));
            var hr = actor.Role == Roles.Hr;
            return rows.Select(r => r with
            {
                State = r.NoticeId is null ? "to_send"
                    : NoticeStage.StateOf(r.Finalised, r.RespondedAt is not null, r.IsLatest, r.IsOpen, r.Kind, r.RespondBy!.Value, now),
                SentBy = hr ? null : r.SentBy,
            }).ToArray();
        }
    }
}
