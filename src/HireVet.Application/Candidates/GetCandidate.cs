using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using HireVet.Application.Checks;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Errors;
using HireVet.Application.Common.Security;
using HireVet.Application.Dossiers;
using MediatR;

namespace HireVet.Application.Candidates;

/// <summary>A candidate: the current dossier, status, latest assessment and decisions. HR sees status and outcomes
/// only: no assessment detail and no reviewer's justification.</summary>
public static class GetCandidate
{
    public sealed record Query(long Id) : IRequest<Response>;

    public sealed record Response
    {
        public long Id { get; init; }
        public string ExternalId { get; init; } = "";
        public string LegalName { get; init; } = "";
        public string Status { get; init; } = "";
        public string VettingStatus { get; init; } = "";
        public string? Band { get; init; }
        public int? Score { get; init; }
        public int Revision { get; init; }
        public string? ClaimedBy { get; init; }
        public string SubmittedBy { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public Dossier Dossier { get; init; } = new();
        /// <summary>Null for HR.</summary>
        public AssessmentView? LatestAssessment { get; init; }
        /// <summary>The assessment before the latest (null for HR, or when there is none), for comparing the two.</summary>
        public AssessmentView? PreviousAssessment { get; init; }
        /// <summary>The hire, once the candidate is a worker.</summary>
        public WorkerView? Worker { get; init; }
        public DecisionView[] Decisions { get; init; } = [];
        [JsonIgnore] public string DossierJson { get; init; } = "";
        [JsonIgnore] public string SensitiveProtected { get; init; } = "";
    }

    public sealed record AssessmentView
    {
        public long Id { get; init; }
        public int Score { get; init; }
        public string Band { get; init; } = "";
        public string RulesetVersion { get; init; } = "";
        public string RulesetHash { get; init; } = "";
        public DateTimeOffset AssessedAt { get; init; }
        public int Revision { get; init; }
        public Signal[] Signals { get; init; } = [];
        public CheckTrace[] Trace { get; init; } = [];
        [JsonIgnore] public string SignalsJson { get; init; } = "";
        [JsonIgnore] public string TraceJson { get; init; } = "";
    }

    public sealed record WorkerView
    {
        public long Id { get; init; }
        public string EmployeeId { get; init; } = "";
        public string WorkEmail { get; init; } = "";
        public DateOnly StartDate { get; init; }
        public string Status { get; init; } = "";
        public string HiredBy { get; init; } = "";
        public DateTimeOffset HiredAt { get; init; }
        public DateTimeOffset? RescreenedAt { get; init; }
    }

    public sealed record DecisionView
    {
        public long Id { get; init; }
        public string Outcome { get; init; } = "";
        /// <summary>Null for HR.</summary>
        public string? Justification { get; init; }
        public string? DecidedBy { get; init; }
        public DateTimeOffset DecidedAt { get; init; }
        public long AssessmentId { get; init; }
        public bool RequiresApproval { get; init; }
        /// <summary>approved, declined, or null while waiting (or when no approval is needed).</summary>
        public string? ApprovalVerdict { get; init; }
        public string? ApprovedBy { get; init; }
        public string? ApprovalJustification { get; init; }
        public DateTimeOffset? ApprovedAt { get; init; }
    }

    public sealed class Handler(IDbSession db, ISensitiveData sensitive, ICurrentActor actor) : IRequestHandler<Query, Response>
    {
        private const string CandidateSql = """
            select c.id, c.external_id, c.legal_name, c.status, c.vetting_status, c.band, c.score, c.current_revision as revision,
                   c.claimed_by, c.submitted_by, c.created_at, c.updated_at, r.dossier::text as dossier_json, r.sensitive_protected
            from candidates c join candidate_revisions r on r.candidate_id = c.id and r.revision = c.current_revision
            where c.id = @Id
            """;

        private const string AssessmentSql = """
            select a.id, a.score, a.band, a.ruleset_version, a.ruleset_hash, a.assessed_at, r.revision,
                   a.signals::text as signals_json, a.trace::text as trace_json
            from assessments a join candidate_revisions r on r.id = a.revision_id
            where a.candidate_id = @Id order by a.id desc limit 2
            """;

        private const string WorkerSql = """
            select id, employee_id, work_email, start_date, status, hired_by, hired_at, rescreened_at
            from workers where candidate_id = @Id
            """;

        private const string DecisionsSql = """
            select d.id, d.outcome, d.justification, d.decided_by, d.decided_at, d.assessment_id, d.requires_approval,
                   a.verdict as approval_verdict, a.approver as approved_by, a.justification as approval_justification,
                   a.approved_at
            from decisions d left join decision_approvals a on a.decision_id = d.id
            where d.candidate_id = @Id order by d.id desc
            """;

        public async Task<Response> Handle(Query query, CancellationToken ct)
        {
            var row = await db.Connection.QuerySingleOrDefaultAsync<Response>(
                new CommandDefinition(CandidateSql, query, db.Transaction, cancellationToken: ct))
                ?? throw new NotFoundException("candidate", query.Id);
            var redacted = JsonSerializer.Deserialize<Dossier>(row.DossierJson, DossierJson.Options)!;
            var secrets = SensitiveFields.Read(sensitive, row.SensitiveProtected);
            var decisions = (await db.Connection.QueryAsync<DecisionView>(
                new CommandDefinition(DecisionsSql, query, db.Transaction, cancellationToken: ct))).ToArray();
            var worker = await db.Connection.QuerySingleOrDefaultAsync<WorkerView>(
                new CommandDefinition(WorkerSql, query, db.Transaction, cancellationToken: ct));

            if (actor.Role == Roles.Hr)
                return row with
                {
                    Dossier = secrets.MergeInto(redacted), Score = null, ClaimedBy = null, Worker = worker,
                    Decisions = decisions.Select(d => d with { Justification = null, ApprovalJustification = null, DecidedBy = null, ApprovedBy = null }).ToArray(),
                };

            var assessments = (await db.Connection.QueryAsync<AssessmentView>(
                new CommandDefinition(AssessmentSql, query, db.Transaction, cancellationToken: ct))).Select(a => a with
                {
                    Signals = JsonSerializer.Deserialize<Signal[]>(a.SignalsJson, DossierJson.Options)!,
                    Trace = JsonSerializer.Deserialize<CheckTrace[]>(a.TraceJson, DossierJson.Options)!,
                }).ToArray();
            return row with
            {
                Dossier = secrets.MergeInto(redacted),
                Decisions = decisions,
                Worker = worker,
                LatestAssessment = assessments.ElementAtOrDefault(0),
                PreviousAssessment = assessments.ElementAtOrDefault(1),
            };
        }
    }
}
