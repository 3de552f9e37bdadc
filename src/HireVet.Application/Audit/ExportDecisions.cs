using System.Runtime.CompilerServices;
using Dapper;
using FluentValidation;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Audit;

/// <summary>Every decision a filter selects, in the list's order, as a stream: rows are read from PostgreSQL as the
/// caller writes them out (CSV or JSON), so an export of any size holds one row in memory at a time. Enumerate the
/// result within the request's scope (it reads on the request's connection).</summary>
public static class ExportDecisions
{
    public sealed record Query : IRequest<IAsyncEnumerable<ListDecisions.Item>>, IDecisionFilter
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

    public sealed class Handler(IDbSession db) : IRequestHandler<Query, IAsyncEnumerable<ListDecisions.Item>>
    {
        public Task<IAsyncEnumerable<ListDecisions.Item>> Handle(Query query, CancellationToken ct)
        {
            var (where, parameters) = DecisionFilter.Where(query);
            return Task.FromResult(Stream(ListDecisions.Sql(where, paging: ""), parameters, ct));
        }

        private async IAsyncEnumerable<ListDecisions.Item> Stream(string sql, DynamicParameters parameters,
            [EnumeratorCancellation] CancellationToken ct)
        {
            // Unbuffered: Dapper yields each row as Npgsql reads it.
            await foreach (var row in db.Connection.QueryUnbufferedAsync<ListDecisions.Item>(sql, parameters, db.Transaction).WithCancellation(ct))
                yield return row.WithSignals();
        }
    }
}
