using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Dapper;
using HireVet.Application.Checks;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Errors;
using HireVet.Application.Dossiers;
using MediatR;

namespace HireVet.Application.Audit;

/// <summary>For auditors: one decision with everything it stood on: the exact assessment snapshot (score, band,
/// ruleset version and hash, every signal with its evidence, the check trace, the reference data), the justification,
/// the second reviewer's verdict, the dossier revision the assessment was made on, and the audit records about the
/// candidate and its decisions, each with its link in the hash chain and whether that link checks out on its own.</summary>
public static class GetDecision
{
    /// <summary>The newest records shown; the page says how many there are in all.</summary>
    public const int MaxAuditRecords = 200;

    public sealed record Query(long Id) : IRequest<Response>;

    public sealed record Response
    {
        public long DecisionId { get; init; }
        public long CandidateId { get; init; }
        public string ExternalId { get; init; } = "";
        public string LegalName { get; init; } = "";
        public string CandidateStatus { get; init; } = "";
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
        public Snapshot Assessment { get; init; } = new();
        /// <summary>The candidate's newest assessment: another id means this decision's was superseded by a re-vet.</summary>
        public long LatestAssessmentId { get; init; }
        public RevisionView Revision { get; init; } = new();
        public int CurrentRevision { get; init; }
        public AuditRecordView[] AuditRecords { get; init; } = [];
        public long AuditRecordsTotal { get; init; }
        /// <summary>The decision's own audit record (DecideCandidate) proven in the latest signed checkpoint, so the report
        /// carries its proof; null with <see cref="SignedProofStatus"/> saying why (not yet in a signed checkpoint, not
        /// signed at all, or the trail no longer matches).</summary>
        public GetAuditRecordProof.Response? SignedProof { get; init; }
        public string? SignedProofStatus { get; init; }
    }

    public sealed record Snapshot
    {
        public long Id { get; init; }
        public int Score { get; init; }
        public string Band { get; init; } = "";
        public string RulesetVersion { get; init; } = "";
        public string RulesetHash { get; init; } = "";
        public DateTimeOffset AssessedAt { get; init; }
        public Signal[] Signals { get; init; } = [];
        public CheckTrace[] Trace { get; init; } = [];
        /// <summary>The reference datasets (name, as-of date, status, rows) the checks ran with.</summary>
        public JsonArray ReferenceData { get; init; } = [];
        [JsonIgnore] public string SignalsJson { get; init; } = "";
        [JsonIgnore] public string TraceJson { get; init; } = "";
        [JsonIgnore] public string ReferenceDataJson { get; init; } = "[]";
    }

    public sealed record RevisionView
    {
        public long Id { get; init; }
        public int Revision { get; init; }
        public string ContentHash { get; init; } = "";
        public string SubmittedBy { get; init; } = "";
        public DateTimeOffset SubmittedAt { get; init; }
        /// <summary>The dossier as stored, without the values kept encrypted beside it (dates of birth, ID document number,
        /// IBAN, account number, wallet address).</summary>
        public JsonObject Dossier { get; init; } = [];
        [JsonIgnore] public string DossierJson { get; init; } = "{}";
    }

    public sealed record AuditRecordView
    {
        public long Id { get; init; }
        public DateTimeOffset OccurredAt { get; init; }
        public string Actor { get; init; } = "";
        public string ActorRole { get; init; } = "";
        public string Action { get; init; } = "";
        public string? TargetType { get; init; }
        public string? TargetId { get; init; }
        public string RequestDigest { get; init; } = "";
        public string Details { get; init; } = "{}";
        /// <summary>Null while the record waits to be linked into the chain.</summary>
        public long? Seq { get; init; }
        public string? Hash { get; init; }
        public string? PreviousHash { get; init; }
        /// <summary>The record's content, place and predecessor hash give its stored hash.</summary>
        public bool? HashMatches { get; init; }
        /// <summary>Its previous hash is the hash of the link before it (the genesis hash for the first).</summary>
        public bool? LinkMatches { get; init; }
        /// <summary>Decided or reviewed this decision (rather than something else about the candidate).</summary>
        public bool AboutThisDecision { get; init; }
        [JsonIgnore] public string? PredecessorHash { get; init; }
    }

    public sealed class Handler(IDbSession db, IMediator mediator) : IRequestHandler<Query, Response>
    {
        private const string DecisionSql = """
            select d.id as decision_id, d.candidate_id, c.external_id, c.legal_name, c.status as candidate_status, d.outcome,
                   d.justification, d.band_at_decision, d.decided_by, d.decided_at, d.requires_approval,
                   ap.verdict as approval_verdict, ap.approver as approved_by, ap.justification as approval_justification,
                   ap.approved_at, c.current_revision,
                   (select max(x.id) from assessments x where x.candidate_id = d.candidate_id) as latest_assessment_id
            from decisions d
            join candidates c on c.id = d.candidate_id
            left join decision_approvals ap on ap.decision_id = d.id
            where d.id = @Id
            """;

        private const string SnapshotSql = """
            select a.id, a.score, a.band, a.ruleset_version, a.ruleset_hash, a.assessed_at, a.signals::text as signals_json,
                   a.trace::text as trace_json, a.reference_data::text as reference_data_json
            from decisions d join assessments a on a.id = d.assessment_id
            where d.id = @Id
            """;

        private const string RevisionSql = """
            select r.id, r.revision, r.content_hash, r.submitted_by, r.submitted_at, r.dossier::text as dossier_json
            from decisions d
            join assessments a on a.id = d.assessment_id
            join candidate_revisions r on r.id = a.revision_id
            where d.id = @Id
            """;

