using Dapper;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Security;
using MediatR;

namespace HireVet.Application.Dashboard;

/// <summary>The security queue's backlog (status review) with its age, and the four-eyes inbox: decisions requiring a
/// second reviewer that have no verdict yet. Age is the time since the candidate entered review (review_since, as the
/// review queue's "waiting" filter reads it: a re-vet that leaves it in review does not restart it). Both read only
/// the waiting candidates (ix_candidates_review_waiting, ix_candidates_awaiting_approval).</summary>
public static class GetReviewBacklog
{
    public sealed record Query : IRequest<Response>;

    /// <summary>The age buckets, as BacklogSql counts them (b0 … b4).</summary>
    public static readonly string[] AgeBuckets = ["under 1 day", "1 to 3 days", "3 to 7 days", "7 to 14 days", "14 days or more"];

    public sealed record Response
    {
        public long InReview { get; init; }
        public DateTimeOffset? OldestSince { get; init; }
        /// <summary>Candidates in review per entry of <see cref="AgeBuckets"/>, in order.</summary>
        public IReadOnlyList<AgeBucket> Ages { get; init; } = [];
        public long AwaitingApproval { get; init; }
        public DateTimeOffset? OldestDecisionAt { get; init; }
        /// <summary>Of those waiting, decided by the caller: someone else has to approve them.</summary>
        public long AwaitingApprovalOwn { get; init; }
        /// <summary>Of those waiting, rejections, and policy violations (counted apart: a policy breach is not a rejection).</summary>
        public long AwaitingApprovalRejections { get; init; }
        public long AwaitingApprovalPolicyViolations { get; init; }
    }

    public sealed record AgeBucket(string Label, long Count);

    public sealed class Handler(IDbSession db, ICurrentActor actor, TimeProvider clock) : IRequestHandler<Query, Response>
    {
        private const string BacklogSql = """
            select count(*) as in_review, min(review_since) as oldest_since,
                   count(*) filter (where review_since > @Now - interval '1 day') as b0,
                   count(*) filter (where review_since <= @Now - interval '1 day' and review_since > @Now - interval '3 days') as b1,
                   count(*) filter (where review_since <= @Now - interval '3 days' and review_since > @Now - interval '7 days') as b2,
                   count(*) filter (where review_since <= @Now - interval '7 days' and review_since > @Now - interval '14 days') as b3,
                   count(*) filter (where review_since <= @Now - interval '14 days') as b4
            from candidates where status = 'review'
            """;

        // The candidate's latest decision is the one waiting (as GetPendingApprovals reads it).
        private const string FourEyesSql = """
            select count(*) as awaiting_approval, min(d.decided_at) as oldest_decision_at,
                   count(*) filter (where d.decided_by = @Me) as awaiting_approval_own,
                   count(*) filter (where d.outcome = 'reject') as awaiting_approval_rejections,
                   count(*) filter (where d.outcome = 'policy_violation') as awaiting_approval_policy_violations
            from candidates c
            cross join lateral (select id, outcome, decided_by, decided_at, requires_approval from decisions
                                where candidate_id = c.id order by id desc limit 1) d
            where c.status = 'awaiting_approval' and d.requires_approval
              and not exists (select 1 from decision_approvals a where a.decision_id = d.id)
            """;

        public async Task<Response> Handle(Query query, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var b = await db.Connection.QuerySingleAsync<BacklogRow>(new CommandDefinition(BacklogSql, new { Now = now }, db.Transaction, cancellationToken: ct));
            var f = await db.Connection.QuerySingleAsync<FourEyesRow>(new CommandDefinition(FourEyesSql, new { Me = actor.Name }, db.Transaction, cancellationToken: ct));
            long[] counts = [b.B0, b.B1, b.B2, b.B3, b.B4];
            return new Response
            {
                InReview = b.InReview, OldestSince = b.OldestSince,
                Ages = [.. AgeBuckets.Select((label, i) => new AgeBucket(label, counts[i]))],
                AwaitingApproval = f.AwaitingApproval, OldestDecisionAt = f.OldestDecisionAt, AwaitingApprovalOwn = f.AwaitingApprovalOwn,
                AwaitingApprovalRejections = f.AwaitingApprovalRejections, AwaitingApprovalPolicyViolations = f.AwaitingApprovalPolicyViolations,
            };
        }

        private sealed record BacklogRow
        {
            public long InReview { get; init; }
            public DateTimeOffset? OldestSince { get; init; }
            public long B0 { get; init; }
            public long B1 { get; init; }
            public long B2 { get; init; }
            public long B3 { get; init; }
            public long B4 { get; init; }
        }

        private sealed record FourEyesRow
        {
            public long AwaitingApproval { get; init; }
            public DateTimeOffset? OldestDecisionAt { get; init; }
            public long AwaitingApprovalOwn { get; init; }
            public long AwaitingApprovalRejections { get; init; }
            public long AwaitingApprovalPolicyViolations { get; init; }
        }
    }
}
