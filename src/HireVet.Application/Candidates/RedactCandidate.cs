using Dapper;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Security;
using MediatR;

namespace HireVet.Application.Candidates;

/// <summary>Erases HireVet's copy of a candidate's personal data, as an applicant-tracking system's deletion or
/// anonymization asks: the dossier's revisions, the identifiers that link them to others, the resume fingerprint and the
/// evidence quoted in assessments (the database function <c>redact_candidate</c>, the one way past their append-only
/// rules). The candidate's id, status, decisions and the audit chain stay, so the trail still verifies and says what
/// was decided and that the data was erased.</summary>
public static class RedactCandidate
{
    public sealed record Command(long CandidateId, string Reason) : IRequest<bool>, ICommand;

    private const string DeleteLaterPersonalDataSql = """
        delete from identity_verifications where candidate_id = @CandidateId;
        delete from network_sightings where candidate_id = @CandidateId;
        """;

    public sealed class Handler(IDbSession db, ICurrentActor actor, AuditScope audit, TimeProvider clock) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command command, CancellationToken ct)
        {
            var redacted = await db.Connection.ExecuteScalarAsync<bool>(new CommandDefinition("select redact_candidate(@CandidateId, @Reason, @Actor, @Now)",
                new { command.CandidateId, command.Reason, Actor = actor.Name, Now = clock.GetUtcNow() }, db.Transaction, cancellationToken: ct));
            // The identity-verification results and network sightings came after redact_candidate was written (migration 0032).
            if (redacted)
                await db.Connection.ExecuteAsync(new CommandDefinition(DeleteLaterPersonalDataSql, new { command.CandidateId }, db.Transaction, cancellationToken: ct));
            audit.Target("candidate", command.CandidateId);
            audit.Details["reason"] = command.Reason;
            audit.Details["redacted"] = redacted;
            return redacted;
        }
    }
}
