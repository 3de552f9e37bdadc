using System.Data.Common;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Threading.Channels;
using FluentValidation;
using HireVet.Application.Common;
using HireVet.Application.Common.Errors;
using HireVet.Application.Vetting;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace HireVet.Application.Candidates;

/// <summary>A bulk import: an applicant-tracking system's export, one dossier per line, stored and vetted in batches. A
/// bad line gets its own errors and never stops or half-writes the others; the same externalId again becomes a revision
/// (or "unchanged"), so a failed upload can simply be sent again. Reading and validating the next batches overlaps
/// storing and vetting the last ones, and batches are stored and vetted <see cref="Streams"/> at a time, each in its
/// own transactions on its own connection: one stream leaves a core idle while it waits for the database and the
/// database waits for it. A batch holding an externalId of a batch still in progress waits for that one, so the
/// earlier line is always stored first.</summary>
public sealed class BulkImport(IServiceScopeFactory scopes, IValidator<SubmitCandidate.Command> validator)
{
    public const int MaxLine = 1_048_576;

    /// <summary>Batches stored and vetted at once.</summary>
    public static readonly int Streams = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>Attempts of a batch's step that PostgreSQL chose to end a deadlock with (two streams' batches re-vetting
    /// each other's candidates can lock them in opposite orders); each attempt is a whole transaction.</summary>
    private const int Attempts = 3;

    private const string DeadlockDetected = "40P01";

    // The ingestion metrics' names for this stream.
    private const string Source = "candidates";
    private const string Format = "ndjson";

    public sealed record LineResult
    {
        public int Line { get; init; }
        public string? ExternalId { get; init; }
        public long? Id { get; init; }
        /// <summary>created, revised, unchanged or rejected.</summary>
        public string Outcome { get; init; } = "";
        public string? Status { get; init; }
        public IDictionary<string, string[]>? Errors { get; init; }
    }

    public sealed record Response
    {
        public int Received { get; set; }
        public int Created { get; set; }
        public int Revised { get; set; }
        public int Unchanged { get; set; }
        public int Rejected { get; set; }
        public int Vetted { get; set; }
        public List<LineResult> Lines { get; } = [];
    }

    /// <summary>A batch of valid dossiers, and the batches still in progress that it must wait for.</summary>
    private sealed class Batch(List<(int Line, SubmitCandidate.Command Dossier)> lines, HashSet<string> externalIds, Task[] after)
    {
        public List<(int Line, SubmitCandidate.Command Dossier)> Lines { get; } = lines;
        public HashSet<string> ExternalIds { get; } = externalIds;
        public Task[] After { get; } = after;
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Imports the lines (numbered, each null when longer than <see cref="MaxLine"/>); the answer lists the
    /// rejected lines, and the accepted ones too when <paramref name="includeAccepted"/>.</summary>
    public async Task<Response> ImportAsync(IAsyncEnumerable<(int Number, byte[]? Bytes)> lines, JsonSerializerOptions json,
        bool includeAccepted, CancellationToken ct)
    {
        var batches = Channel.CreateBounded<Batch>(1); // one batch read ahead
        var read = new Response();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct); // a failed batch stops the reader and the other streams
        var reading = Task.Run(async () =>
        {
            try { await ReadBatchesAsync(lines, json, read, batches.Writer, stop.Token); }
            finally { batches.Writer.TryComplete(); }
        }, stop.Token);

        var streams = Enumerable.Range(0, Streams).Select(_ => Task.Run(async () =>
        {
            var written = new Response();
            await foreach (var batch in batches.Reader.ReadAllAsync(stop.Token))
            {
                try
                {
                    await Task.WhenAll(batch.After);
                    await StoreAndVetAsync(batch.Lines, written, includeAccepted, stop.Token);
                    batch.Done.SetResult();
                }
                catch
                {
                    batch.Done.TrySetCanceled();
                    await stop.CancelAsync();
                    throw;
                }
            }
            return written;
        }, stop.Token)).ToArray();

        try
        {
            await Task.WhenAll(streams);
        }
        catch
        {
            // The first failure is the cause: the other streams were cancelled because of it.
            var cause = streams.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions)
                .FirstOrDefault(e => e is not OperationCanceledException);
            if (cause is not null) ExceptionDispatchInfo.Throw(cause);
            throw;
        }
        await reading;

