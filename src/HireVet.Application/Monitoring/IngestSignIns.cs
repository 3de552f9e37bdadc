using Dapper;
using HireVet.Application.Common;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Monitoring;

/// <summary>Stores a batch of sign-ins from an identity provider in one transaction with one audit record. Idempotent
/// on (source, event id): an event sent again is counted as a duplicate and changes nothing. Events are matched to
/// workers by work e-mail; the workers who got new events are marked for the next incremental re-screening.</summary>
public static class IngestSignIns
{
    public const int MaxBatch = 5000;

    public sealed record Command(string Source, IReadOnlyList<IncomingSignIn> Events) : IRequest<IngestResult>, ICommand;

    public sealed class Handler(IDbSession db, AuditScope audit, TimeProvider clock) : IRequestHandler<Command, IngestResult>
    {
        private const string InsertSql = """
            with incoming as (
              select * from unnest(@EventIds, @Principals, @OccurredAt, @Ips, @Countries, @Cities, @UserAgents, @DeviceIds,
                                   @Succeeded, @SessionIds, @SessionEndedAt)
                as e(event_id, principal, occurred_at, ip, reported_country, reported_city, user_agent, device_id, succeeded,
                     session_id, session_ended_at)),
            stored as (
              insert into sign_in_events (source, event_id, principal, worker_id, occurred_at, ip, reported_country, reported_city,
                                          user_agent, device_id, succeeded, session_id, session_ended_at, received_at)
              select @Source, e.event_id, e.principal, w.id, e.occurred_at, e.ip, e.reported_country, e.reported_city, e.user_agent,
                     e.device_id, e.succeeded, e.session_id, e.session_ended_at, @Now
              from incoming e left join workers w on w.work_email = e.principal
              on conflict (source, event_id) do nothing
              returning worker_id),
            touched as (
              update workers set events_changed_at = @Now where id in (select worker_id from stored where worker_id is not null))
            select count(*)::int as accepted, count(*) filter (where worker_id is null)::int as unmatched from stored
            """;

        public async Task<IngestResult> Handle(Command command, CancellationToken ct)
        {
            if (command.Events.Count is 0 or > MaxBatch)
                throw new ArgumentOutOfRangeException(nameof(command), $"A batch holds 1 to {MaxBatch} events.");
            var e = command.Events.DistinctBy(x => x.Event.EventId).ToArray(); // the same id twice in one batch is one event
            var (accepted, unmatched) = await db.Connection.QuerySingleAsync<(int, int)>(new CommandDefinition(InsertSql, new
            {
                command.Source, Now = clock.GetUtcNow(),
                EventIds = e.Select(x => x.Event.EventId).ToArray(), Principals = e.Select(x => x.Principal).ToArray(),
                OccurredAt = e.Select(x => x.Event.OccurredAt).ToArray(), Ips = e.Select(x => x.Event.Ip).ToArray(),
                Countries = e.Select(x => x.Event.ReportedCountry).ToArray(), Cities = e.Select(x => x.Event.ReportedCity).ToArray(),
                UserAgents = e.Select(x => x.Event.UserAgent).ToArray(), DeviceIds = e.Select(x => x.Event.DeviceId).ToArray(),
                Succeeded = e.Select(x => x.Event.Succeeded).ToArray(), SessionIds = e.Select(x => x.Event.SessionId).ToArray(),
                SessionEndedAt = e.Select(x => x.Event.SessionEndedAt).ToArray(),
            }, db.Transaction, cancellationToken: ct));

            audit.Target("sign_in_batch", command.Source);
            audit.Details["received"] = command.Events.Count;
            audit.Details["accepted"] = accepted;
            audit.Details["unmatched"] = unmatched;
            return new IngestResult(accepted, command.Events.Count - accepted, unmatched);
        }
    }
}
