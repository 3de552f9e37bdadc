using Dapper;
using FluentValidation;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Reviews;

/// <summary>Candidates waiting for a security decision (band review or high), highest score first.</summary>
public static class GetReviewQueue
{
    public sealed record Query(int Limit = 50, int Offset = 0) : IRequest<Item[]>;

    public sealed record Item
    {
        public long Id { get; init; }
        public string ExternalId { get; init; } = "";
        public string LegalName { get; init; } = "";
        public string? Role { get; init; }
        public int Score { get; init; }
        public string Band { get; init; } = "";
        public string? ClaimedBy { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public string[] Indicators { get; init; } = [];
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Limit).InclusiveBetween(1, 200);
            RuleFor(q => q.Offset).GreaterThanOrEqualTo(0);
        }
    }

    public sealed class Handler(IDbSession db) : IRequestHandler<Query, Item[]>
    {
        private const string Sql = """
            select c.id, c.external_id, c.legal_name, c.role, c.score, c.band, c.claimed_by, c.updated_at,
                   coalesce((select array_agg(distinct s->>'indicatorId' order by s->>'indicatorId')
                             from jsonb_array_elements(a.signals) s), '{}') as indicators
            from candidates c
            left join lateral (select signals from assessments where candidate_id = c.id order by id desc limit 1) a on true
            where c.status = 'review'
            order by c.score desc, c.id
            limit @Limit offset @Offset
            """;

        public async Task<Item[]> Handle(Query query, CancellationToken ct) =>
            (await db.Connection.QueryAsync<Item>(new CommandDefinition(Sql, query, db.Transaction, cancellationToken: ct))).ToArray();
    }
}
