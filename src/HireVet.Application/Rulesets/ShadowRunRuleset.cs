using System.Text.Json;
using Dapper;
using FluentValidation;
using HireVet.Application.Checks;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Errors;
using HireVet.Application.Dossiers;
using HireVet.Application.Vetting.Scoring;
using MediatR;

namespace HireVet.Application.Rulesets;

/// <summary>Shadow mode: how bands would change if a ruleset version were active, over every candidate's latest
/// assessment. Checks are code and a ruleset only weighs their signals (weights, combinations, thresholds), so
/// re-weighing the stored signals gives exactly the bands a re-vet on the same data would. Nothing is written.</summary>
public static class ShadowRunRuleset
{
    public sealed record Query(string Version, int Limit = 100_000) : IRequest<Response>;

    public sealed record Response
    {
        public string Version { get; init; } = "";
        public int CandidatesCompared { get; init; }
        /// <summary>"review→high": how many candidates would move that way.</summary>
        public Dictionary<string, int> Transitions { get; init; } = [];
        public int Changed { get; init; }
        public Change[] Examples { get; init; } = [];
    }

    public sealed record Change
    {
        public long CandidateId { get; init; }
        /// <summary>The applicant-tracking system's id: admins run shadow runs and read no personal data, so no name.</summary>
        public string ExternalId { get; init; } = "";
        public string CurrentBand { get; init; } = "";
        public int CurrentScore { get; init; }
        public string ShadowBand { get; init; } = "";
        public int ShadowScore { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).InclusiveBetween(1, 1_000_000);
    }

    public sealed class Handler(IDbSession db) : IRequestHandler<Query, Response>
    {
        private const string RulesetSql = "select hash, content from rulesets where version = @Version";

        private const string LatestSql = """
            select distinct on (a.candidate_id) a.candidate_id, c.external_id, a.band, a.score, a.signals::text as signals
            from assessments a join candidates c on c.id = a.candidate_id
            order by a.candidate_id, a.id desc
            limit @Limit
            """;

        public async Task<Response> Handle(Query query, CancellationToken ct)
        {
            var stored = await db.Connection.QuerySingleOrDefaultAsync<(string Hash, string Content)?>(
                new CommandDefinition(RulesetSql, query, db.Transaction, cancellationToken: ct))
                ?? throw new NotFoundException("ruleset", query.Version);
            var ruleset = ActiveRuleset.Parse(stored.Hash, stored.Content);

            var transitions = new Dictionary<string, int>();
            var examples = new List<Change>();
            var (compared, changed) = (0, 0);
            var rows = db.Connection.QueryUnbufferedAsync<(long CandidateId, string ExternalId, string Band, int Score, string Signals)>(
                LatestSql, query, db.Transaction);
            await foreach (var row in rows.WithCancellation(ct))
            {
                compared++;
                var shadow = ruleset.Rescore(JsonSerializer.Deserialize<Signal[]>(row.Signals, DossierJson.Options)!);
                var key = $"{row.Band}→{shadow.Band}";
                transitions[key] = transitions.GetValueOrDefault(key) + 1;
                if (shadow.Band == row.Band) continue;
                changed++;
                if (examples.Count < 100)
                    examples.Add(new Change
                    {
                        CandidateId = row.CandidateId, ExternalId = row.ExternalId,
                        CurrentBand = row.Band, CurrentScore = row.Score, ShadowBand = shadow.Band, ShadowScore = shadow.Score,
                    });
            }
            return new Response { Version = query.Version, CandidatesCompared = compared, Transitions = transitions, Changed = changed, Examples = [.. examples] };
        }
    }
}
