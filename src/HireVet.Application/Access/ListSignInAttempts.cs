using Dapper;
using FluentValidation;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Access;

/// <summary>Sign-in attempts for admins, newest first, paged: every failure by default (wrong password, unknown user,
/// disabled, locked out, throttled address, refused API key), or one outcome (succeeded included), optionally for one
/// user name. Who as typed, the user it names, the key prefix, from where, the browser, when.</summary>
public static class ListSignInAttempts
{
    public sealed record Query(string? Outcome = null, string? User = null, int Limit = 50, int Offset = 0) : IRequest<Item[]>;

    public sealed record Item
    {
        public long Id { get; init; }
        public DateTimeOffset At { get; init; }
        public string? Username { get; init; }
        public long? UserId { get; init; }
        public string? ApiKeyPrefix { get; init; }
        public string? RemoteIp { get; init; }
        public string? UserAgent { get; init; }
        public string Outcome { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Outcome).Must(o => o is null || SignInOutcomes.Codes.Contains(o))
                .WithMessage($"'outcome' must be one of {string.Join(", ", SignInOutcomes.Codes)}.");
            RuleFor(q => q.User).MaximumLength(64);
            RuleFor(q => q.Limit).InclusiveBetween(1, 200);
            RuleFor(q => q.Offset).InclusiveBetween(0, 100_000);
        }
    }

    public sealed class Handler(IDbSession db) : IRequestHandler<Query, Item[]>
    {
        private const string Sql = """
            select id, at, username, user_id, api_key_prefix, remote_ip, user_agent, outcome
            from sign_in_attempts
            where (case when @Outcome::text is null then outcome <> 'succeeded' else outcome = @Outcome end)
              and (@User::text is null or username = @User)
            order by at desc, id desc
            limit @Limit offset @Offset
            """;

        public async Task<Item[]> Handle(Query query, CancellationToken ct)
        {
            var user = string.IsNullOrWhiteSpace(query.User) ? null : query.User.Trim().ToLowerInvariant();
            var outcome = string.IsNullOrEmpty(query.Outcome) ? null : query.Outcome;
            return [.. await db.Connection.QueryAsync<Item>(new CommandDefinition(Sql, new { Outcome = outcome, User = user, query.Limit, query.Offset },
                db.Transaction, cancellationToken: ct))];
        }
    }
}
