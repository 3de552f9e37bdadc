using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using FluentValidation;
using HireVet.Application.Checks;
using HireVet.Application.Common.Data;
using HireVet.Application.Dossiers;
using MediatR;

namespace HireVet.Application.Audit;

/// <summary>For auditors: the decisions a filter selects (<see cref="IDecisionFilter"/>), each with its justification,
/// its second-reviewer verdict and the exact assessment it was based on (score, band, ruleset, signals), newest first,
/// a page at a time. <see cref="CountDecisions"/> counts the same set, <see cref="ExportDecisions"/> streams all of it.</summary>
public static class ListDecisions
{
    public sealed record Query : IRequest<Item[]>, IDecisionFilter
    {
        public DateTimeOffset? From { get; init; }
        public DateTimeOffset? To { get; init; }
        public string? Reviewer { get; init; }
        public string? Outcome { get; init; }
        public string? Band { get; init; }
        public int Limit { get; init; } = 100;
        public int Offset { get; init; }
    }

    public sealed record Item
    {
        public long DecisionId { get; init; }
        public long CandidateId { get; init; }
        public string ExternalId { get; init; } = "";
        public string LegalName { get; init; } = "";
        public string Outcome { get; init; } = "";
        public string Justification { get; init; } = "";
        public string BandAtDecision { get; init; } = "";
        public string DecidedBy { get; init; } = "";
        public DateTimeOffset DecidedAt { get; init; }
        public bool RequiresApproval { get; init; }
        public string? ApprovalVerdict { get; init; }
        public string? ApprovedBy { get; init; }
        public string? ApprovalJustification { get; init; }
        public DateTimeOffset? ApprovedAt { get; init; }
        public long AssessmentId { get; init; }
        public int AssessmentScore { get; init; }
        public string AssessmentBand { get; init; } = "";
        public string RulesetVersion { get; init; } = "";
        public string RulesetHash { get; init; } = "";
        public DateTimeOffset AssessedAt { get; init; }
        public Signal[] Signals { get; init; } = [];
        [JsonIgnore] public string SignalsJson { get; init; } = "";

        public Item WithSignals() => this with { Signals = JsonSerializer.Deserialize<Signal[]>(SignalsJson, DossierJson.Options)! };
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Limit).InclusiveBetween(1, 10_000);
            RuleFor(q => q.Offset).GreaterThanOrEqualTo(0);
            DecisionFilter.AddRules(this);
        }
    }

    /// <summary>The decisions the filter selects, in order and paged (<paramref name="paging"/>: "limit … offset …", or
    /// empty for all) before anything is joined, so a page joins its own 50 rows only; then their candidate, assessment
    /// and second verdict.</summary>
    public static string Sql(string where, string paging) => $"""
        select d.id as decision_id, d.candidate_id, c.external_id, c.legal_name, d.outcome, d.justification, d.band_at_decision,
               d.decided_by, d.decided_at, d.requires_approval, ap.verdict as approval_verdict, ap.approver as approved_by,
               ap.justification as approval_justification, ap.approved_at,
               a.id as assessment_id, a.score as assessment_score, a.band as assessment_band, a.ruleset_version,
               a.ruleset_hash, a.assessed_at, a.signals::text as signals_json
        from (select d.* from decisions d {where} order by d.decided_at desc, d.id desc {paging}) d
        join candidates c on c.id = d.candidate_id
        join assessments a on a.id = d.assessment_id
        left join decision_approvals ap on ap.decision_id = d.id
        order by d.decided_at desc, d.id desc
        """;

    public sealed class Handler(IDbSession db) : IRequestHandler<Query, Item[]>
    {
        public async Task<Item[]> Handle(Query query, CancellationToken ct)
        {
            var (where, parameters) = DecisionFilter.Where(query);
            parameters.Add("Limit", query.Limit);
            parameters.Add("Offset", query.Offset);
            var rows = await db.Connection.QueryAsync<Item>(new CommandDefinition(Sql(where, "limit @Limit offset @Offset"), parameters,
                db.Transaction, cancellationToken: ct));
            return rows.Select(r => r.WithSignals()).ToArray();
        }
    }
}
