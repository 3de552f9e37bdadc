using System.Text.Json;
using Dapper;
using FluentValidation;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Security;
using HireVet.Application.Dossiers;
using HireVet.Application.ReferenceData;
using MediatR;

namespace HireVet.Application.Rescreening;

/// <summary>Starts a re-screening run: the nightly incremental one (workers with new events since they were last
/// re-screened, or everyone when the reference data changed since the last run: a new SDN entry can concern anyone),
/// the weekly full one (every active worker and every open candidate), or one an admin starts now. The subjects are
/// split into batches stored with the run; after commit each batch becomes a background job that any node may run. A
/// scheduled start may be delivered twice (the job engine runs a job at least once): its job's id is the run's key,
/// and a second delivery returns the run the first one started, enqueuing any batch the first left unenqueued.</summary>
public static class StartRescreen
{
    /// <summary>Subjects per batch (per job) unless the command says otherwise.</summary>
    public const int DefaultBatchSize = 200;

    /// <summary>A run's <paramref name="Kind"/> (incremental or full) and <paramref name="Trigger"/> (schedule or manual),
    /// <paramref name="BatchSize"/> subjects per batch, and for a scheduled run the <paramref name="JobKey"/>: the id of
    /// the background job that starts it (null for a run started by hand).</summary>
    public sealed record Command(string Kind, string Trigger = "manual", int BatchSize = DefaultBatchSize, string? JobKey = null)
        : IRequest<Response>, ICommand;

