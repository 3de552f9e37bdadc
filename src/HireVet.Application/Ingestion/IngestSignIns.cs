using System.Data.Common;
using Dapper;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Ingestion;

/// <summary>Stores a batch of sign-ins from an identity provider in one transaction with one audit record: the batch
/// goes by binary COPY into a temporary table, and from there into `sign_in_events`, matched to workers by work e-mail.
/// Idempotent on (source, event id): an event sent again is counted as a duplicate and changes nothing. Each stored
/// event carries the time its transaction began, by which the next incremental re-screening finds its worker.</summary>
public static class IngestSignIns
{
    public const int MaxBatch = 10_000;

    public sealed record Command(string Source, IReadOnlyList<IncomingSignIn> Events) : IRequest<IngestResult>, ICommand;

    public sealed class Handler(IDbSession db, IBulkCopy copy, AuditScope audit) : IRequestHandler<Command, IngestResult>
    {
        // The batch's own table, gone at commit or rollback.
        private const string StagingSql = """
            create temp table incoming_sign_ins (
              event_id text collate "C", principal text, occurred_at timestamptz, ip text collate "C", reported_country text,
              reported_city text, user_agent text, device_id text, succeeded boolean, session_id text, session_ended_at timestamptz
            ) on commit drop
            """;

        private static readonly string[] StagingColumns =
        [
            "event_id", "principal", "occurred_at", "ip", "reported_country", "reported_city", "user_agent", "device_id", "succeeded",
            "session_id", "session_ended_at",
        ];

        // Workers by a lookup per event on the work e-mail index (a hash join built a table of every worker for each
        // batch). The principal is compared in the index's collation, so the staging column keeps the default one.
        private const string InsertSql = """
            with stored as (
              insert into sign_in_events (source, event_id, principal, worker_id, occurred_at, ip, reported_country, reported_city,
                                          user_agent, device_id, succeeded, session_id, session_ended_at, received_at)
              select @Source, e.event_id, e.principal, (select w.id from workers w where w.work_email = e.principal), e.occurred_at, e.ip,
                     e.reported_country, e.reported_city, e.user_agent, e.device_id, e.succeeded, e.session_id, e.session_ended_at, now()
              from incoming_sign_ins e
              {0}
              returning worker_id)
            select count(*)::int as accepted, count(*) filter (where worker_id is null)::int as unmatched from stored
            """;

        // Nearly every batch is events not seen before: a plain insert spares ON CONFLICT's separate probe of the key for
        // each row (a seventh of the database's work). A batch holding an event stored already (a resend) fails on the key
        // and is inserted again from the savepoint, skipping what is there.
        private static readonly string FreshSql = string.Format(System.Globalization.CultureInfo.InvariantCulture, InsertSql, "");
        private static readonly string SkippingStoredSql = string.Format(System.Globalization.CultureInfo.InvariantCulture, InsertSql,
            "on conflict (source, event_id) do nothing");

        public async Task<IngestResult> Handle(Command command, CancellationToken ct)
        {
            if (command.Events.Count is 0 or > MaxBatch)
                throw new ArgumentOutOfRangeException(nameof(command), $"A batch holds 1 to {MaxBatch} events.");
            await db.Connection.ExecuteAsync(new CommandDefinition(StagingSql, transaction: db.Transaction, cancellationToken: ct));
            // The same id twice in one batch is one event (and would make the insert touch a row twice).
            await copy.CopyAsync("incoming_sign_ins", StagingColumns, command.Events.DistinctBy(x => x.Event.EventId), static (row, x) =>
            {
                var e = x.Event;
                row.Text(e.EventId);
                row.Text(x.Principal);
                row.Time(e.OccurredAt);
                row.Text(e.Ip);
                row.Text(e.ReportedCountry);
                row.Text(e.ReportedCity);
                row.Text(e.UserAgent);
                row.Text(e.DeviceId);
                row.Boolean(e.Succeeded);
                row.Text(e.SessionId);
                row.Time(e.SessionEndedAt);
            }, ct);
            var (accepted, unmatched) = await InsertAsync(command.Source, ct);

            audit.Target("sign_in_batch", command.Source);
            audit.Details["received"] = command.Events.Count;
            audit.Details["accepted"] = accepted;
            audit.Details["unmatched"] = unmatched;
            return new IngestResult(accepted, command.Events.Count - accepted, unmatched);
        }

        private async Task<(int Accepted, int Unmatched)> InsertAsync(string source, CancellationToken ct)
        {
            await db.Connection.ExecuteAsync(new CommandDefinition("savepoint fresh_sign_ins", transaction: db.Transaction, cancellationToken: ct));
            try
            {
                return await db.Connection.QuerySingleAsync<(int, int)>(new CommandDefinition(FreshSql, new { Source = source }, db.Transaction, cancellationToken: ct));
            }
            catch (DbException e) when (e.SqlState == UniqueViolation)
            {
                await db.Connection.ExecuteAsync(new CommandDefinition("rollback to savepoint fresh_sign_ins", transaction: db.Transaction, cancellationToken: ct));
                return await db.Connection.QuerySingleAsync<(int, int)>(new CommandDefinition(SkippingStoredSql, new { Source = source }, db.Transaction, cancellationToken: ct));
            }
        }

        private const string UniqueViolation = "23505";
    }
}
