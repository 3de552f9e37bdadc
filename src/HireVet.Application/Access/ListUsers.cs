using Dapper;
using FluentValidation;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Access;

/// <summary>Local users for the admin page, newest first, paged: role, when created, the last sign-in, and whether
/// (since when, by whom) the user is disabled, their current run of wrong passwords and, while they are locked out, until
/// when. Never the password hash.</summary>
public static class ListUsers
{
    public sealed record Query(int Limit = 50, int Offset = 0) : IRequest<Item[]>;

    public sealed record Item
    {
        public long Id { get; init; }
        public string Username { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string Role { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? LastSignInAt { get; init; }
        public DateTimeOffset? DisabledAt { get; init; }
        public string? DisabledBy { get; init; }
        /// <summary>Wrong passwords in the user's current run (<see cref="SignInPolicy.CurrentFailures"/>).</summary>
        public int FailedSignIns { get; init; }
        public DateTimeOffset? LastFailedSignInAt { get; init; }
        /// <summary>Set only while the user is locked out.</summary>
        public DateTimeOffset? LockedUntil { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Limit).InclusiveBetween(1, 200);
            RuleFor(q => q.Offset).InclusiveBetween(0, 100_000);
        }
    }

    public sealed class Handler(IDbSession db, SignInPolicy policy, TimeProvider clock) : IRequestHandler<Query, Item[]>
    {
        private const string Sql = """
            select id, username, display_name, role, created_at, last_sign_in_at, disabled_at, disabled_by,
              failed_sign_ins, last_failed_sign_in_at, locked_until
            from users
            order by id desc
            limit @Limit offset @Offset
            """;

        public async Task<Item[]> Handle(Query query, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            return [.. (await db.Connection.QueryAsync<Item>(new CommandDefinition(Sql, query, db.Transaction, cancellationToken: ct)))
                .Select(u => u with
                {
                    FailedSignIns = policy.CurrentFailures(u.FailedSignIns, u.LastFailedSignInAt, u.LockedUntil, now),
                    LockedUntil = policy.IsLocked(u.LockedUntil, now) ? u.LockedUntil : null,
                })];
        }
    }
}
