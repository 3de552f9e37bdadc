using Dapper;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Connectors;

/// <summary>Connectors with their health (never their secrets): status, cursor, last sync and success, counts and the
/// last error; removed ones only when asked.</summary>
public static class ListConnectors
{
    public sealed record Query(bool IncludeRemoved = false) : IRequest<IReadOnlyList<Summary>>;

    public sealed record Summary
    {
        public long Id { get; init; }
        public string Kind { get; init; } = "";
        public string Name { get; init; } = "";
        public string Status { get; init; } = "";
        public string Settings { get; init; } = "{}";
        public string? Cursor { get; init; }
        public DateTimeOffset? LastSyncAt { get; init; }
        public DateTimeOffset? LastSuccessAt { get; init; }
        public string? LastError { get; init; }
        public DateTimeOffset? LastErrorAt { get; init; }
        public long Received { get; init; }
        public long Accepted { get; init; }
        public long Rejected { get; init; }
        public string CreatedBy { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public string? DeliveryPath => ConnectorFields.DeliveryPath(Kind, Id);
        /// <summary>failing when the last error is newer than the last success; idle before the first sync.</summary>
        public string Health => Status != "active" ? Status
            : LastErrorAt is { } error && (LastSuccessAt is null || error > LastSuccessAt) ? "failing"
            : LastSyncAt is null ? "idle" : "ok";
    }

    public sealed class Handler(IDbSession db) : IRequestHandler<Query, IReadOnlyList<Summary>>
    {
        private const string Sql = """
            select id, kind, name, status, settings::text as settings, cursor, last_sync_at, last_success_at, last_error, last_error_at,
                   received, accepted, rejected, created_by, created_at
            from connectors where @IncludeRemoved or status <> 'removed'
            order by id
            """;

        public async Task<IReadOnlyList<Summary>> Handle(Query query, CancellationToken ct) =>
            [.. await db.Connection.QueryAsync<Summary>(new CommandDefinition(Sql, new { query.IncludeRemoved }, db.Transaction, cancellationToken: ct))];
    }
}
