using Dapper;
using FluentValidation;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Audit;

/// <summary>How many decisions a filter selects: the total beside the paged list.</summary>
public static class CountDecisions
{
    public sealed record Query : IRequest<long>, IDecisionFilter
    {
        public DateTimeOffset? From { get; init; }
        public DateTimeOffset? To { get; init; }
        public string? Reviewer { get; init; }
        public string? Outcome { get; init; }
        public string? Band { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => DecisionFilter.AddRules(this);
    }

    public sealed class Handler(IDbSession db) : IRequestHandler<Query, long>
    {
        public Task<long> Handle(Query query, CancellationToken ct)
        {
            var (where, parameters) = DecisionFilter.Where(query);
            // Every decision has its candidate and assessment (foreign keys), so the count needs no join.
            return db.Connection.ExecuteScalarAsync<long>(new CommandDefinition($"select count(*) from decisions d {where}", parameters,
                db.Transaction, cancellationToken: ct));
        }
    }
}
