using Dapper;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Access;

/// <summary>How many local users exist: start-up tells an operator with none how to create the first.</summary>
public static class CountUsers
{
    public sealed record Query : IRequest<long>;

    public sealed class Handler(IDbSession db) : IRequestHandler<Query, long>
    {
        public async Task<long> Handle(Query query, CancellationToken ct) =>
            await db.Connection.ExecuteScalarAsync<long>(new CommandDefinition("select count(*) from users", transaction: db.Transaction, cancellationToken: ct));
    }
}