        var written = streams.Select(t => t.Result).ToArray();
        var response = new Response
        {
            Received = read.Received,
            Rejected = read.Rejected,
            Created = written.Sum(w => w.Created),
            Revised = written.Sum(w => w.Revised),
            Unchanged = written.Sum(w => w.Unchanged),
            Vetted = written.Sum(w => w.Vetted),
        };
        response.Lines.AddRange(read.Lines.Concat(written.SelectMany(w => w.Lines)).OrderBy(l => l.Line));
        HireVetTelemetry.CountIngested(Source, Format, "created", response.Created);
        HireVetTelemetry.CountIngested(Source, Format, "revised", response.Revised);
        HireVetTelemetry.CountIngested(Source, Format, "unchanged", response.Unchanged);
        HireVetTelemetry.CountIngested(Source, Format, "rejected", response.Rejected);
        return response;
    }

    /// <summary>Parses and validates line after line, rejecting bad ones, and hands on batches of good ones, each naming
    /// the batches still in progress that hold one of its externalIds.</summary>
    private async Task ReadBatchesAsync(IAsyncEnumerable<(int Number, byte[]? Bytes)> lines, JsonSerializerOptions json,
        Response read, ChannelWriter<Batch> batches, CancellationToken ct)
    {
        var batch = new List<(int Line, SubmitCandidate.Command Dossier)>();
        var inBatch = new HashSet<string>(StringComparer.Ordinal);
        var inProgress = new List<Batch>();

        void Reject(int line, string? externalId, IDictionary<string, string[]> errors, string reason = "malformed")
        {
            read.Rejected++;
            HireVetTelemetry.CountRejected(Source, Format, reason, errors.Keys);
            read.Lines.Add(new LineResult { Line = line, ExternalId = externalId, Outcome = "rejected", Errors = errors });
        }

        async Task HandOnAsync()
        {
            if (batch.Count == 0) return;
            inProgress.RemoveAll(b => b.Done.Task.IsCompleted);
            var next = new Batch(batch, inBatch, [.. inProgress.Where(b => b.ExternalIds.Overlaps(inBatch)).Select(b => b.Done.Task)]);
            inProgress.Add(next);
            await batches.WriteAsync(next, ct);
            batch = [];
            inBatch = new HashSet<string>(StringComparer.Ordinal);
        }

        await foreach (var (number, bytes) in lines.WithCancellation(ct))
        {
            read.Received++;
            if (bytes is null)
            {
                Reject(number, null, new Dictionary<string, string[]> { ["body"] = [$"The line is longer than {MaxLine} bytes."] });
                continue;
            }

            SubmitCandidate.Command? dossier;
            try
            {
                dossier = JsonSerializer.Deserialize<SubmitCandidate.Command>(bytes, json);
            }
            catch (JsonException e)
            {
                Reject(number, null, FieldErrors.Of(e));
                continue;
            }
            if (dossier is null)
            {
                Reject(number, null, new Dictionary<string, string[]> { ["body"] = ["The line is not a JSON object."] });
                continue;
            }

            var validation = await validator.ValidateAsync(dossier, ct);
            if (!validation.IsValid)
            {
                Reject(number, dossier.ExternalId, FieldErrors.Of(new ValidationException(validation.Errors)), "invalid");
                continue;
            }

            // The same candidate twice in one upload: the earlier line is stored first, the later one revises it.
            if (inBatch.Contains(dossier.ExternalId!.Trim())) await HandOnAsync();
            inBatch.Add(dossier.ExternalId!.Trim());
            batch.Add((number, dossier));
            if (batch.Count >= ImportCandidates.MaxBatch) await HandOnAsync();
        }
        await HandOnAsync();
    }

    /// <summary>Stores a batch and vets it, then vets again the stored candidates it linked to (their rings changed), so
    /// that they see the batch when the answer goes out. Each step is a transaction of its own, tried again should the
    /// database end it to break a deadlock with another stream.</summary>
    private async Task StoreAndVetAsync(List<(int Line, SubmitCandidate.Command Dossier)> batch, Response written,
        bool includeAccepted, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope(); // a connection and audit records of its own
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var stored = (await AttemptAsync(() => mediator.Send(new ImportCandidates.Command([.. batch.Select(b => b.Dossier)]), ct))).Stored;
        var changed = stored.Where(s => s.Outcome != "unchanged").Select(s => s.Id).ToHashSet();
        var vetted = (await AttemptAsync(() => mediator.Send(new VetCandidates.Command([.. changed]), ct))).ToDictionary(v => v.CandidateId);
        var linked = vetted.Values.SelectMany(v => v.LinkedRevetted).Distinct().ToArray();
        if (linked.Length > 0) await AttemptAsync(() => mediator.Send(new VetCandidates.Command(linked), ct));
        written.Vetted += vetted.Keys.Count(changed.Contains);
        for (var i = 0; i < stored.Count; i++)
        {
            var s = stored[i];
            if (s.Outcome == "created") written.Created++;
            else if (s.Outcome == "revised") written.Revised++;
            else written.Unchanged++;
            if (includeAccepted)
                written.Lines.Add(new LineResult
                {
                    Line = batch[i].Line,
                    ExternalId = s.ExternalId,
                    Id = s.Id,
                    Outcome = s.Outcome,
                    Status = vetted.TryGetValue(s.Id, out var v) ? v.Status : s.Status,
                });
        }
    }

    private static async Task<T> AttemptAsync<T>(Func<Task<T>> step)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await step();
            }
            catch (DbException e) when (e.SqlState == DeadlockDetected && attempt < Attempts)
            {
                // PostgreSQL rolled this step's transaction back; the other stream's goes on, and this one runs again.
            }
        }
    }
}
