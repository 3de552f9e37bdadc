using Dapper;
using FluentValidation;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Candidates;

/// <summary>Candidates newest first, optionally by status, paged.</summary>
public static class ListCandidates
{
    public sealed record Query(string? Status = null, int Limit = 50, int Offset = 0) : IRequest<Item[]>;

    public sealed record Item
    {
        public long Id { get; init; }
        public string ExternalId { get; init; } = "";
        public string LegalName { get; init; } = "";
        public string? Role { get; init; }
        public string Status { get; init; } = "";
        public string VettingStatus { get; init; } = "";
        public string? Band { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
    }

    public static readonly string[] Statuses =
        ["pending_vetting", "clear", "review", "awaiting_approval", "information_requested", "rejection_pending", "cleared", "rejected", "policy_violation"];

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Status).Must(s => Statuses.Contains(s)).When(q => q.Status is not null)
                .WithMessage($"'status' must be one of: {string.Join(", ", Statuses)}.");
            RuleFor(q => q.Limit).InclusiveBetween(1, 200);
            RuleFor(q => q.Offset).InclusiveBetween(0, 100_000);
        }
    }

    public sealed class Handler(IDbSession db) : IRequestHandler<Query, Item[]>
    {
        private const string Sql = """
            select id, external_id, legal_name, role, status, vetting_status, band, updated_at
            from candidates
            where (@Status::text is null or status = @Status)
            order by updated_at desc, id desc
            limit @Limit offset @Offset
            """;

        public async Task<Item[]> Handle(Query query, CancellationToken ct) =>
            (await db.Connection.QueryAsync<Item>(new CommandDefinition(Sql, query, db.Transaction, cancellationToken: ct))).ToArray();
    }
}
