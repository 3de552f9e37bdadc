using Dapper;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Security;
using MediatR;

namespace HireVet.Application.Ingestion;

/// <summary>Stores a batch of endpoint snapshots, MFA registrations, payroll changes or equipment records (one kind a
/// batch) in one transaction with one audit record; idempotent on (kind, event id), matched to workers by work e-mail
/// like sign-ins. A payroll change's destination is encrypted with Data Protection before it is stored.</summary>
public static class IngestWorkerRecords
{
    public const int MaxBatch = 2000;

    public sealed record Command(string Kind, IReadOnlyList<IncomingRecord> Records) : IRequest<IngestResult>, ICommand;

    public sealed class Handler(IDbSession db, ISensitiveData sensitive, AuditScope audit, TimeProvider clock) : IRequestHandler<Command, IngestResult>
    {
        private const string InsertSql = """
            with stored as (
              insert into worker_records (kind, event_id, principal, worker_id, occurred_at, device_id, data, protected, received_at)
              select @Kind, r.event_id, r.principal, w.id, r.occurred_at, r.device_id, r.data::jsonb, r.protected, @Now
              from unnest(@EventIds, @Principals, @OccurredAt, @DeviceIds, @Data, @Protected)
                   as r(event_id, principal, occurred_at, device_id, data, protected)
              left join workers w on w.work_email = r.principal
              on conflict (kind, event_id) do nothing
              returning worker_id),
            touched as (
              update workers set events_changed_at = @Now where id in (select worker_id from stored where worker_id is not null))
            select count(*)::int as accepted, count(*) filter (where worker_id is null)::int as unmatched from stored
            """;

        public async Task<IngestResult> Handle(Command command, CancellationToken ct)
        {
            if (command.Records.Count is 0 or > MaxBatch)
                throw new ArgumentOutOfRangeException(nameof(command), $"A batch holds 1 to {MaxBatch} records.");
            var r = command.Records.DistinctBy(x => x.EventId).ToArray();
            var (accepted, unmatched) = await db.Connection.QuerySingleAsync<(int, int)>(new CommandDefinition(InsertSql, new
            {
                command.Kind, Now = clock.GetUtcNow(),
                EventIds = r.Select(x => x.EventId).ToArray(), Principals = r.Select(x => x.Principal).ToArray(),
                OccurredAt = r.Select(x => x.OccurredAt).ToArray(), DeviceIds = r.Select(x => x.DeviceId).ToArray(),
                Data = r.Select(x => x.Data).ToArray(), Protected = r.Select(x => x.Secret is null ? null : sensitive.Protect(x.Secret)).ToArray(),
            }, db.Transaction, cancellationToken: ct));

            audit.Target($"{command.Kind}_batch", command.Records.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            audit.Details["received"] = command.Records.Count;
            audit.Details["accepted"] = accepted;
            audit.Details["unmatched"] = unmatched;
            return new IngestResult(accepted, command.Records.Count - accepted, unmatched);
        }
    }
}