    public sealed record Response(long? RunId, int Subjects, int Batches, string Kind);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Kind).Must(k => k is "incremental" or "full").WithMessage("'kind' must be incremental or full.");
            RuleFor(c => c.Trigger).Must(t => t is "schedule" or "manual").WithMessage("'trigger' must be schedule or manual.");
            RuleFor(c => c.BatchSize).InclusiveBetween(1, 1000);
            RuleFor(c => c.JobKey).MaximumLength(200);
        }
    }

    public sealed class Handler(IDbSession db, IReferenceData referenceData, RescreenBatchQueue batchQueue, IAfterCommit afterCommit,
        ICurrentActor actor, AuditScope audit, TimeProvider clock) : IRequestHandler<Command, Response>
    {
        // Hired workers who are active, and candidates whose case is open (not rejected, not hired, not pending a first vetting).
        private const string EveryoneSql = """
            select candidate_id from workers where status = 'active'
            union
            select c.id from candidates c
            where c.status in ('clear', 'review', 'information_requested', 'awaiting_approval', 'rejection_pending', 'cleared')
              and not exists (select 1 from workers w where w.candidate_id = c.id)
            order by 1
            """;

        // Workers marked by a hire's matched events or new records since they were last re-screened, and workers with
        // sign-ins received from the last run's watermark on.
        private const string ChangedSql = """
            select candidate_id from workers
            where status = 'active' and events_changed_at is not null and (rescreened_at is null or events_changed_at > rescreened_at)
            union
            select w.candidate_id from workers w
            where w.status = 'active'
              and w.id in (select s.worker_id from sign_in_events s where s.received_at >= @Since and s.worker_id is not null)
            order by 1
            """;

        // A run that failed batches does not move the watermark on: its subjects' sign-ins are taken again.
        private const string SinceSql = """
            select coalesce((select events_watermark from rescreen_runs where status <> 'completed_with_failures' and events_watermark is not null
                             order by id desc limit 1), timestamptz '1970-01-01Z')
            """;

        private const string LastVersionSql = "select reference_version from rescreen_runs order by id desc limit 1";

        // Sign-ins carry the start of the transaction that stored them. Every one received before the oldest
        // transaction still open is committed, so visible to the selection that follows; later ones may not be yet,
        // and the next run takes them from here. (Sessions of the app's own database user are all visible here.)
        private const string WatermarkSql = """
            select least(now(), (select min(xact_start) from pg_stat_activity
                                 where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null))
            """;

        private const string StartedAlreadySql = """
            select id as RunId, total as Subjects, batches, kind from rescreen_runs where job_key = @JobKey
            """;

        // A concurrent delivery of the same job that committed first wins; this one then returns its run.
        private const string InsertRunSql = """
            insert into rescreen_runs (kind, trigger, requested_by, started_at, total, batches, reference_version, events_watermark, job_key)
            values (@Kind, @Trigger, @RequestedBy, @Now, @Total, @Batches, @ReferenceVersion, @Watermark, @JobKey)
            on conflict (job_key) where job_key is not null do nothing
            returning id
            """;

        private const string InsertBatchesSql = """
            insert into rescreen_batches (run_id, batch_no, candidate_ids)
            select @RunId, b.no, b.ids::bigint[] from unnest(@Numbers, @Ids) as b(no, ids)
            """;

        public async Task<Response> Handle(Command command, CancellationToken ct)
        {
            if (await StartedAlreadyAsync(command, ct) is { } started) return started;
            var reference = await referenceData.LoadedAsync(ct);
            var version = JsonSerializer.Serialize(reference.Datasets.Select(d => new { d.Name, d.AsOf, d.Rows, d.Status }), DossierJson.Options);
            var lastVersion = await db.Connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(LastVersionSql, transaction: db.Transaction, cancellationToken: ct));
            var everyone = command.Kind == "full" || lastVersion != version;
            var since = await db.Connection.ExecuteScalarAsync<DateTime>(new CommandDefinition(SinceSql, transaction: db.Transaction, cancellationToken: ct));
            var watermark = await db.Connection.ExecuteScalarAsync<DateTime>(new CommandDefinition(WatermarkSql, transaction: db.Transaction, cancellationToken: ct));
            var subjects = (await db.Connection.QueryAsync<long>(new CommandDefinition(everyone ? EveryoneSql : ChangedSql, new { Since = since },
                transaction: db.Transaction, cancellationToken: ct))).ToArray();

            audit.Target("rescreen_run", command.Kind);
            audit.Details["subjects"] = subjects.Length;
            audit.Details["everyone"] = everyone;
            if (subjects.Length == 0) return new Response(null, 0, 0, command.Kind);

            var batches = subjects.Chunk(command.BatchSize).ToArray();
            var inserted = await db.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(InsertRunSql, new
            {
                command.Kind, command.Trigger, RequestedBy = actor.Name, Now = clock.GetUtcNow(), Total = subjects.Length, Batches = batches.Length,
                ReferenceVersion = version, Watermark = watermark, command.JobKey,
            }, db.Transaction, cancellationToken: ct));
            if (inserted is not { } runId) return (await StartedAlreadyAsync(command, ct))!;
            await db.Connection.ExecuteAsync(new CommandDefinition(InsertBatchesSql, new
            {
                RunId = runId, Numbers = Enumerable.Range(1, batches.Length).ToArray(),
                Ids = batches.Select(ArrayLiterals.Of).ToArray(),
            }, db.Transaction, cancellationToken: ct));

            audit.Target("rescreen_run", runId);
            audit.Details["batches"] = batches.Length;
            afterCommit.Enqueue(token => batchQueue.EnqueueNotEnqueuedAsync(runId, token));
            return new Response(runId, subjects.Length, batches.Length, command.Kind);
        }

        private async Task<Response?> StartedAlreadyAsync(Command command, CancellationToken ct)
        {
            if (command.JobKey is null) return null;
            var run = await db.Connection.QuerySingleOrDefaultAsync<Response>(new CommandDefinition(StartedAlreadySql, new { command.JobKey },
                db.Transaction, cancellationToken: ct));
            if (run is null) return null;
            audit.Target("rescreen_run", run.RunId!.Value);
            audit.Details["outcome"] = "started already by this job";
            afterCommit.Enqueue(token => batchQueue.EnqueueNotEnqueuedAsync(run.RunId.Value, token));
            return run;
        }
    }
}
