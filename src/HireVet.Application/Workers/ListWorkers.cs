using Dapper;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Workers;

/// <summary>Hired workers with their case status and latest band, and how many events have come in for each; newest
/// hire first, paged.</summary>
public static class ListWorkers
{
    public sealed record Query(int Limit = 50, int Offset = 0) : IRequest<IReadOnlyList<Item>>;

    public sealed record Item
    {
        public long WorkerId { get; init; }
        public long CandidateId { get; init; }
        public string EmployeeId { get; init; } = "";
        public string WorkEmail { get; init; } = "";
        public string LegalName { get; init; } = "";
        public DateOnly StartDate { get; init; }
        public string Status { get; init; } = "";
        public string CaseStatus { get; init; } = "";
        public string? Band { get; init; }
        public DateTimeOffset? EventsChangedAt { get; init; }
        public DateTimeOffset? RescreenedAt { get; init; }
    }

    public sealed class Handler(IDbSession db) : IRequestHandler<Query, IReadOnlyList<Item>>
    {
        private const string Sql = """
            select w.id as worker_id, w.candidate_id, w.employee_id, w.work_email, c.legal_name, w.start_date, w.status,
                   c.status as case_status, c.band, w.events_changed_at, w.rescreened_at
            from workers w join candidates c on c.id = w.candidate_id
            order by w.id desc
            limit @Limit offset @Offset
            """;

        public async Task<IReadOnlyList<Item>> Handle(Query query, CancellationToken ct) =>
            [.. await db.Connection.QueryAsync<Item>(new CommandDefinition(Sql,
                new { Limit = Math.Clamp(query.Limit, 1, 500), Offset = Math.Max(0, query.Offset) }, db.Transaction, cancellationToken: ct))];
    }
}
