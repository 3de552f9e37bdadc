using Dapper;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Errors;
using HireVet.Application.Common.Security;
using MediatR;

namespace HireVet.Application.Notices;

/// <summary>One notice exactly as it was sent, for printing: security reviewers and auditors (HR sees that it was sent,
/// not the letter, which is derived from the evidence).</summary>
public static class GetNotice
{
    public sealed record Query(long Id) : IRequest<Response>;

    public sealed record Response
    {
        public long Id { get; init; }
        public long CandidateId { get; init; }
        public string LegalName { get; init; } = "";
        public string ExternalId { get; init; } = "";
        public long DecisionId { get; init; }
        public string Kind { get; init; } = "";
        public string Channel { get; init; } = "";
        public string SentBy { get; init; } = "";
        public DateTimeOffset SentAt { get; init; }
        public DateTimeOffset RespondBy { get; init; }
        public string LetterText { get; init; } = "";
    }

    public sealed class Handler(IDbSession db, ICurrentActor actor) : IRequestHandler<Query, Response>
    {
        private const string Sql = """
            select n.id, n.candidate_id, c.legal_name, c.external_id, n.decision_id, n.kind, n.channel, n.sent_by, n.sent_at, n.respond_by, n.letter_text
            from candidate_notices n join candidates c on c.id = n.candidate_id
            where n.id = @Id
            """;

        public async Task<Response> Handle(Query query, CancellationToken ct)
        {
            if (actor.Role is not (Roles.Security or Roles.Auditor)) throw new ForbiddenException("Only security reviewers and auditors read the letters: HR sees that a notice was sent and its state.");
            return await db.Connection.QuerySingleOrDefaultAsync<Response>(new CommandDefinition(Sql, query, db.Transaction, cancellationToken: ct))
                ?? throw new NotFoundException("notice", query.Id);
        }
    }
}
