using System.Text.Json;
using Dapper;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Security;
using HireVet.Application.Dossiers;
using MediatR;

namespace HireVet.Application.Ingestion;

/// <summary>Stores a batch of onboarding steps in one transaction with one audit record, matched to workers by work
/// e-mail. Who appeared, their contact and the place are encrypted with Data Protection; the identifiers LINK-13
/// compares (person, phone, e-mail, the address of an equipment receipt) are stored as keyed hashes, as a dossier's
/// are. Idempotent on the sender's event id. The workers whose earlier steps share an identifier with a new one are marked
/// changed too, so the next incremental re-screening looks at both sides of a stand-in, not only the newer hire.</summary>
public static class IngestOnboardingEvents
{
    public const int MaxBatch = 2000;

    public sealed record Command(IReadOnlyList<IncomingOnboardingEvent> Events) : IRequest<IngestResult>, ICommand;

    public sealed class Handler(IDbSession db, ISensitiveData sensitive, AuditScope audit, TimeProvider clock) : IRequestHandler<Command, IngestResult>
    {
        private const string InsertSql = """
            with stored as (
              insert into onboarding_events (event_id, principal, worker_id, step, occurred_at, protected, received_at)
              select r.event_id, r.principal, w.id, r.step, r.occurred_at, r.protected, @Now
              from unnest(@EventIds, @Principals, @Steps, @OccurredAt, @Protected) as r(event_id, principal, step, occurred_at, protected)
              left join workers w on w.work_email = r.principal
              on conflict (event_id) do nothing
              returning id, event_id, worker_id),
            identifiers as (
              insert into onboarding_identifiers (onboarding_event_id, kind, value_hash)
              select distinct s.id, i.kind, i.value_hash
              from stored s join unnest(@IdentifierEventIds, @IdentifierKinds, @IdentifierHashes) as i(event_id, kind, value_hash) on i.event_id = s.event_id
              returning kind, value_hash),
            linked as (
              select oe.worker_id from onboarding_identifiers oi join onboarding_events oe on oe.id = oi.onboarding_event_id
              where (oi.kind, oi.value_hash) in (select kind, value_hash from identifiers) and oe.worker_id is not null),
            touched as (
              update workers set events_changed_at = @Now
              where id in (select worker_id from stored where worker_id is not null) or id in (select worker_id from linked))
            select count(*)::int as accepted, count(*) filter (where worker_id is null)::int as unmatched from stored
            """;

        public async Task<IngestResult> Handle(Command command, CancellationToken ct)
        {
            if (command.Events.Count is 0 or > MaxBatch)
                throw new ArgumentOutOfRangeException(nameof(command), $"A batch holds 1 to {MaxBatch} events.");
            var r = command.Events.DistinctBy(x => x.Event.EventId).ToArray();
            var identifiers = r.SelectMany(x => x.Identifiers.Select(i => (x.Event.EventId, i.Kind, Hash: sensitive.KeyedHash($"onboarding_{i.Kind}", i.Value)))).ToArray();
            var (accepted, unmatched) = await db.Connection.QuerySingleAsync<(int, int)>(new CommandDefinition(InsertSql, new
            {
                Now = clock.GetUtcNow(),
                EventIds = r.Select(x => x.Event.EventId).ToArray(), Principals = r.Select(x => x.Principal).ToArray(),
                Steps = r.Select(x => x.Event.Step).ToArray(), OccurredAt = r.Select(x => x.Event.OccurredAt).ToArray(),
                Protected = r.Select(x => sensitive.Protect(JsonSerializer.Serialize(x.Event.Details, DossierJson.Options))).ToArray(),
                IdentifierEventIds = identifiers.Select(i => i.EventId).ToArray(), IdentifierKinds = identifiers.Select(i => i.Kind).ToArray(),
                IdentifierHashes = identifiers.Select(i => i.Hash).ToArray(),
            }, db.Transaction, cancellationToken: ct));

            audit.Target("onboarding_event_batch", command.Events.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            audit.Details["received"] = command.Events.Count;
            audit.Details["accepted"] = accepted;
            audit.Details["unmatched"] = unmatched;
            return new IngestResult(accepted, command.Events.Count - accepted, unmatched);
        }
    }
}
