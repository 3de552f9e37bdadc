using System.Collections.Concurrent;
using Dapper;
using HireVet.Application.Common.Data;
using HireVet.Application.Vetting.Scoring;
using MediatR;

namespace HireVet.Application.Rulesets;

/// <summary>The ruleset an assessment names (version and hash), parsed: a stored version, or the one shipped with
/// HireVet (used while no ruleset is stored); null when HireVet holds neither. A version's content never changes
/// once stored, so each is parsed once per process.</summary>
public static class GetRulesetVersion
{
    public sealed record Query(string Version, string Hash) : IRequest<Ruleset?>;

    public sealed class Handler(IDbSession db) : IRequestHandler<Query, Ruleset?>
    {
        private static readonly ConcurrentDictionary<string, Ruleset> Parsed = new();

        private const string Sql = "select content from rulesets where version = @Version and hash = @Hash";

        public async Task<Ruleset?> Handle(Query query, CancellationToken ct)
        {
            if (Parsed.TryGetValue(query.Hash, out var known)) return known;
            if (Ruleset.Embedded.Hash == query.Hash) return Ruleset.Embedded;
            var content = await db.Connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(Sql, query, db.Transaction, cancellationToken: ct));
            if (content is null) return null;
            var ruleset = Ruleset.Parse(content);
            return ruleset.Hash == query.Hash ? Parsed.GetOrAdd(query.Hash, ruleset) : null;
        }
    }
}
