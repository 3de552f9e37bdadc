using Dapper;
using FluentValidation;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Rulesets;

/// <summary>Ruleset versions, newest first, with their content; optionally only those of one status, paged (the API
/// asks for all of them).</summary>
public static class ListRulesets
{
    public sealed record Query(string? Status = null, int Limit = 10_000, int Offset = 0) : IRequest<Item[]>;

    public sealed record Item
    {
        public string Version { get; init; } = "";
        public string Hash { get; init; } = "";
        public string Status { get; init; } = "";
        public string CreatedBy { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public string? ActivatedBy { get; init; }
        public DateTimeOffset? ActivatedAt { get; init; }
        public string Content { get; init; } = "";
    }

    public static readonly string[] Statuses = ["draft", "active", "retired"];

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Status).Must(s => Statuses.Contains(s)).When(q => q.Status is not null)
                .WithMessage($"'status' must be one of: {string.Join(", ", Statuses)}.");
            RuleFor(q => q.Limit).InclusiveBetween(1, 10_000);
            RuleFor(q => q.Offset).InclusiveBetween(0, 100_000);
        }
    }

    public sealed class Handler(IDbSession db) : IRequestHandler<Query, Item[]>
    {
        private const string Sql = """
            select version, hash, status, created_by, created_at, activated_by, activated_at, content
            from rulesets
            where (@Status::text is null or status = @Status)
            order by created_at desc, version desc
            limit @Limit offset @Offset
            """;

        public async Task<Item[]> Handle(Query query, CancellationToken ct) =>
            (await db.Connection.QueryAsync<Item>(new CommandDefinition(Sql, query, db.Transaction, cancellationToken: ct))).ToArray();
    }
}