        // The records about the candidate: those targeting it, those targeting one of its decisions, and the batch
        // records naming it (index ix_audit_records_batch_candidates). Newest first, capped; shown oldest first.
        private const string RecordIdsSql = """
            with about as (
              select r.id from audit_records r where r.target_type = 'candidate' and r.target_id = @CandidateText
              union
              select r.id from audit_records r
              where r.target_type = 'decision'
                and r.target_id in (select x.id::text from decisions x where x.candidate_id = @CandidateId)
              union
              select r.id from audit_records r
              where r.target_type in ('candidate_batch', 'rescreen_batch')
                and audit_record_candidate_ids(r.details) @> array[@CandidateId]::bigint[])
            select (select count(*) from about) as total,
                   coalesce((select array_agg(id order by id) from (select id from about order by id desc limit @Max) newest), '{}') as ids
            """;

        private const string RecordsSql = """
            select r.id, r.occurred_at, r.actor, r.actor_role, r.action, r.target_type, r.target_id, r.request_digest, r.details,
                   c.seq, c.hash, c.previous_hash, p.hash as predecessor_hash
            from audit_records r
            left join audit_chain c on c.record_id = r.id
            left join audit_chain p on p.seq = c.seq - 1
            where r.id = any(@Ids)
            order by r.id
            """;

        public async Task<Response> Handle(Query query, CancellationToken ct)
        {
            var decision = await db.Connection.QuerySingleOrDefaultAsync<Response>(
                new CommandDefinition(DecisionSql, query, db.Transaction, cancellationToken: ct))
                ?? throw new NotFoundException("decision", query.Id);
            var snapshot = await db.Connection.QuerySingleAsync<Snapshot>(new CommandDefinition(SnapshotSql, query, db.Transaction, cancellationToken: ct));
            var revision = await db.Connection.QuerySingleAsync<RevisionView>(new CommandDefinition(RevisionSql, query, db.Transaction, cancellationToken: ct));

            var (total, ids) = await db.Connection.QuerySingleAsync<(long Total, long[] Ids)>(new CommandDefinition(RecordIdsSql, new
            {
                decision.CandidateId, CandidateText = decision.CandidateId.ToString(CultureInfo.InvariantCulture), Max = MaxAuditRecords,
            }, db.Transaction, cancellationToken: ct));
            var records = (await db.Connection.QueryAsync<AuditRecordView>(new CommandDefinition(RecordsSql, new { Ids = ids },
                db.Transaction, cancellationToken: ct))).Select(r => Checked(r, decision.DecisionId)).ToArray();

            var (proof, proofStatus) = await ProofAsync(records, ct);
            return decision with
            {
                SignedProof = proof,
                SignedProofStatus = proofStatus,
                Assessment = snapshot with
                {
                    Signals = JsonSerializer.Deserialize<Signal[]>(snapshot.SignalsJson, DossierJson.Options)!,
                    Trace = JsonSerializer.Deserialize<CheckTrace[]>(snapshot.TraceJson, DossierJson.Options)!,
                    ReferenceData = JsonNode.Parse(snapshot.ReferenceDataJson) as JsonArray ?? [],
                },
                Revision = revision with { Dossier = JsonNode.Parse(revision.DossierJson) as JsonObject ?? [] },
                AuditRecords = records,
                AuditRecordsTotal = total,
            };
        }

        private async Task<(GetAuditRecordProof.Response?, string?)> ProofAsync(AuditRecordView[] records, CancellationToken ct)
        {
            var decided = records.FirstOrDefault(r => r is { AboutThisDecision: true, Action: "DecideCandidate" });
            if (decided is null) return (null, "The decision's audit record is not among the records shown.");
            if (decided.Seq is not { } seq) return (null, "Not yet in a signed checkpoint: the decision's audit record is not linked into the chain yet.");
            try
            {
                return (await mediator.Send(new GetAuditRecordProof.Query(seq), ct), null);
            }
            catch (ConflictException e)
            {
                return (null, e.Message);
            }
        }

        /// <summary>The record's own link, checked on its own: its hash recomputed from its content, and its previous hash
        /// against the link before it. The whole chain from the start is what <see cref="VerifyAuditChain"/> walks.</summary>
        private static AuditRecordView Checked(AuditRecordView r, long decisionId)
        {
            var about = r.TargetType == "decision" && r.TargetId == decisionId.ToString(CultureInfo.InvariantCulture)
                        || r.Action == "DecideCandidate" && DecisionIdIn(r.Details) == decisionId;
            if (r.Seq is not { } seq) return r with { AboutThisDecision = about };
            var recomputed = AuditChain.ComputeHash(new AuditChain.Entry
            {
                Seq = seq, OccurredAt = r.OccurredAt, Actor = r.Actor, ActorRole = r.ActorRole, Action = r.Action, TargetType = r.TargetType,
                TargetId = r.TargetId, RequestDigest = r.RequestDigest, Details = r.Details, PreviousHash = r.PreviousHash!,
            });
            var expectedPrevious = seq == 1 ? AuditChain.GenesisHash : r.PredecessorHash;
            return r with { HashMatches = recomputed == r.Hash, LinkMatches = expectedPrevious is not null && expectedPrevious == r.PreviousHash, AboutThisDecision = about };
        }

        private static long? DecisionIdIn(string details)
        {
            try
            {
                return JsonNode.Parse(details)?["decisionId"]?.GetValue<long>();
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                return null;
            }
        }
    }
}
