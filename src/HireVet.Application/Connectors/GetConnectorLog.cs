using Dapper;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Errors;
using MediatR;

namespace HireVet.Application.Connectors;

/// <summary>One connector's log, newest first and paged: every delivery, pull, note and test with its outcome.</summary>
public static class GetConnectorLog
{
    public sealed record Query(long Id, int Limit = 50, int Offset = 0) : IRequest<IReadOnlyList<Entry>>;

    public sealed record Entry
    {
        public long Id { get; init; }
        public DateTimeOffset At { get; init; }
        public string Activity { get; init; } = "";
        public string Outcome { get; init; } = "";
        public string? Subject { get; init; }
        public string? Detail { get; init; }
        public int? Received { get; init; }
        public int? Accepted { get; init; }
        public int? Rejected { get; init; }
    }

    public sealed class Handler(IDbSession db) : IRequestHandler<Query, IReadOnlyList<Entry>>
    {
        private const string Sql = """
            select id, at, activity, outcome, subject, detail, received, accepted, rejected
            from connector_log where connector_id = @Id order by id desc limit @Limit offset @Offset
            """;

        public async Task<IReadOnlyList<Entry>> Handle(Query query, CancellationToken ct)
        {
            if (!await db.Connection.ExecuteScalarAsync<bool>(new CommandDefinition("select exists (select 1 from connectors where id = @Id)",
                    new { query.Id }, db.Transaction, cancellationToken: ct)))
                throw new NotFoundException("Connector", query.Id);
            return [.. await db.Connection.QueryAsync<Entry>(new CommandDefinition(Sql,
                new { query.Id, Limit = Math.Clamp(query.Limit, 1, 500), Offset = Math.Clamp(query.Offset, 0, 1_000_000) }, db.Transaction, cancellationToken: ct))];
        }
    }
}
