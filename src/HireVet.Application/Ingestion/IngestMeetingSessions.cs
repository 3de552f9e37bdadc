using Dapper;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Ingestion;

/// <summary>Stores a batch of meeting and screen-sharing sessions in one transaction with one audit record, matched to
/// workers by work e-mail like sign-ins (a session of an address no worker has yet is kept and matched at the hire).
/// Idempotent on (participant, the platform's meeting id or none, start): a resent export changes nothing.</summary>
public static class IngestMeetingSessions
{
    public const int MaxBatch = 2000;

    public sealed record Command(IReadOnlyList<IncomingMeetingSession> Sessions) : IRequest<IngestResult>, ICommand;

    public sealed class Handler(IDbSession db, AuditScope audit, TimeProvider clock) : IRequestHandler<Command, IngestResult>
    {
        private const string InsertSql = """
            with stored as (
              insert into meeting_sessions (session_key, principal, worker_id, started_at, ended_at, screen_shared, platform, received_at)
              select r.session_key, r.principal, w.id, r.started_at, r.ended_at, r.screen_shared, r.platform, @Now
              from unnest(@Keys, @Principals, @StartedAt, @EndedAt, @ScreenShared, @Platforms)
                   as r(session_key, principal, started_at, ended_at, screen_shared, platform)
              left join workers w on w.work_email = r.principal
              on conflict (principal, session_key, started_at) do nothing
              returning worker_id),
            touched as (
              update workers set events_changed_at = @Now where id in (select worker_id from stored where worker_id is not null))
            select count(*)::int as accepted, count(*) filter (where worker_id is null)::int as unmatched from stored
            """;

        public async Task<IngestResult> Handle(Command command, CancellationToken ct)
        {
            if (command.Sessions.Count is 0 or > MaxBatch)
                throw new ArgumentOutOfRangeException(nameof(command), $"A batch holds 1 to {MaxBatch} sessions.");
            // The same session twice in one batch is one session (and would make the insert touch a row twice).
            var s = command.Sessions.DistinctBy(x => (x.Principal, x.Session.SessionKey, x.Session.StartedAt)).ToArray();
            var (accepted, unmatched) = await db.Connection.QuerySingleAsync<(int, int)>(new CommandDefinition(InsertSql, new
            {
                Now = clock.GetUtcNow(),
                Keys = s.Select(x => x.Session.SessionKey).ToArray(), Principals = s.Select(x => x.Principal).ToArray(),
                StartedAt = s.Select(x => x.Session.StartedAt).ToArray(), EndedAt = s.Select(x => x.Session.EndedAt).ToArray(),
                ScreenShared = s.Select(x => x.Session.ScreenShared).ToArray(), Platforms = s.Select(x => x.Session.Platform).ToArray(),
            }, db.Transaction, cancellationToken: ct));

            audit.Target("meeting_session_batch", command.Sessions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            audit.Details["received"] = command.Sessions.Count;
            audit.Details["accepted"] = accepted;
            audit.Details["unmatched"] = unmatched;
            return new IngestResult(accepted, command.Sessions.Count - accepted, unmatched);
        }
    }
}
