using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using FluentValidation;
using HireVet.Application.Candidates;
using HireVet.Application.Common.Data;
using HireVet.Application.Vetting;
using MediatR;

namespace HireVet.Application.Audit;

/// <summary>For auditors: every decision with its justification, its second-reviewer verdict and the exact
/// assessment it was based on (score, band, ruleset, signals), newest first.</summary>
public static class ListDecisions
{
    public sealed record Query(DateTimeOffset? From = null, DateTimeOffset? To = null, int Limit = 100, int Offset = 0) : IRequest<Item[]>;

    public sealed record Item
    {
        public long DecisionId { get; init; }
        public long CandidateId { get; init; }
        public string ExternalId { get; init; } = "";
        public string LegalName { get; init; } = "";
        public string Outcome { get; init; } = "";
        public string Justification { get; init; } = "";
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
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Limit).InclusiveBetween(1, 10_000);
            RuleFor(q => q.Offset).GreaterThanOrEqualTo(0);
            RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null)
                .WithMessage("'to' must not be before 'from'.");
        }
    }

    public sealed class Handler(IDbSession db) : IRequestHandler<Query, Item[]>
    {
        private const string Sql = """
            select d.id as decision_id, d.candidate_id, c.external_id, c.legal_name, d.outcome, d.justification, d.decided_by,
                   d.decided_at, d.requires_approval, ap.verdict as approval_verdict, ap.approver as approved_by,
                   ap.justification as approval_justification, ap.approved_at,
                   a.id as assessment_id, a.score as assessment_score, a.band as assessment_band, a.ruleset_version,
                   a.ruleset_hash, a.assessed_at, a.signals::text as signals_json
            from decisions d
            join candidates c on c.id = d.candidate_id
            join assessments a on a.id = d.assessment_id
            left join decision_approvals ap on ap.decision_id = d.id
            where (@From::timestamptz is null or d.decided_at >= @From) and (@To::timestamptz is null or d.decided_at <= @To)
            order by d.decided_at desc, d.id desc
            limit @Limit offset @Offset
            """;

        public async Task<Item[]> Handle(Query query, CancellationToken ct)
        {
            var rows = await db.Connection.QueryAsync<Item>(new CommandDefinition(Sql, query, db.Transaction, cancellationToken: ct));
            return rows.Select(r => r with { Signals = JsonSerializer.Deserialize<Signal[]>(r.SignalsJson, DossierJson.Options)! }).ToArray();
        }
    }
}
