using System.Data.Common;
using System.Text.Json.Serialization;
using Dapper;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Ingestion;

/// <summary>Stores a batch of sign-ins from an identity provider in one transaction with one audit record, matched to
/// workers by work e-mail. Idempotent on (source, time, event id): an event sent again is counted as a duplicate and
/// changes nothing. Each stored event carries the time its transaction began, by which the next incremental
/// re-screening finds its worker.</summary>
/// <remarks>Nearly every batch is events not seen before, so the batch goes by binary COPY straight into
/// `sign_in_events`: the database does no more per event than a bare COPY into that table does (issue 18 measures the
/// two side by side). A batch holding an event stored already (a resend) fails on the key; it is then copied into a
/// temporary table and inserted from there, skipping what is stored.</remarks>
public static class IngestSignIns
{
    public const int MaxBatch = 10_000;

    public sealed record Command(string Source, IReadOnlyList<IncomingSignIn> Events) : IRequest<IngestResult>, ICommand
    {
        /// <summary>Matches made by earlier batches of the same upload (not part of the request: not digested).</summary>
        [JsonIgnore] public WorkerMatches? Matched { get; init; }
    }

    public sealed class Handler(IDbSession db, IBulkCopy copy, AuditScope audit) : IRequestHandler<Command, IngestResult>
    {
        // One probe of the work e-mail key per principal of the batch not matched before.
        private const string WorkersSql = "select work_email, id from workers where work_email = any(@Principals)";

        private static readonly string[] Columns =
        [
            "source", "event_id", "principal", "worker_id", "occurred_at", "ip", "reported_country", "reported_city", "user_agent",
            "device_id", "succeeded", "session_id", "session_ended_at",
        ];

        // The resend path's own table, gone at commit or rollback; received_at takes its default (now()) in both.
        private const string StagingSql = "create temp table incoming_sign_ins (like sign_in_events including defaults) on commit drop";

        private const string SkippingStoredSql = """
            with stored as (
              insert into sign_in_events (source, event_id, principal, worker_id, occurred_at, ip, reported_country, reported_city,
                                          user_agent, device_id, succeeded, session_id, session_ended_at)
              select source, event_id, principal, worker_id, occurred_at, ip, reported_country, reported_city,
                     user_agent, device_id, succeeded, session_id, session_ended_at
              from incoming_sign_ins
              on conflict (source, occurred_at, event_id) do nothing
              returning worker_id)
            select count(*)::int as accepted, count(*) filter (where worker_id is null)::int as unmatched from stored
            """;

        public async Task<IngestResult> Handle(Command command, CancellationToken ct)
        {
            if (command.Events.Count is 0 or > MaxBatch)
                throw new ArgumentOutOfRangeException(nameof(command), $"A batch holds 1 to {MaxBatch} events.");
            // The same id twice in one batch is one event (and would make the insert touch a row twice).
            var events = command.Events.DistinctBy(x => x.Event.EventId).ToArray();
            var matched = command.Matched ?? new WorkerMatches();
            var unknown = events.Select(x => x.Principal).Where(p => !matched.TryGet(p, out _)).Distinct().ToArray();
            if (unknown.Length > 0)
                foreach (var (email, id) in await db.Connection.QueryAsync<(string, long)>(new CommandDefinition(WorkersSql,
                             new { Principals = unknown }, db.Transaction, cancellationToken: ct)))
                    matched.Add(email, id);
            var rows = events.Select(x => new Row(command.Source, x, matched.TryGet(x.Principal, out var id) ? id : null)).ToArray();

            var (accepted, unmatched) = await InsertAsync(rows, ct);
            audit.Target("sign_in_batch", command.Source);
            audit.Details["received"] = command.Events.Count;
            audit.Details["accepted"] = accepted;
            audit.Details["unmatched"] = unmatched;
            return new IngestResult(accepted, command.Events.Count - accepted, unmatched);
        }

        private sealed record Row(string Source, IncomingSignIn SignIn, long? WorkerId);

        private async Task<(int Accepted, int Unmatched)> InsertAsync(Row[] rows, CancellationToken ct)
        {
            await ExecuteAsync("savepoint fresh_sign_ins", ct);
            try
            {
                var copied = (int)await copy.CopyAsync("sign_in_events", Columns, rows, Write, ct);
                return (copied, rows.Count(r => r.WorkerId is null));
            }
            catch (DbException e) when (e.SqlState == UniqueViolation)
            {
                await ExecuteAsync("rollback to savepoint fresh_sign_ins", ct);
                await ExecuteAsync(StagingSql, ct);
                await copy.CopyAsync("incoming_sign_ins", Columns, rows, Write, ct);
                return await db.Connection.QuerySingleAsync<(int, int)>(new CommandDefinition(SkippingStoredSql, transaction: db.Transaction, cancellationToken: ct));
            }
        }

        private static void Write(ICopyRow row, Row r)
        {
            var e = r.SignIn.Event;
            row.Text(r.Source);
            row.Text(e.EventId);
            row.Text(r.SignIn.Principal);
            row.Number(r.WorkerId);
            row.Time(e.OccurredAt);
            row.Text(e.Ip);
            row.Text(e.ReportedCountry);
            row.Text(e.ReportedCity);
            row.Text(e.UserAgent);
            row.Text(e.DeviceId);
            row.Boolean(e.Succeeded);
            row.Text(e.SessionId);
            row.Time(e.SessionEndedAt);
        }

        private Task ExecuteAsync(string sql, CancellationToken ct) =>
            db.Connection.ExecuteAsync(new CommandDefinition(sql, transaction: db.Transaction, cancellationToken: ct));

        private const string UniqueViolation = "23505";
    }
}
